"""The demo looks like a real cohort: at least ten cities across the Americas, several
coaches with two to four cities each, people speaking their city's language, and cities on
track, behind and withdrawn; and running it twice changes nothing."""

from collections import Counter

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from accounts.models import Membership, User
from coaching.models import CheckIn, CoachAssignment
from cohorts.models import Cohort, Enrollment
from dashboards.health import GREEN, RED, cohort_health
from schedule.models import Attendance, HoursEntry
from strategy.models import Strategy

pytestmark = pytest.mark.django_db

LANGUAGE_OF = {"BR": "pt-br", "MX": "es", "CO": "es", "CL": "es", "AR": "es", "US": "en",
               "CA": "en"}


def _rows():
    with scopes_disabled():
        return {model.__name__: model.objects.count() for model in
                (User, Membership, Enrollment, CoachAssignment, CheckIn, Attendance,
                 HoursEntry, Strategy)}


def test_the_demo_is_a_cohort_of_real_size_and_safe_to_run_twice():
    """One seed (it takes seconds) checked from every side, then seeded again."""
    call_command("seed_demo", verbosity=0)
    cohort = Cohort.objects.get(slug="demo-cohort")
    first = _rows()
    _ten_cities_across_the_americas(cohort)
    _a_mayor_and_a_team_speaking_the_city_language(cohort)
    _coaches_with_two_to_four_cities(cohort)
    _progress_on_track_behind_and_withdrawn(cohort)
    call_command("seed_demo", verbosity=0)
    assert _rows() == first


def _ten_cities_across_the_americas(cohort):
    with scopes_disabled():
        enrollments = list(Enrollment.objects.filter(cohort=cohort).select_related("city"))
    countries = {e.city.country.code for e in enrollments}
    assert len(enrollments) >= 10
    assert set(LANGUAGE_OF) <= countries
    assert {"riverton", "lakeside"} <= {e.city.slug for e in enrollments}


def _a_mayor_and_a_team_speaking_the_city_language(cohort):
    with scopes_disabled():
        for enrollment in Enrollment.objects.filter(cohort=cohort).select_related("city"):
            city = enrollment.city
            memberships = list(Membership.objects.filter(city=city).select_related("user"))
            roles = Counter(m.role for m in memberships)
            assert roles["mayor"] == 1, city
            assert len(memberships) - 1 >= 2, city
            if city.slug in ("riverton", "lakeside"):
                continue  # their people are the demo logins, kept as they were
            assert {m.user.language for m in memberships} == {LANGUAGE_OF[city.country.code]}, city


def _coaches_with_two_to_four_cities(cohort):
    with scopes_disabled():
        per_coach = Counter(
            CoachAssignment.objects.filter(enrollment__cohort=cohort)
            .values_list("coach__email", flat=True)
        )
        riverton = CoachAssignment.objects.get(enrollment__city__slug="riverton")
    assert per_coach.pop("coach@demo.test") == 1
    assert riverton.coach.email == "coach@demo.test"
    assert len(per_coach) >= 3
    assert all(2 <= count <= 4 for count in per_coach.values()), per_coach


def _progress_on_track_behind_and_withdrawn(cohort):
    rows = {row.city.slug: row for row in cohort_health(cohort=cohort)}
    withdrawn = [slug for slug, row in rows.items() if row.enrollment.withdrawn_on]
    assert withdrawn == ["rio-claro"]
    assert rows["rio-claro"].reds == 0
    assert rows["maple-harbour"].cells["attendance"].rag == GREEN
    assert rows["greenfield"].cells["attendance"].rag == RED
    assert rows["valle-alto"].cells["strategy"].rag == GREEN
    with scopes_disabled():
        states = Counter(Strategy.objects.values_list("state", flat=True))
    assert states["approved"] >= 1 and states["in_review"] >= 2 and states["drafting"] >= 2
