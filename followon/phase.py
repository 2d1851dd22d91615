"""The follow-on phase: when the six months end, an enrollment moves to its year after.

The phase starts the day after the cohort ends and lasts the cohort's ``follow_on_months``
(12 by default), split into quarters of three months. A quarter's update is due
``DAYS_TO_REPORT`` days after the quarter ends: the team needs the quarter's figures first.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from cohorts.models import Enrollment
from followon.models import FocusArea, FollowOn

DAYS_TO_REPORT = 14


@dataclass(frozen=True)
class Quarter:
    """Quarter ``number`` (1, 2, …) of a follow-on phase: its days and its due date."""

    number: int
    starts_on: datetime.date
    ends_on: datetime.date  # its last day
    due_on: datetime.date  # the update is late after this day


def add_months(day, months):
    """``day`` moved ``months`` calendar months later (the 31st becomes the month's last)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def phase_ends_on(follow_on):
    """The last day of the follow-on phase."""
    return add_months(follow_on.starts_on, follow_on.months) - datetime.timedelta(days=1)


def quarters_of(follow_on):
    """Every :class:`Quarter` of the phase, in order (the last one may be shorter)."""
    last_day = phase_ends_on(follow_on)
    quarters, number = [], 1
    while True:
        starts_on = add_months(follow_on.starts_on, 3 * (number - 1))
        if starts_on > last_day:
            return quarters
        ends_on = min(add_months(follow_on.starts_on, 3 * number) - datetime.timedelta(days=1),
                      last_day)
        quarters.append(Quarter(number, starts_on, ends_on,
                                ends_on + datetime.timedelta(days=DAYS_TO_REPORT)))
        number += 1


def started_quarters(follow_on, *, today):
    """The quarters that have begun by ``today`` (the ones the team may record)."""
    return [q for q in quarters_of(follow_on) if q.starts_on <= today]


def quarter_of(follow_on, number, *, today):
    """Quarter ``number`` if it has begun by ``today``; else ``ValidationError`` on ``quarter``."""
    for quarter in started_quarters(follow_on, today=today):
        if quarter.number == number:
            return quarter
    raise ValidationError({"quarter": _("Choose a quarter of the follow-on phase that has "
                                        "already begun.")})


def is_running(follow_on, *, today):
    return follow_on.starts_on <= today <= phase_ends_on(follow_on)


def start_follow_on(*, enrollment, on=None, by=None):
    """Move ``enrollment`` to its follow-on phase; return its :class:`FollowOn`.

    The phase starts on ``on`` (staff or the coach starting it by hand), by default the day
    after the cohort ends, and lasts the cohort's ``follow_on_months``. Idempotent: an
    enrollment already in its phase keeps it unchanged. A city that withdrew has none.
    """
    existing = FollowOn.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    if enrollment.withdrawn_on is not None:
        raise ValidationError({"enrollment": _(
            "This city withdrew from its cohort; it has no follow-on phase.")})
    cohort = enrollment.cohort
    starts_on = on or cohort.ends_on + datetime.timedelta(days=1)
    try:
        with transaction.atomic():
            return FollowOn.objects.create(
                city_id=enrollment.city_id, enrollment=enrollment, starts_on=starts_on,
                months=cohort.follow_on_months,
            )
    except IntegrityError:  # started at the same moment by another worker
        return FollowOn.objects.get(enrollment=enrollment)


def start_due_follow_ons(*, today):
    """Start the phase of every enrollment whose cohort ended before ``today`` (Celery beat,
    daily); return how many started. Running it twice starts nothing twice."""
    with scopes_disabled():
        due = Enrollment.objects.filter(
            cohort__ends_on__lt=today, withdrawn_on__isnull=True, follow_on__isnull=True,
        ).select_related("cohort")
        started = 0
        for enrollment in due:
            start_follow_on(enrollment=enrollment)
            started += 1
    return started


def focus_errors(*, focus_area, focus_other):
    """``{field: message}`` for a focus area that cannot be recorded (empty when it can)."""
    if focus_area not in FocusArea.values:
        return {"focus_area": _("Choose the focus area agreed with the city.")}
    if focus_area == FocusArea.OTHER and not (focus_other or "").strip():
        return {"focus_other": _("Say what the focus area is.")}
    return {}


def choose_focus(*, follow_on, focus_area, focus_other="", focus_note="", by=None):
    """Record the focus area the coach agreed with the city for its year after."""
    errors = focus_errors(focus_area=focus_area, focus_other=focus_other)
    if errors:
        raise ValidationError(errors)
    follow_on.focus_area = focus_area
    follow_on.focus_other = focus_other.strip() if focus_area == FocusArea.OTHER else ""
    follow_on.focus_note = (focus_note or "").strip()
    follow_on.focus_set_by = by
    follow_on.save()
    return follow_on


def focus_label(follow_on):
    """The focus area as the reader says it ("Other" gives its own words), or ""."""
    if follow_on.focus_area == FocusArea.OTHER:
        return follow_on.focus_other
    return follow_on.get_focus_area_display() if follow_on.focus_area else ""
