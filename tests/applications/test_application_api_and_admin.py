"""The applications API and the staff review in the admin."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from applications import lifecycle as domain
from applications.models import Application, ApplicationState
from tests import factories

pytestmark = pytest.mark.django_db
S = ApplicationState


def api(user=None):
    client = APIClient()
    if user:
        client.force_authenticate(user)
    return client


@pytest.fixture
def staff():
    return factories.UserFactory(is_staff=True, is_superuser=True)


def test_cohorts_are_public_with_their_window():
    cohort = factories.OpenCohortFactory()
    body = api().get("/api/v1/cohorts/").json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["slug"] == cohort.slug and row["applications_open"] is True
    assert api().get(f"/api/v1/cohorts/{cohort.slug}/").json()["min_population"] == 100_000


def test_applicant_sees_only_their_own_staff_see_all(staff):
    mine = factories.ApplicationFactory()
    factories.ApplicationFactory()
    body = api(mine.applicant).get("/api/v1/applications/").json()
    assert [row["id"] for row in body["results"]] == [mine.pk]
    assert api(staff).get("/api/v1/applications/").json()["count"] == 2
    other = factories.ApplicationFactory()
    assert api(mine.applicant).get(f"/api/v1/applications/{other.pk}/").status_code == 404


def test_internal_notes_and_scores_are_never_in_the_api():
    application = factories.ApplicationFactory(internal_notes="secret", score_team=2)
    body = api(application.applicant).get(f"/api/v1/applications/{application.pk}/").json()
    assert "secret" not in str(body) and "score_team" not in body


def test_create_update_submit_and_withdraw_through_the_api():
    cohort = factories.OpenCohortFactory()
    user = factories.UserFactory()
    payload = {
        "cohort": cohort.slug, "city_name": "Apiville", "country": "Chile", "region": "",
        "population": 100_000, "has_cdo": True, "monthly_commitment_hours": "5.0",
        "mayor_name": "M", "mayor_email": "m@apiville.test", "mayor_commits_to_convening": True,
        "priorities": "Transit", "team": [
            {"name": "A", "email": "a@apiville.test", "role": "cdo"},
            {"name": "B", "email": "b@apiville.test", "role": "policy_lead"},
            {"name": "C", "email": "c@apiville.test", "role": "other"}],
    }
    created = api(user).post("/api/v1/applications/", payload, format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    refused = api(user).post(f"/api/v1/applications/{pk}/submit/")
    assert refused.status_code == 400
    assert "100,000" in str(refused.json()["population"])
    assert api(user).patch(f"/api/v1/applications/{pk}/", {"population": 100_001},
                           format="json").status_code == 200
    submitted = api(user).post(f"/api/v1/applications/{pk}/submit/")
    assert submitted.status_code == 200 and submitted.json()["state"] == "submitted"
    withdrawn = api(user).post(f"/api/v1/applications/{pk}/withdraw/")
    assert withdrawn.json()["state"] == "withdrawn"


def test_duplicate_through_the_api_is_a_field_message():
    first = factories.ApplicationFactory()
    response = api(factories.UserFactory()).post("/api/v1/applications/", {
        "cohort": first.cohort.slug, "city_name": first.city_name, "country": first.country.code,
        "region": first.region}, format="json")
    assert response.status_code == 400
    assert "already applied" in str(response.json()["city_name"])


def test_schema_documents_the_paths():
    schema = Client().get("/api/schema/").content.decode()
    for path in ("/api/v1/eligibility/", "/api/v1/cohorts/", "/api/v1/applications/",
                 "/api/v1/applications/{id}/submit/", "/api/v1/applications/{id}/withdraw/"):
        assert path in schema


# --- admin ---------------------------------------------------------------------------------

@pytest.fixture
def admin_client(staff):
    client = Client()
    client.force_login(staff)
    return client


def test_review_page_shows_checks_and_saves_scores_and_notes(admin_client):
    application = factories.ApplicationFactory(population=100_000, state=S.SUBMITTED)
    url = f"/admin/cities/application/{application.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert "The population must be more than 100,000; 100,000 is not." in page
    response = admin_client.post(url, {"score_data_foundations": 4, "score_leadership": 5,
                                       "score_team": 3, "internal_notes": "Call the mayor."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.readiness_score == 12 and application.internal_notes == "Call the mayor."
    assert application.population == 100_000  # the applicant's answers are not editable here
    applicant = Client()
    applicant.force_login(application.applicant)
    assert "Call the mayor." not in applicant.get(application.get_absolute_url()).content.decode()


def test_bulk_decisions_report_each_failure(admin_client):
    ok = factories.ApplicationFactory(state=S.SUBMITTED)
    draft = factories.ApplicationFactory(cohort=ok.cohort)
    response = admin_client.post("/admin/cities/application/", {
        "action": "decline", "_selected_action": [ok.pk, draft.pk]}, follow=True)
    page = response.content.decode()
    assert "1 application(s) declined." in page
    assert f"{draft.city_name}: An application that is “Draft” cannot be" in page
    ok.refresh_from_db()
    draft.refresh_from_db()
    assert (ok.state, draft.state) == (S.DECLINED, S.DRAFT)


def test_bulk_accept_respects_capacity_and_override(admin_client):
    cohort = factories.OpenCohortFactory(capacity=0)
    application = factories.ApplicationFactory(cohort=cohort, state=S.SUBMITTED)
    page = admin_client.post("/admin/cities/application/", {
        "action": "accept", "_selected_action": [application.pk]}, follow=True
    ).content.decode()
    assert "is full" in page
    application.refresh_from_db()
    assert application.state == S.SUBMITTED
    admin_client.post("/admin/cities/application/", {
        "action": "accept_over_capacity", "_selected_action": [application.pk]})
    application.refresh_from_db()
    assert application.state == S.ACCEPTED and application.city is not None


def test_filters_and_csv_export_of_the_filtered_list(admin_client):
    eligible = factories.ApplicationFactory(city_name="Goodtown")
    factories.ApplicationFactory(city_name="Tinyville", population=10, eligible=False,
                                 cohort=eligible.cohort)
    page = admin_client.get("/admin/cities/application/?eligible=no").content.decode()
    assert "Tinyville" in page and "Goodtown" not in page
    assert 'href="?eligible=no&amp;export=csv"' in page
    response = admin_client.get("/admin/cities/application/?eligible=yes&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().strip().splitlines()
    assert lines[0].startswith("id,cohort,state,city_name")
    assert len(lines) == 2 and "Goodtown" in lines[1]
    search = admin_client.get("/admin/cities/application/?q=tinyv").content.decode()
    assert "Tinyville" in search and "Goodtown" not in search


def test_history_is_recorded_per_transition(staff):
    application = factories.ApplicationFactory()
    domain.submit_application(application=application, by=application.applicant)
    domain.start_review(application=application, by=staff)
    rows = list(Application.history.filter(id=application.pk)
                .order_by("history_date").values_list("state", "history_user"))
    assert rows[-2:] == [(S.SUBMITTED, application.applicant.pk), (S.UNDER_REVIEW, staff.pk)]


def test_demo_seed_has_every_state_and_an_ineligible_draft():
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)  # safe to run twice
    apps = Application.objects.filter(cohort__slug="demo-next-cohort")
    assert set(apps.values_list("state", flat=True)) == set(S.values)
    assert apps.filter(state=S.DRAFT, eligible=False).exists()
    assert apps.count() == 11  # the first eight, and three more the review panel adds
