"""The demo's assessments: a baseline for every city of the demo cohort, end assessments for
some, scored (scores_for_cohort gives what the impact report shows), safe to seed twice; one
baseline (Lakeside's) open around the seed's day, so a demo visitor can answer it."""

from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from assessment.answering import answer_item
from assessment.models import Answer, Assessment
from assessment.results import scores_for_cohort
from assessment.windows import is_open
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


def test_a_demo_visitor_can_answer_lakesides_baseline_today(db):
    call_command("seed_demo", verbosity=0)
    today = timezone.localdate()
    with scopes_disabled():
        baseline = Assessment.objects.get(city__slug="lakeside", kind="baseline")
        assert baseline.opens_on < today < baseline.closes_on and is_open(baseline, today)
        # Every other city's baseline keeps the cohort's window (closed by the third month).
        others = Assessment.objects.filter(kind="baseline").exclude(pk=baseline.pk)
        assert others.exists() and not any(is_open(other, today) for other in others)
        answer = baseline.answers.select_related("item").first()
        cdo = User.objects.get(email="cdo@lakeside.demo.test")
        changed = answer_item(assessment=baseline, item_id=answer.item_id,
                              holds=not answer.holds, by=cdo, today=today,
                              note="Checked again.")
    assert changed.holds is not answer.holds
