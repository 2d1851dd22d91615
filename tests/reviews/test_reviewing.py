"""A reviewer sees only what is assigned to them, scores it, and sees the others' scores
only once theirs is submitted; a conflict of interest takes them off the application."""

from allauth.mfa.models import Authenticator

from reviews.assignment import assign_reviewer, declare_conflict
from reviews.models import Assignment
from reviews.scoring import save_scores, submit_review
from tests import factories
from tests.reviews.conftest import client_of


def _score(assignment, criteria, values, submit=True):
    save_scores(assignment=assignment, scores={c.pk: (v, f"because {v}")
                                               for c, v in zip(criteria, values)})
    if submit:
        submit_review(assignment=assignment)


def test_a_reviewer_sees_only_their_assigned_applications(panel):
    mine = assign_reviewer(application=panel.applications[0], reviewer=panel.reviewers[0],
                           by=panel.staff)
    theirs = assign_reviewer(application=panel.applications[1],
                             reviewer=panel.reviewers[1], by=panel.staff)
    client = client_of(panel.reviewers[0])

    listing = client.get("/review/").content.decode()
    assert "Northport" in listing and "Southvale" not in listing
    assert client.get(f"/review/{mine.pk}/").status_code == 200
    assert client.get(f"/review/{theirs.pk}/").status_code == 404
    assert client.get(f"/apply/applications/{panel.applications[1].pk}/").status_code == 404
    api = client.get("/api/v1/reviews/").json()
    assert [r["application"]["city_name"] for r in api["results"]] == ["Northport"]
    assert client.get(f"/api/v1/reviews/{theirs.pk}/").status_code == 404


def test_a_reviewer_without_two_factor_authentication_sees_no_application(panel):
    assignment = assign_reviewer(application=panel.applications[0],
                                 reviewer=panel.reviewers[0], by=panel.staff)
    Authenticator.objects.filter(user=panel.reviewers[0]).delete()
    client = client_of(panel.reviewers[0])

    for path in ("/review/", f"/review/{assignment.pk}/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/api/v1/reviews/").status_code == 403


def test_others_scores_are_hidden_until_one_submits(panel):
    first, second = (assign_reviewer(application=panel.applications[0], reviewer=r,
                                     by=panel.staff) for r in panel.reviewers)
    _score(second, panel.criteria, [2, 2])
    _score(first, panel.criteria, [5, 5], submit=False)
    client = client_of(panel.reviewers[0])

    page = client.get(f"/review/{first.pk}/").content.decode()
    assert "because 2" not in page
    assert "once you have submitted your own review" in page
    assert client.get(f"/api/v1/reviews/{first.pk}/").json()["other_reviews"] == []

    response = client.post(f"/review/{first.pk}/", {
        "action": "submit", **{f"score_{c.pk}": "5" for c in panel.criteria}})
    assert response.status_code == 302
    page = client.get(f"/review/{first.pk}/").content.decode()
    assert "because 2" in page
    others = client.get(f"/api/v1/reviews/{first.pk}/").json()["other_reviews"]
    assert [s["value"] for s in others[0]["scores"]] == [2, 2]


def test_submitting_needs_every_criterion_scored_and_keeps_the_draft(panel):
    assignment = assign_reviewer(application=panel.applications[0],
                                 reviewer=panel.reviewers[0], by=panel.staff)
    client = client_of(panel.reviewers[0])
    leadership, team = panel.criteria

    response = client.post(f"/review/{assignment.pk}/", {
        "action": "submit", f"score_{leadership.pk}": "4",
        f"comment_{leadership.pk}": "A committed mayor."})

    assert response.status_code == 400
    assert "Score “Data team” before submitting." in response.content.decode()
    assignment.refresh_from_db()
    assert not assignment.submitted
    kept = assignment.scores.get(criterion=leadership)
    assert (kept.value, kept.comment) == (4, "A committed mayor.")
    bad = client.post(f"/review/{assignment.pk}/", {"action": "save",
                                                    f"score_{team.pk}": "9"})
    assert bad.status_code == 400
    assert not assignment.scores.filter(criterion=team).exists()


def test_a_declared_conflict_hides_the_application_and_records_why(panel):
    assignment = assign_reviewer(application=panel.applications[0],
                                 reviewer=panel.reviewers[0], by=panel.staff)
    client = client_of(panel.reviewers[0])

    empty = client.post(f"/review/{assignment.pk}/conflict/", {"reason": "  "})
    assert empty.status_code == 400
    response = client.post(f"/review/{assignment.pk}/conflict/",
                           {"reason": "My sister is the mayor."})

    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.conflict_reason == "My sister is the mayor."
    assert client.get(f"/review/{assignment.pk}/").status_code == 404
    assert "Northport" not in client.get("/review/").content.decode()
    staff_page = client_of(panel.staff).get(
        f"/staff/applications/{panel.applications[0].pk}/reviews/").content.decode()
    assert "My sister is the mayor." in staff_page


def test_an_unassigned_person_cannot_score_through_the_api(panel):
    assignment = assign_reviewer(application=panel.applications[0],
                                 reviewer=panel.reviewers[0], by=panel.staff)
    outsider = client_of(panel.reviewers[1])
    body = {"scores": [{"criterion": panel.criteria[0].pk, "value": 1}], "submit": False}

    response = outsider.post(f"/api/v1/reviews/{assignment.pk}/scores/", body,
                             content_type="application/json")

    assert response.status_code == 404
    assert not assignment.scores.exists()


def test_the_api_saves_a_draft_then_submits_a_complete_review(panel):
    assignment = assign_reviewer(application=panel.applications[0],
                                 reviewer=panel.reviewers[0], by=panel.staff)
    client = client_of(panel.reviewers[0])
    url = f"/api/v1/reviews/{assignment.pk}/scores/"
    leadership, team = panel.criteria

    refused = client.post(url, {"scores": [{"criterion": leadership.pk, "value": 4}],
                                "submit": True}, content_type="application/json")
    assert refused.status_code == 400
    assert f"score_{team.pk}" in refused.json()
    assert not assignment.scores.exists()  # a refused request changes nothing
    draft = client.post(url, {"scores": [{"criterion": leadership.pk, "value": 4}]},
                        content_type="application/json")
    assert draft.status_code == 200 and draft.json()["submitted"] is False
    done = client.post(url, {"scores": [{"criterion": team.pk, "value": 3}], "submit": True},
                       content_type="application/json")

    assert done.status_code == 200
    assert done.json()["submitted"] is True
    assert {s["criterion"]: s["value"] for s in done.json()["scores"]} == {
        leadership.pk: 4, team.pk: 3}


def test_assignments_of_a_conflicted_reviewer_cannot_be_renewed(panel):
    assignment = assign_reviewer(application=panel.applications[0],
                                 reviewer=panel.reviewers[0], by=panel.staff)
    declare_conflict(assignment=assignment, reason="I consult for them.")
    response = client_of(panel.staff).post(
        f"/staff/cohorts/{panel.cohort.slug}/reviewers/",
        {"action": "assign", "application": panel.applications[0].pk,
         "reviewer": panel.reviewers[0].pk})
    assert response.status_code == 400
    assert "declared a conflict of interest" in response.content.decode()
    assert Assignment.objects.filter(application=panel.applications[0]).count() == 1


def test_outsiders_and_city_people_are_not_reviewers(panel):
    member = factories.MembershipFactory().user
    assert client_of(member).get("/review/").status_code == 403
    assert client_of(member).get("/api/v1/reviews/").status_code == 403
