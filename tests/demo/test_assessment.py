"""The demo's assessments: a baseline for every city of the demo cohort, end assessments for
some, scored (scores_for_cohort gives what the impact report shows), safe to seed twice."""

from django.core.management import call_command
from django_scopes import scopes_disabled

from assessment.models import Answer, Assessment
from assessment.results import scores_for_cohort
from cohorts.models import Cohort, Enrollment


def test_every_demo_city_has_a_baseline_and_some_an_end_assessment(db):
    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        answers = Answer.objects.count()
    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        cohort = Cohort.objects.get(slug="demo-cohort")
        cities = set(Enrollment.objects.filter(cohort=cohort).values_list("city_id", flat=True))
        assert Answer.objects.count() == answers  # the second seed changed nothing
        baselines = Assessment.objects.filter(enrollment__cohort=cohort, kind="baseline")
        assert set(baselines.values_list("city_id", flat=True)) == cities
        ends = set(Assessment.objects.filter(enrollment__cohort=cohort, kind="end")
                   .values_list("city__slug", flat=True))
        assert "riverton" in ends and 1 < len(ends) < len(cities)
        scores = scores_for_cohort(cohort)
        riverton = Assessment.objects.get(city__slug="riverton", kind="end")
    mine = scores[riverton.city_id]
    assert mine["end"].total == mine["baseline"].total == 40  # the default framework
    assert mine["end"].percent > mine["baseline"].percent
    assert riverton.summary["percent"] == mine["end"].percent  # kept for the strategy page
