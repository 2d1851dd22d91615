"""A city's complete export: asked for by its administrator, built by the task, downloaded
as one zip with each kind of data and the files, and nothing private or of another city."""

import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage
from django_scopes import scope, scopes_disabled

from notifications.models import Notification
from stewardship.archive import KINDS
from stewardship.exports import build_city_export, request_city_export
from stewardship.models import CityExport, ExportStatus


def _export_through_the_page(world, client_as, django_capture_on_commit_callbacks):
    client = client_as("member_a")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/c/{world.city.slug}/export/")
    assert response.status_code == 302
    with scopes_disabled():
        export = CityExport.objects.get(city=world.city)
    assert export.status == ExportStatus.READY, export.error
    download = client.get(f"/c/{world.city.slug}/export/{export.pk}/download/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Type"] == "application/zip"
    return export, zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))


@pytest.fixture
def archive(world, client_as, django_capture_on_commit_callbacks):
    return _export_through_the_page(world, client_as, django_capture_on_commit_callbacks)[1]


def _json(archive, kind):
    return json.loads(archive.read(f"{kind}.json"))


def test_the_archive_has_one_document_per_kind_and_a_manifest(archive, world):
    names = set(archive.namelist())
    assert {f"{kind}.json" for kind in KINDS} | {"README.json"} <= names
    manifest = _json(archive, "README")
    assert manifest["city"] == {"slug": "alphaville", "name": "Alphaville"}
    assert manifest["requested_by"]["email"] == world.users["member_a"].email
    assert {d["file"] for d in manifest["documents"]} == {f"{k}.json" for k in KINDS}
    assert manifest["missing_files"] == []
    assert "coaching.CheckIn.private_notes" in manifest["left_out"]


def test_each_kind_matches_the_database(archive, world):
    a = world.extra["a"]
    assert _json(archive, "city")["slug"] == "alphaville"
    with scopes_disabled():
        emails = {m.user.email for m in world.city.memberships.select_related("user")}
    assert {m["email"] for m in _json(archive, "memberships")} == emails
    assert [x["id"] for x in _json(archive, "applications")] == [a["application"].pk]
    assert [x["cohort_id"] for x in _json(archive, "enrollments")] == [world.cohort.pk]
    assert [x["title"] for x in _json(archive, "sessions")] == ["ALPHA workshop"]
    assert [x["answer"] for x in _json(archive, "rsvps")] == ["yes"]
    assert [x["user"]["email"] for x in _json(archive, "attendance")] == [
        world.users["member_a"].email
    ]
    assert [x["note"] for x in _json(archive, "training_hours")] == ["ALPHA reading"]
    checkins = _json(archive, "checkins")
    assert [c["summary"] for c in checkins] == ["ALPHA shared summary"]
    assert checkins[0]["attendees"][0]["email"] == world.users["member_a"].email
    assert [x["title"] for x in _json(archive, "action_items")] == ["ALPHA action"]
    assert [x["question"] for x in _json(archive, "mayor_requests")] == ["ALPHA question?"]
    showcase = _json(archive, "showcases")[0]
    assert showcase["title"] == "ALPHA showcase"
    assert {e["kind"] for e in showcase["evidence"]} == {"file", "link"}
    assert [f["strengths"] for f in showcase["feedback"]] == ["ALPHA strengths"]
    strategy = _json(archive, "strategy")[0]
    assert strategy["vision"] == "ALPHA vision"
    governance = next(c for c in strategy["components"] if c["key"] == "governance")
    assert [i["title"] for i in governance["initiatives"]] == ["ALPHA initiative"]
    assert [m["name"] for m in governance["metrics"]] == ["ALPHA metric"]
    assert [c["body"] for c in strategy["comments"]] == ["ALPHA comment"]
    assert [v["number"] for v in strategy["versions"]] == [1]
    assert strategy["versions"][0]["snapshot"]["vision"] == "ALPHA vision"
    assert any(e["event"] == "strategy.submitted" for e in _json(archive, "notification_log"))


def test_the_uploaded_files_are_in_the_archive(archive):
    showcase = _json(archive, "showcases")[0]
    evidence = next(e for e in showcase["evidence"] if e["kind"] == "file")
    assert archive.read(evidence["file"]) == b"month,requests\nALPHA,1\n"
    letter = _json(archive, "applications")[0]["letter"]
    assert archive.read(letter) == b"%PDF-1.4 letter ALPHA"


def test_no_private_notes_and_nothing_of_another_city(archive, world):
    everything = b"\n".join(archive.read(name) for name in archive.namelist())
    assert b"ALPHA" in everything
    assert b"PRIVATE-COACH-NOTE" not in everything
    assert b"INTERNAL-NOTE" not in everything
    application = _json(archive, "applications")[0]
    assert not {"internal_notes", "score_leadership", "decided_by"} & set(application)
    assert b"BETA" not in everything
    assert world.users["member_b"].email.encode() not in everything
    assert world.users["admin_b"].email.encode() not in everything


