"""The training-hours ledger: credits per person, monthly totals per city.

Every line is keyed by ``(source_key, user)``, so crediting the same thing twice (a session
marked attended twice, a check-in saved again) credits it once. Months are the city's
months: a line's ``on_date`` is the day in the city's time zone.
"""

import uuid
import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from cohorts.models import HoursEntry, HoursSource

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


@dataclass(frozen=True)
class MonthTotal:
    """A city's hours in one month against its commitment."""

    month: date
    hours: Decimal
    commitment: Decimal

    @property
    def met(self):
        return self.hours >= self.commitment

    @property
    def shortfall(self):
        return max(self.commitment - self.hours, Decimal("0"))

    @property
    def percent(self):
        if not self.commitment:
            return 100
        return min(int(self.hours * 100 / self.commitment), 100)


def monthly_hours(*, city, months=6):
    """The city's team's total hours per month vs ``City.monthly_commitment_hours``.

    ``months``: how many months back from the city's current month (or a list of dates).
    One query; newest month first.
    """
    starts = month_starts(city=city, months=months)
    if not starts:
        return []
    last = starts[0]
    end = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    with scopes_disabled():  # filtered to ``city`` explicitly
        totals = dict(
            HoursEntry.objects.filter(city=city, on_date__gte=starts[-1], on_date__lt=end)
            .annotate(month=TruncMonth("on_date"))
            .values("month")
            .annotate(total=Sum("hours"))
            .values_list("month", "total")
        )
    totals = {
        (m.date() if isinstance(m, datetime) else m): Decimal(t or 0).quantize(CENT)
        for m, t in totals.items()
    }
    commitment = Decimal(city.monthly_commitment_hours)
    return [
        MonthTotal(month=start, hours=totals.get(start, Decimal("0.00")), commitment=commitment)
        for start in starts
    ]


def ledger_months(*, city, months=6):
    """:func:`monthly_hours` for the last ``months`` months, leaving out those before the
    city's first cohort began (nothing was due then)."""
    from cohorts.models import Enrollment

    with scopes_disabled():
        first = (
            Enrollment.objects.filter(city=city).order_by("cohort__starts_on")
            .values_list("cohort__starts_on", flat=True).first()
        )
    totals = monthly_hours(city=city, months=months)
    if first is None:
        return totals
    return [total for total in totals if total.month >= first.replace(day=1)]


def cities_this_month(*, cities):
    """``{city_id: MonthTotal}`` of each city's current month (in its own time zone), in one
    query: for the staff's view of a cohort."""
    from django.db.models import Q

    cities = list(cities)
    starts = {city.pk: city_today(city).replace(day=1) for city in cities}
    if not cities:
        return {}
    condition = Q()
    for city_id, first in starts.items():
        following = (first + timedelta(days=32)).replace(day=1)
        condition |= Q(city_id=city_id, on_date__gte=first, on_date__lt=following)
    with scopes_disabled():
        sums = dict(
            HoursEntry.objects.filter(condition).values("city_id").annotate(total=Sum("hours"))
            .values_list("city_id", "total")
        )
    return {
        city.pk: MonthTotal(
            month=starts[city.pk], hours=Decimal(sums.get(city.pk) or 0).quantize(CENT),
            commitment=Decimal(city.monthly_commitment_hours),
        )
        for city in cities
    }


def hours_this_month(*, city):
    """The current month's :class:`MonthTotal` (in the city's time zone)."""
    return monthly_hours(city=city, months=1)[0]
