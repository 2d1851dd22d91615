"""The showcases API: drafts, transitions as actions, uploads, and the read-only library."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope, scopes_disabled

from demo import samples
from showcases.models import Evidence, State
from tests import factories
from tests.showcases.conftest import login


def test_the_team_drafts_uploads_and_submits_through_the_api(client, team):
    login(client, team.cdo)
    created = client.post("/api/v1/cities/riverton/showcases/", {
        "title": "Data standards", "practice_type": "policy", "pillar": "invest",
        "what_changed": "A citywide data standard.", "who_involved": "IT and legal.",
        "impact": "Fewer duplicate datasets.", "sustainment_owner": "CDO",
        "sustainment_how": "Annual review.", "sustainment_review_on": "2027-03-01",
    }, content_type="application/json")
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["state"] == "draft"

    refused = client.post(f"/api/v1/cities/riverton/showcases/{pk}/submit/")
    assert refused.status_code == 400
    assert "evidence" in refused.json()

    fake = client.post(f"/api/v1/cities/riverton/showcases/{pk}/evidence/", {
        "file": SimpleUploadedFile("standard.pdf", b"MZ\x90\x00" + b"\x00" * 64)})
    assert fake.status_code == 400 and "file" in fake.json()
    real = client.post(f"/api/v1/cities/riverton/showcases/{pk}/evidence/", {
        "file": SimpleUploadedFile("standard.pdf", samples.pdf_bytes())})
    assert real.status_code == 201
    assert real.json()["download_url"].startswith(f"/c/riverton/showcases/{pk}/evidence/")

    submitted = client.post(f"/api/v1/cities/riverton/showcases/{pk}/submit/")
    assert submitted.json()["state"] == "submitted"
    locked = client.patch(f"/api/v1/cities/riverton/showcases/{pk}/", {"title": "x"},
                          content_type="application/json")
    assert locked.status_code == 400
    with scope(city=team.city):
        assert Evidence.objects.filter(showcase_id=pk).count() == 1


def test_the_state_cannot_be_written_directly(client, team):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city)
    login(client, team.cdo)
    response = client.patch(f"/api/v1/cities/riverton/showcases/{showcase.pk}/",
                            {"state": "accepted", "title": "Renamed"},
                            content_type="application/json")
    assert response.status_code == 200
    showcase.refresh_from_db()
    assert showcase.state == State.DRAFT and showcase.title == "Renamed"


def test_the_library_api_lists_published_showcases_only(client, team):
    with scopes_disabled():
        published = factories.ShowcaseFactory(city=team.city, state=State.ACCEPTED,
                                              publication_consent=True, title="Shared")
        factories.ShowcaseFactory(city=team.city, state=State.ACCEPTED, title="Private")
    from showcases.library import approve_publication

    approve_publication(showcase=published, by=team.staff)
    body = login(client, team.other_cdo).get("/api/v1/library/").json()
    assert [row["title"] for row in body["results"]] == ["Shared"]
    assert body["results"][0]["city"] == "Riverton"
    assert client.get("/api/v1/library/", {"country": "Mexico"}).json()["count"] == 0
