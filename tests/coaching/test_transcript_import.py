"""A coaching call becomes a check-in: upload a transcript, review the draft, confirm; the
transcript stays the coach's and staff's, and is deleted after its retention."""

import datetime
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from django_scopes import scopes_disabled

from accounts.models import Membership
from coaching.models import ActionItem, CallTranscript, CheckIn, CheckInStatus, MayorRequest
from coaching.tasks import delete_expired_transcripts_task
from tests import factories

FILES = Path(__file__).parent / "transcripts"
IMPORT = "/c/alphaville/coaching/import/"
NAMES = {"member_a": "María José Gutiérrez", "manager_a": "Luis Ortega",
         "mayor_a": "Rosa Díaz", "coach_a": "Carla Méndez"}


@pytest.fixture
def team(world):
    for role, name in NAMES.items():
        world.users[role].name = name
        world.users[role].save(update_fields=["name"])
    return world


def _upload(client, name, data=None, *, upload_name=None):
    data = (FILES / name).read_bytes() if data is None else data
    return client.post(IMPORT, {"file": SimpleUploadedFile(upload_name or name, data)})


def _count():
    with scopes_disabled():
        return CallTranscript.objects.count()


def _day(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def _review(team, client_as, name="es_teams.vtt"):
    client = client_as("coach_a")
    response = _upload(client, name)
    assert response.status_code == 302
    with scopes_disabled():
        transcript = CallTranscript.objects.get()
    assert response["Location"] == f"{IMPORT}{transcript.pk}/"
    return client, transcript, client.get(response["Location"])


def test_a_spanish_transcript_is_drafted_for_review(team, client_as):
    _client, transcript, page = _review(team, client_as)
    body = page.content.decode()
    assert page.status_code == 200
    assert transcript.kind == "webvtt" and transcript.uploaded_by == team.users["coach_a"]
    for role in ("member_a", "manager_a", "mayor_a"):  # matched despite the spelling
        assert re.search(rf'name="attendees" value="{team.users[role].pk}"[^>]*checked', body)
    assert re.search(r'name="action-0-keep"[^>]*checked', body)
    assert re.search(r'name="decision-0-keep"[^>]*checked', body)
    assert "Pedro Invitado" in body  # listed as not matched
    assert 'value="Voy a preparar la política de datos abiertos para el 15 de marzo."' in body
    assert "alcaldesa decida si publicamos" in body
    assert 'name="duration_minutes" value="46"' in body
    with scopes_disabled():
        assert not CheckIn.objects.filter(city=team.city).exists()  # nothing saved yet


def _confirm_data(team, **overrides):
    data = {
        "happened_at": "2026-03-02T15:00", "duration_minutes": "46", "mode": "video",
        "attendees": [team.users["member_a"].pk, team.users["manager_a"].pk],
        "summary": "Inventario y política de datos abiertos.", "private_notes": "",
        "next_checkin_on": _day(14),
        "action_count": "3", "decision_count": "1",
        "action-0-keep": "on", "action-0-title": "Enviar el inventario al equipo",
        "action-0-owner": team.users["member_a"].pk, "action-0-due_on": _day(5),
        # action-1 dropped: no "keep", and its invalid date is not even looked at
        "action-1-title": "Yo me encargo del inventario.", "action-1-due_on": "not a date",
        "action-2-keep": "on", "action-2-title": "Preparar la política de datos abiertos",
        "action-2-owner": team.users["manager_a"].pk, "action-2-due_on": _day(12),
        "decision-0-keep": "on", "decision-0-question": "¿Publicamos los datos de 311?",
        "decision-0-deadline": _day(20),
    }
    return data | overrides


def test_the_coach_confirms_edits_and_drops(team, client_as):
    client, transcript, _page = _review(team, client_as)
    response = client.post(f"{IMPORT}{transcript.pk}/", _confirm_data(team))
    assert response.status_code == 302
    assert response["Location"] == "/c/alphaville/coaching/"
    with scopes_disabled():
        checkin = CheckIn.objects.get(city=team.city)
        assert checkin.status == CheckInStatus.LOGGED
        assert set(checkin.attendees.all()) == {team.users["member_a"], team.users["manager_a"]}
        assert checkin.duration_minutes == 46
        assert sorted(ActionItem.objects.filter(checkin=checkin).values_list(
            "title", flat=True)) == ["Enviar el inventario al equipo",
                                     "Preparar la política de datos abiertos"]
        assert MayorRequest.objects.get(city=team.city).question == "¿Publicamos los datos de 311?"
        transcript.refresh_from_db()
        assert transcript.checkin == checkin
    again = client.post(f"{IMPORT}{transcript.pk}/", _confirm_data(team))
    assert again.status_code == 200
    assert "A check-in was already saved from this transcript." in again.content.decode()
    with scopes_disabled():
        assert CheckIn.objects.filter(city=team.city).count() == 1  # not twice


def test_a_refused_item_saves_nothing(team, client_as):
    client, transcript, _page = _review(team, client_as)
    response = client.post(f"{IMPORT}{transcript.pk}/", _confirm_data(
        team, **{"action-2-due_on": _day(-3)}))
    assert response.status_code == 200
    assert "The due date cannot be in the past." in response.content.decode()
    with scopes_disabled():
        assert not CheckIn.objects.exists() and not ActionItem.objects.exists()
        assert not MayorRequest.objects.exists()


def test_a_missing_summary_is_shown_at_its_field(team, client_as):
    client, transcript, _page = _review(team, client_as)
    response = client.post(f"{IMPORT}{transcript.pk}/", _confirm_data(team, summary=""))
    body = response.content.decode()
    assert response.status_code == 200 and "error-summary" in body
    assert "Write a short summary for the city&#x27;s team." in body


@pytest.mark.parametrize("name", ["en_zoom.vtt", "pt_call.srt", "plain_en.txt"])
def test_english_portuguese_and_plain_transcripts(team, client_as, name):
    _client, _transcript, page = _review(team, client_as, name)
    body = page.content.decode()
    assert page.status_code == 200
    assert f'value="{team.users["member_a"].pk}" id="id_attendees_' in body
    assert 'name="action-0-title"' in body


@pytest.mark.parametrize(("name", "data", "message"), [
    ("malformed.vtt", None, "has no timing line"),
    ("call.pdf", b"%PDF-1.4", "Upload a WebVTT (.vtt), SRT (.srt) or plain text (.txt)"),
    ("call.vtt", b"\x00\x01\x02\x03" * 50, "not a text file"),
    ("call.txt", b"no speaker here at all", "Name: words"),
    ("call.srt", b"", "The submitted file is empty."),
])
def test_a_bad_file_is_refused_at_the_field_and_nothing_is_saved(team, client_as, name, data,
                                                                message):
    response = _upload(client_as("coach_a"), name, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body.replace("&#x27;", "'").replace("&quot;", '"')
    assert 'id="id_file_error"' in body and 'aria-invalid="true"' in body
    assert _count() == 0


def test_control_characters_leave_the_file_name(team, client_as):
    response = _upload(client_as("coach_a"), "plain_en.txt", upload_name="call\x00\x07.txt")
    assert response.status_code == 302
    with scopes_disabled():
        assert CallTranscript.objects.get().file_name == "call.txt"


@override_settings(TRANSCRIPT_MAX_BYTES=100)
def test_a_file_too_large_is_refused(team, client_as):
    response = _upload(client_as("coach_a"), "es_teams.vtt")
    assert "The file is larger than 1 MB." in response.content.decode()
    assert _count() == 0


def test_hostile_review_posts_never_fail(team, client_as):
    client, transcript, _page = _review(team, client_as)
    for data in ({"action_count": "99999999", "decision_count": "-4"},
                 {"action_count": "abc", "attendees": ["x"], "happened_at": "yesterday"},
                 _confirm_data(team, **{"action-0-owner": "999999", "decision_count": "7"})):
        response = client.post(f"{IMPORT}{transcript.pk}/", data)
        assert response.status_code == 200
    with scopes_disabled():
        assert not CheckIn.objects.filter(city=team.city).exists()


def test_the_city_team_never_sees_the_transcript(team, client_as):
    client, transcript, _page = _review(team, client_as)
    client.post(f"{IMPORT}{transcript.pk}/", _confirm_data(team))
    with scopes_disabled():
        checkin = CheckIn.objects.get(city=team.city)
    for role in ("member_a", "mayor_a", "manager_a"):
        person = client_as(role)
        for url in (IMPORT, f"{IMPORT}{transcript.pk}/"):
            assert person.get(url).status_code == 403
        assert person.post(f"{IMPORT}{transcript.pk}/delete/").status_code == 403
        for url in ("/c/alphaville/coaching/", checkin.get_absolute_url(),
                    "/api/v1/cities/alphaville/checkins/"):
            body = person.get(url).content.decode()
            assert "Pedro Invitado" not in body and "Me parece bien" not in body
            assert "es_teams.vtt" not in body
    assert _count() == 1


def test_another_citys_coach_gets_404(team, client_as):
    _client, transcript, _page = _review(team, client_as)
    other = client_as("coach_b")
    assert other.get(f"{IMPORT}{transcript.pk}/").status_code == 404
    # Through the coach's own city: not found either (the tenant scope).
    assert other.get(f"/c/betatown/coaching/import/{transcript.pk}/").status_code == 404
    assert other.post(f"/c/betatown/coaching/import/{transcript.pk}/delete/").status_code == 404
    assert "es_teams.vtt" not in other.get("/c/betatown/coaching/import/").content.decode()
    assert _count() == 1


def test_the_coach_may_delete_a_transcript_at_once(team, client_as):
    client, transcript, _page = _review(team, client_as)
    response = client.post(f"{IMPORT}{transcript.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == IMPORT
    assert _count() == 0


def _aged(world, days):
    with scopes_disabled():
        transcript = factories.CallTranscriptFactory(city=world.city)
        CallTranscript.objects.filter(pk=transcript.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days))
    return transcript


def test_transcripts_are_deleted_after_the_retention(team):
    assert PeriodicTask.objects.get(task="coaching.delete_expired_transcripts").enabled
    old, recent = _aged(team, 31), _aged(team, 29)
    assert delete_expired_transcripts_task() == 1
    with scopes_disabled():
        assert list(CallTranscript.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.pk != recent.pk


@override_settings(TRANSCRIPT_RETENTION_DAYS=7)
def test_the_retention_is_a_setting(team):
    _aged(team, 8)
    kept = _aged(team, 6)
    with scopes_disabled():
        checkin = factories.CheckInFactory(city=team.city)
        CallTranscript.objects.filter(pk=kept.pk).update(checkin=checkin)
    assert delete_expired_transcripts_task() == 1
    with scopes_disabled():
        assert CheckIn.objects.filter(pk=checkin.pk).exists()  # the check-in stays
        assert CallTranscript.objects.get().pk == kept.pk


def test_the_citys_data_export_holds_no_transcript(team, client_as,
                                                   django_capture_on_commit_callbacks):
    client, transcript, _page = _review(team, client_as)
    client.post(f"{IMPORT}{transcript.pk}/", _confirm_data(team))
    with scopes_disabled():
        Membership.objects.filter(user=team.users["member_a"]).update(is_city_admin=True)
    admin = client_as("member_a")
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post("/c/alphaville/export/").status_code == 302
    with scopes_disabled():
        export = team.city.exports.get()
    download = admin.get(f"/c/alphaville/export/{export.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    contents = b"".join(archive.read(name) for name in archive.namelist())
    assert "Inventario y política".encode() in contents  # the check-in's summary is there
    for private in ("Pedro Invitado", "Me parece bien", "es_teams.vtt", "enviaré el viernes"):
        assert private.encode() not in contents
