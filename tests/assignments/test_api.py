"""The assignments API: a city's list shows its own submissions only; the team drafts,
hands in a link and submits; the coach asks for a revision; bad input is a 400 with a
message per field and changes nothing."""

import pytest
from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from assignments.models import Revision, State, Submission
from tests import factories


@pytest.fixture
def assignment(team):
    return factories.AssignmentFactory(title="Apply it: the data inventory")


def api_of(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def url(team, suffix=""):
    return f"/api/v1/cities/{team.city.slug}/assignments/{suffix}"


def test_a_city_sees_its_own_submission_never_another_citys(team, assignment):
    with scopes_disabled():
        factories.SubmissionFactory(city=team.other, assignment=assignment,
                                    text="Lakeside's secret work", state="submitted")
    response = api_of(team.cdo).get(url(team))
    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["title"] == "Apply it: the data inventory" and row["submission"] is None
    assert "secret" not in response.content.decode()
    other = api_of(team.other_cdo).get(f"/api/v1/cities/{team.other.slug}/assignments/")
    assert other.json()["results"][0]["submission"]["text"] == "Lakeside's secret work"


def test_hand_in_and_review_through_the_api(team, assignment):
    team_api, coach_api = api_of(team.cdo), api_of(team.coach)
    item = f"{assignment.pk}/"
    assert team_api.post(url(team, item + "draft/"), {"text": "40 datasets listed."},
                         format="json").status_code == 200
    link = team_api.post(url(team, item + "attachments/"),
                         {"url": "https://data.example.test/inventory", "title": "Inventory"},
                         format="multipart")
    assert link.status_code == 201 and link.json()["kind"] == "link"
    submitted = team_api.post(url(team, item + "submit/"))
    assert submitted.status_code == 200
    assert submitted.json()["submission"]["state"] == "submitted"

    refused = coach_api.post(url(team, item + "review/"), {"decision": "revise"},
                             format="json")
    assert refused.status_code == 400 and "comment" in refused.json()
    reviewed = coach_api.post(url(team, item + "review/"),
                              {"decision": "revise", "comment": "Name the owners."},
                              format="json")
    assert reviewed.status_code == 200
    submission = reviewed.json()["submission"]
    assert submission["state"] == "revise"
    [revision] = submission["revisions"]
    assert revision["comment"] == "Name the owners." and revision["decision"] == "revise"
    assert revision["attachments"][0]["url"] == "https://data.example.test/inventory"


def test_submitting_nothing_is_a_400_and_changes_nothing(team, assignment):
    response = api_of(team.cdo).post(url(team, f"{assignment.pk}/submit/"))
    assert response.status_code == 400 and "text" in response.json()
    bad_file = api_of(team.cdo).post(url(team, f"{assignment.pk}/attachments/"),
                                     {"url": "not a link"}, format="multipart")
    assert bad_file.status_code == 400 and "url" in bad_file.json()
    with scopes_disabled():
        assert not Submission.objects.exists() and not Revision.objects.exists()


def test_the_team_cannot_review_its_own_work(team, assignment):
    with scopes_disabled():
        factories.SubmissionFactory(city=team.city, assignment=assignment, state="submitted")
    response = api_of(team.cdo).post(url(team, f"{assignment.pk}/review/"),
                                     {"decision": "accepted"}, format="json")
    assert response.status_code == 403
    with scopes_disabled():
        assert Submission.objects.get().state == State.SUBMITTED
