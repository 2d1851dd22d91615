"""What the decision meeting reads, each fact once for the whole cohort: its applications,
its rubric, every assignment with its scores, the earlier applications of returning cities,
the reasons of the decisions taken, and how many cities are enrolled (the capacity)."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django_scopes import scopes_disabled

from applications.eligibility import check_application
from applications.models import Application, ApplicationState
from cohorts.models import Enrollment
from reviews.models import Assignment, Decision, Score
from reviews.ranking import standings
from reviews.returning import earlier_applications
from reviews.rubric import rubric_of

S = ApplicationState
IN_THE_MEETING = (S.SUBMITTED, S.UNDER_REVIEW, S.WAITLISTED, S.ACCEPTED, S.DECLINED)


@dataclass
class Row:
    standing: object
    checks: list
    eligible: bool
    earlier: list
    decision: object
    decidable: bool


def assignments_with_scores(applications):
    """Every assignment of ``applications`` with its reviewer and scores (two queries)."""
    return list(
        Assignment.objects.filter(application__in=applications).select_related("reviewer")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion"))))


def meeting_of(*, cohort):
    """The ranking rows of ``cohort`` and the facts around them."""
    applications = list(Application.objects.filter(cohort=cohort, state__in=IN_THE_MEETING)
                        .select_related("cohort").order_by("pk"))
    criteria = list(rubric_of(cohort=cohort, with_hidden=True))
    ranked = standings(applications=applications,
                       assignments=assignments_with_scores(applications), criteria=criteria)
    earlier = earlier_applications(applications=applications)
    decisions = {}
    for decision in Decision.objects.filter(application__in=applications).order_by(
            "decided_at", "pk"):
        decisions[decision.application_id] = decision  # the latest wins
    rows = []
    for standing in ranked:
        application = standing.application
        checks = check_application(application=application)
        rows.append(Row(standing=standing, checks=checks,
                        eligible=all(c.passed for c in checks),
                        earlier=earlier[application.pk],
                        decision=decisions.get(application.pk),
                        decidable=application.state in (S.SUBMITTED, S.UNDER_REVIEW,
                                                        S.WAITLISTED)))
    with scopes_disabled():  # the cohort's count across its cities (staff's page and API)
        enrolled = Enrollment.objects.filter(cohort=cohort).count()
    return {
        "rows": rows,
        "criteria": [c for c in criteria if not c.hidden],
        "enrolled": enrolled,
        "missing": sum(row.standing.missing for row in rows),
    }