def test_the_administrator_is_told_when_it_is_ready(
    world, client_as, django_capture_on_commit_callbacks
):
    export, _archive = _export_through_the_page(
        world, client_as, django_capture_on_commit_callbacks
    )
    notification = Notification.objects.get(
        recipient=world.users["member_a"], subject__contains="data export"
    )
    assert notification.subject == "The data export of Alphaville is ready"
    assert notification.url == f"/c/{world.city.slug}/export/"
    page = client_as("member_a").get(f"/c/{world.city.slug}/export/")
    assert f"/c/{world.city.slug}/export/{export.pk}/download/" in page.content.decode()


def test_only_one_export_is_prepared_at_a_time(world, client_as):
    client = client_as("member_a")
    client.post(f"/c/{world.city.slug}/export/")  # its task waits for the commit
    response = client.post(f"/c/{world.city.slug}/export/", follow=True)
    assert "An export is already being prepared." in response.content.decode()
    with scopes_disabled():
        assert CityExport.objects.filter(city=world.city).count() == 1


def test_a_failure_is_recorded_shown_and_does_not_block_the_next_request(
    world, client_as, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("stewardship.exports.collect_city_data", broken)
    client = client_as("member_a")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{world.city.slug}/export/")
    with scopes_disabled():
        export = CityExport.objects.get(city=world.city)
    assert export.status == ExportStatus.FAILED and "disk full" in export.error
    page = client.get(f"/c/{world.city.slug}/export/").content.decode()
    assert "Failed. Please ask again" in page
    assert Notification.objects.filter(
        recipient=world.users["member_a"], subject__contains="failed"
    ).exists()
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/c/{world.city.slug}/export/")
    with scopes_disabled():
        assert CityExport.objects.filter(city=world.city, status="ready").count() == 1


def test_an_expired_export_is_removed_and_no_longer_downloadable(world, client_as):
    from datetime import timedelta

    from django.utils import timezone

    with scope(city=world.city):
        export = request_city_export(city=world.city, user=world.users["member_a"])
        build_city_export(export=export)
        name = export.file.name
        CityExport.objects.filter(pk=export.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
    client = client_as("member_a")
    assert client.get(f"/c/{world.city.slug}/export/{export.pk}/download/").status_code == 404
    client.post(f"/c/{world.city.slug}/export/")  # asking again clears the expired one
    export.refresh_from_db()
    assert export.status == ExportStatus.EXPIRED and not default_storage.exists(name)


def test_other_people_cannot_ask_or_download(world, client_as, django_capture_on_commit_callbacks):
    with scope(city=world.city):
        export = request_city_export(city=world.city, user=world.users["member_a"])
        build_city_export(export=export)
    url = f"/c/{world.city.slug}/export/{export.pk}/download/"
    assert client_as("admin_b").get(url).status_code == 404
    assert client_as("mayor_a").get(url).status_code == 403
    assert client_as("coach_a").get(url).status_code == 403
    assert client_as("staff").get(url).status_code == 200
    # City B's administrator cannot reach A's export through B's address either.
    assert (
        client_as("admin_b")
        .get(f"/c/{world.other_city.slug}/export/{export.pk}/download/")
        .status_code
        == 404
    )
    assert client_as("mayor_a").post(f"/c/{world.city.slug}/export/").status_code == 403


def test_the_city_navigation_shows_the_export_to_administrators_only(world, client_as):
    home = f"/c/{world.city.slug}/"
    assert "Data export" in client_as("member_a").get(home).content.decode()
    assert "Data export" not in client_as("mayor_a").get(home).content.decode()


def test_a_daily_task_removes_expired_archives_of_every_city(world):
    from datetime import timedelta

    from django.utils import timezone
    from django_celery_beat.models import PeriodicTask

    from stewardship.tasks import expire_exports_task

    assert PeriodicTask.objects.get(task="stewardship.expire_exports").enabled
    names = {}
    for city, admin in ((world.city, "member_a"), (world.other_city, "admin_b")):
        with scope(city=city):
            export = build_city_export(
                export=request_city_export(city=city, user=world.users[admin])
            )
            names[city.slug] = (export.pk, export.file.name)
    with scopes_disabled():
        CityExport.objects.filter(city=world.city).update(
            expires_at=timezone.now() - timedelta(hours=1)
        )
    assert expire_exports_task() == 1
    with scopes_disabled():
        assert CityExport.objects.get(pk=names["alphaville"][0]).status == ExportStatus.EXPIRED
        assert CityExport.objects.get(pk=names["betatown"][0]).status == ExportStatus.READY
    assert not default_storage.exists(names["alphaville"][1])
    assert default_storage.exists(names["betatown"][1])
