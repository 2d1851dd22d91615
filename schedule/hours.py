"""The training-hours ledger: credits per person, monthly totals per city.

Every line is keyed by ``(source_key, user)``, so crediting the same thing twice (a session
marked attended twice, a check-in saved again) credits it once. Months are the city's
months: a line's ``on_date`` is the day in the city's time zone.
"""

import uuid
import zoneinfo
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from cohorts.models import Enrollment
from schedule.models import HoursEntry, HoursSource

MAX_HOURS_PER_ENTRY = Decimal("24")
CENT = Decimal("0.01")


def city_today(city):
    """Today's date in the city's time zone."""
    return timezone.localdate(timezone.now(), zoneinfo.ZoneInfo(city.time_zone))


def city_date(*, city, moment):
    """The date of an aware datetime in the city's time zone."""
    return timezone.localdate(moment, zoneinfo.ZoneInfo(city.time_zone))


def credit_hours(*, city, user, hours, on_date, source, source_key, note=""):
    """Credit ``hours`` to ``user`` of ``city`` once per ``(source_key, user)``.

    Crediting the same key again updates the line (hours, date, note) instead of adding one.
    Returns the :class:`HoursEntry`.
    """
    hours = Decimal(str(hours)).quantize(Decimal("0.01"))
    if source not in HoursSource.values:
        raise ValidationError({"source": _("Unknown source of hours.")})
    with scopes_disabled():  # keyed explicitly by (source_key, user); city set below
        entry, _created = HoursEntry.objects.update_or_create(
            source_key=source_key, user=user,
            defaults={"city": city, "hours": hours, "on_date": on_date, "source": source,
                      "note": note},
        )
    return entry


def ledger_note(entry):
    """The note of a ledger line for the reader: the words a person typed (or a session's
    title) as stored; a line the program wrote itself (a coaching check-in) stores no note
    and is described here, from its kind and date, in the active language."""
    if entry.note:
        return entry.note
    if entry.source == HoursSource.CHECKIN:
        return _("Coaching check-in on %(date)s") % {
            "date": formats.date_format(entry.on_date, "DATE_FORMAT")}
    return ""


def uncredit_hours(*, user, source_key):
    """Take back the credit of ``source_key`` for ``user`` (e.g. attendance unmarked)."""
    with scopes_disabled():
        HoursEntry.objects.filter(source_key=source_key, user=user).delete()


def log_learning(*, city, user, hours, on_date, note):
    """A member logs learning outside sessions (self-paced material, assignment work).

    Refuses (with a message per field) hours outside 0–24, a date in the city's future,
    and an empty note.
    """
    errors = {}
    try:
        hours = Decimal(str(hours))
    except (InvalidOperation, ValueError):
        errors["hours"] = _("Enter a number of hours.")
    else:
        if not hours.is_finite() or hours <= 0 or hours > MAX_HOURS_PER_ENTRY:
            errors["hours"] = _("Enter between 0.25 and 24 hours.")
        elif hours != hours.quantize(Decimal("0.01")):
            errors["hours"] = _("Use at most two decimals.")
    if not isinstance(on_date, date):
        errors["on_date"] = _("Enter a date.")
    elif on_date > city_today(city):
        errors["on_date"] = _("Learning cannot be logged for a day that has not come yet.")
    elif (started := cohort_start(city=city)) is not None and on_date < started:
        errors["on_date"] = _(
            "Learning before the cohort began (%(date)s) does not count; give a later day."
        ) % {"date": formats.date_format(started, "DATE_FORMAT")}
    if not (note or "").strip():
        errors["note"] = _("Say what you learned or worked on.")
    if errors:
        raise ValidationError(errors)
    return credit_hours(
        city=city, user=user, hours=hours, on_date=on_date, source=HoursSource.SELF,
        source_key=f"self:{uuid.uuid4()}", note=note.strip(),
    )


def month_starts(*, city, months):
    """The first days of the last ``months`` months in the city's time zone, newest first.

    ``months`` may also be an iterable of dates; each is turned into its month's first day.
    """
    if isinstance(months, int):
        first = city_today(city).replace(day=1)
        result = []
        for _i in range(months):
            result.append(first)
            first = (first - timedelta(days=1)).replace(day=1)
        return result
    return sorted({d.replace(day=1) for d in months}, reverse=True)


def cohort_start(*, city):
    """The day the city's first cohort began (None when it is in no cohort)."""
    with scopes_disabled():
        return (
            Enrollment.objects.filter(city=city).order_by("cohort__starts_on")
            .values_list("cohort__starts_on", flat=True).first()
        )


# Monthly totals against the per-member commitment: see schedule.commitment.
