"""The decision meeting: weighted averages and spreads from the submitted reviews only,
bulk decisions within capacity, the decision mail in the applicant's language, the rubric's
rules and the even spread of reviewers."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from applications.models import ApplicationState
from notifications.models import EmailOutbox
from reviews.assignment import assign_reviewer, declare_conflict, spread_reviewers
from reviews.models import Assignment, Criterion, Decision, Score
from reviews.scoring import save_scores, submit_review
from tests import factories
from tests.reviews.conftest import client_of


def _review(application, reviewer, criteria, values, *, submit=True, by):
    assignment = assign_reviewer(application=application, reviewer=reviewer, by=by)
    save_scores(assignment=assignment, scores={c.pk: (v, "") for c, v in zip(criteria, values)})
    if submit:
        submit_review(assignment=assignment)
    return assignment


def _expected(application):
    """Average and spread computed here from the stored rows: each counted reviewer's
    weighted mean, then their mean and max − min."""
    per_reviewer = []
    counted = Assignment.objects.filter(application=application, submitted_at__isnull=False,
                                        conflict_declared_at__isnull=True)
    for assignment in counted:
        rows = Score.objects.filter(assignment=assignment).select_related("criterion")
        total = sum(Decimal(r.criterion.weight) for r in rows)
        per_reviewer.append(sum(Decimal(r.value * r.criterion.weight) for r in rows) / total)
    average = sum(per_reviewer) / len(per_reviewer)
    cent = Decimal("0.01")
    return (average.quantize(cent, rounding=ROUND_HALF_UP),
            (max(per_reviewer) - min(per_reviewer)).quantize(cent, rounding=ROUND_HALF_UP))


def test_ranking_counts_only_submitted_reviews_without_conflict(panel):
    north, south = panel.applications
    third = factories.ReviewerFactory().user
    _review(north, panel.reviewers[0], panel.criteria, [5, 1], by=panel.staff)
    _review(north, panel.reviewers[1], panel.criteria, [3, 4], by=panel.staff)
    _review(north, third, panel.criteria, [1, 1], submit=False, by=panel.staff)  # a draft
    _review(south, panel.reviewers[0], panel.criteria, [4, 4], by=panel.staff)
    conflicted = _review(south, panel.reviewers[1], panel.criteria, [1, 1], submit=False,
                         by=panel.staff)
    declare_conflict(assignment=conflicted, reason="Former employer.")

    results = client_of(panel.staff).get(
        f"/api/v1/cohorts/{panel.cohort.slug}/ranking/").json()["results"]

    by_city = {r["city_name"]: r for r in results}
    for application in (north, south):
        average, spread = _expected(application)
        assert Decimal(by_city[application.city_name]["average"]) == average
    assert Decimal(by_city["Northport"]["spread"]) == _expected(north)[1]
    assert by_city["Southvale"]["spread"] is None  # one counted review: no spread
    assert (by_city["Northport"]["missing_reviews"], by_city["Southvale"]["conflicts"]) == (1, 1)
    assert [r["city_name"] for r in results] == ["Southvale", "Northport"]
    assert [r["rank"] for r in results] == [1, 2]


def test_a_large_disagreement_is_flagged_in_words(panel):
    north = panel.applications[0]
    _review(north, panel.reviewers[0], panel.criteria, [5, 5], by=panel.staff)
    _review(north, panel.reviewers[1], panel.criteria, [2, 3], by=panel.staff)

    page = client_of(panel.staff).get(f"/staff/cohorts/{panel.cohort.slug}/review/")
    text = page.content.decode()

    assert page.status_code == 200
    assert "from 1.5 points up, the reviewers disagree enough" in text
    assert "Discuss" in text
    row = client_of(panel.staff).get(
        f"/api/v1/cohorts/{panel.cohort.slug}/ranking/").json()["results"][0]
    assert row["disagreement"] is True and Decimal(row["spread"]) >= Decimal("1.5")


def test_bulk_acceptance_respects_capacity_and_a_waitlisted_city_is_accepted_later(panel):
    north, south = panel.applications
    _review(north, panel.reviewers[0], panel.criteria, [5, 5], by=panel.staff)
    _review(south, panel.reviewers[0], panel.criteria, [3, 3], by=panel.staff)
    staff = client_of(panel.staff)
    url = f"/staff/cohorts/{panel.cohort.slug}/review/"

    response = staff.post(url, {"applications": [south.pk, north.pk], "outcome": "accept",
                                "reason": "Best scores of the panel."}, follow=True)

    north.refresh_from_db()
    south.refresh_from_db()
    assert north.state == ApplicationState.ACCEPTED  # first in the ranking: the one place
    assert south.state == ApplicationState.UNDER_REVIEW
    assert "Southvale was not decided" in response.content.decode()
    staff.post(url, {"applications": [south.pk], "outcome": "waitlist",
                     "reason": "Next in line."})
    south.refresh_from_db()
    assert south.state == ApplicationState.WAITLISTED
    assert Decision.objects.get(application=south).reason == "Next in line."

    panel.cohort.capacity = 2
    panel.cohort.save()
    staff.post(url, {"applications": [south.pk], "outcome": "accept",
                     "reason": "A place opened."})
    south.refresh_from_db()
    assert south.state == ApplicationState.ACCEPTED


def test_a_decision_without_a_reason_changes_nothing(panel):
    north = panel.applications[0]
    response = client_of(panel.staff).post(
        f"/staff/cohorts/{panel.cohort.slug}/review/",
        {"applications": [north.pk], "outcome": "decline", "reason": ""})
    north.refresh_from_db()
    assert response.status_code == 400
    assert north.state == ApplicationState.UNDER_REVIEW
    assert not Decision.objects.exists()


def test_the_decision_mail_is_in_the_applicants_language(panel):
    north = panel.applications[0]
    north.applicant.language = "es"
    north.applicant.save()

    client_of(panel.staff).post(f"/staff/cohorts/{panel.cohort.slug}/review/", {
        "applications": [north.pk], "outcome": "decline", "reason": "Too few reviews."})

    mail = EmailOutbox.objects.get(to=north.applicant.email,
                                   record__event="application.declined")
    assert mail.subject.startswith("Su postulación de Northport")


def test_a_scored_criterion_cannot_be_removed_but_can_be_hidden(panel):
    leadership, team = panel.criteria
    _review(panel.applications[0], panel.reviewers[0], panel.criteria, [4, 4],
            by=panel.staff)
    staff = client_of(panel.staff)
    url = f"/staff/cohorts/{panel.cohort.slug}/rubric/{team.pk}/"

    staff.post(url, {"action": "remove"})
    assert Criterion.objects.filter(pk=team.pk).exists()
    form = {"name_en": "Data team", "weight": "1", "hidden": "on",
            **{f"level_{n}_en": f"Level {n}" for n in range(1, 6)}}
    assert staff.post(url, form).status_code == 302
    team.refresh_from_db()
    assert team.hidden
    unscored = factories.CriterionFactory(cohort=panel.cohort)
    staff.post(f"/staff/cohorts/{panel.cohort.slug}/rubric/{unscored.pk}/",
               {"action": "remove"})
    assert not Criterion.objects.filter(pk=unscored.pk).exists()


def test_a_criterion_needs_a_name_and_every_level(panel):
    response = client_of(panel.staff).post(
        f"/staff/cohorts/{panel.cohort.slug}/rubric/",
        {"name_es": "Liderazgo", "weight": "2", "level_1_es": "Débil"})
    assert response.status_code == 400
    assert "missing: 2, 3, 4, 5" in response.content.decode()
    assert Criterion.objects.filter(cohort=panel.cohort).count() == 2


def test_spreading_balances_the_load(panel):
    cohort = panel.cohort
    for n in range(3):
        factories.ApplicationFactory(cohort=cohort, state="submitted", city_name=f"Extra {n}")
    reviewers = [*panel.reviewers, factories.ReviewerFactory().user]

    made = spread_reviewers(cohort=cohort, reviewers=reviewers, per_application=2,
                            by=panel.staff)

    assert len(made) == 10
    loads = [Assignment.objects.filter(reviewer=r).count() for r in reviewers]
    assert max(loads) - min(loads) <= 1
    for application in cohort.applications.all():
        assert application.review_assignments.count() == 2
        assert application.state == ApplicationState.UNDER_REVIEW
    assert spread_reviewers(cohort=cohort, reviewers=reviewers, per_application=2,
                            by=panel.staff) == []  # already spread: nothing more


def test_a_returning_city_shows_its_earlier_application(panel):
    earlier = factories.CohortFactory(
        starts_on=timezone.localdate() - datetime.timedelta(days=400), name="Spring cohort")
    factories.ApplicationFactory(cohort=earlier, city_name="NORTHPORT", state="declined")
    assignment = assign_reviewer(application=panel.applications[0],
                                 reviewer=panel.reviewers[0], by=panel.staff)

    page = client_of(panel.reviewers[0]).get(f"/review/{assignment.pk}/").content.decode()
    meeting = client_of(panel.staff).get(
        f"/staff/cohorts/{panel.cohort.slug}/review/").content.decode()

    assert "Spring cohort: Declined" in page
    assert "Spring cohort: Declined" in meeting
