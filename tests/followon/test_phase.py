"""The follow-on phase: started at the cohort's end (once), its quarters, who is late."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope, scopes_disabled

from followon.lateness import late_follow_ons, progress_of
from followon.models import FocusArea, FollowOn
from followon.phase import (
    choose_focus,
    phase_ends_on,
    quarters_of,
    start_due_follow_ons,
    start_follow_on,
)
from followon.updates import record_quarter
from tests import factories

D = datetime.date


def test_the_phase_starts_the_day_after_the_cohort_ends_and_only_once(alumni):
    assert start_due_follow_ons(today=alumni.cohort.ends_on) == 0  # the last day: not yet
    assert start_due_follow_ons(today=alumni.cohort.ends_on + datetime.timedelta(days=1)) == 1
    assert start_due_follow_ons(today=alumni.today) == 0  # idempotent: nothing twice
    with scopes_disabled():
        (follow_on,) = FollowOn.objects.all()
        assert start_follow_on(enrollment=alumni.enrollment) == follow_on
    assert follow_on.starts_on == D(2026, 2, 1) and follow_on.months == 12
    assert phase_ends_on(follow_on) == D(2027, 1, 31)


def test_the_cohort_sets_the_length_and_a_withdrawn_city_gets_no_phase(alumni):
    alumni.cohort.follow_on_months = 6
    alumni.cohort.save()
    with scopes_disabled():
        gone = factories.EnrollmentFactory(cohort=alumni.cohort,
                                           withdrawn_on=D(2025, 10, 1), withdrawal_reason="x")
    assert start_due_follow_ons(today=alumni.today) == 1
    with scopes_disabled():
        follow_on = FollowOn.objects.get()
        assert follow_on.enrollment == alumni.enrollment
        with pytest.raises(ValidationError):
            start_follow_on(enrollment=gone)
    assert [q.number for q in quarters_of(follow_on)] == [1, 2]


def test_quarters_and_their_due_dates(alumni):
    with scopes_disabled():
        follow_on = start_follow_on(enrollment=alumni.enrollment)
    quarters = quarters_of(follow_on)
    assert [(q.starts_on, q.ends_on, q.due_on) for q in quarters] == [
        (D(2026, 2, 1), D(2026, 4, 30), D(2026, 5, 14)),
        (D(2026, 5, 1), D(2026, 7, 31), D(2026, 8, 14)),
        (D(2026, 8, 1), D(2026, 10, 31), D(2026, 11, 14)),
        (D(2026, 11, 1), D(2027, 1, 31), D(2027, 2, 14)),
    ]


def test_a_quarter_is_late_the_day_after_its_due_date_until_it_is_complete(alumni):
    with scopes_disabled():
        follow_on = start_follow_on(enrollment=alumni.enrollment)

    def late_on(day):
        return [q.quarter.number for q in progress_of([follow_on], today=day)[0].late]

    assert late_on(D(2026, 5, 14)) == []  # the due day itself: still in time
    assert late_on(D(2026, 5, 15)) == [1]
    assert [p.follow_on for p in late_follow_ons(today=D(2026, 5, 15))] == [follow_on]
    assert [p.follow_on for p in late_follow_ons(today=D(2026, 5, 15),
                                                 coach=alumni.coach)] == [follow_on]
    assert late_follow_ons(today=D(2026, 5, 15), coach=alumni.staff) == []
    with scope(city=alumni.city):
        one, two = alumni.initiatives
        record_quarter(follow_on=follow_on, quarter=1, today=D(2026, 5, 20), by=alumni.cdo,
                       initiatives={one.pk: {"status": "in_progress"}},
                       metrics={alumni.metric.pk: {"actual": "12"}})
        assert late_on(D(2026, 5, 20)) == [1]  # one initiative still missing
        record_quarter(follow_on=follow_on, quarter=1, today=D(2026, 5, 20), by=alumni.cdo,
                       initiatives={two.pk: {"status": "planned"}})
    assert late_on(D(2026, 5, 20)) == []
    assert late_on(D(2026, 8, 15)) == [2]


def test_the_focus_area_other_needs_its_words(alumni):
    with scopes_disabled():
        follow_on = start_follow_on(enrollment=alumni.enrollment)
    with pytest.raises(ValidationError) as error:
        choose_focus(follow_on=follow_on, focus_area=FocusArea.OTHER, focus_other=" ")
    assert "focus_other" in error.value.message_dict
    with pytest.raises(ValidationError):
        choose_focus(follow_on=follow_on, focus_area="juggling")
    choose_focus(follow_on=follow_on, focus_area=FocusArea.PROCUREMENT, by=alumni.coach)
    follow_on.refresh_from_db()
    assert follow_on.focus_area == "procurement" and follow_on.focus_set_by == alumni.coach
