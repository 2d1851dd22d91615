"""The training commitment: at least ``City.monthly_commitment_hours`` a month for EACH
active member of the city's senior team (everyone but the mayor).

A month is met only when every active senior-team member met it: the team's hours summed
against one figure would let one keen member carry the others. The team's total is shown
too (the whole ledger of the month, the mayor's own hours included).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import TruncMonth
from django_scopes import scopes_disabled

from accounts.models import Role
from cities.people import senior_teams_by_city
from schedule.hours import CENT, city_today, cohort_start, month_starts
from schedule.models import HoursEntry

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MemberMonth:
    """One senior-team member's hours in one month against the per-member commitment."""

    user: object
    hours: Decimal
    commitment: Decimal

    @property
    def met(self):
        return self.hours >= self.commitment

    @property
    def shortfall(self):
        return max(self.commitment - self.hours, Decimal("0"))


@dataclass(frozen=True)
class MonthTotal:
    """A city's month: each senior-team member against the commitment, and the team."""

    month: date
    hours: Decimal  # the team's total: every line of the city's ledger that month
    commitment: Decimal  # per member
    members: tuple = ()  # MemberMonth of each active senior-team member

    @property
    def team_commitment(self):
        return self.commitment * len(self.members)

    @property
    def members_met(self):
        return sum(1 for m in self.members if m.met)

    @property
    def members_below(self):
        return [m for m in self.members if not m.met]

    @property
    def met(self):
        """Every active senior-team member met the commitment (a team of none has not)."""
        return bool(self.members) and self.members_met == len(self.members)

    @property
    def shortfall(self):
        """Hours still owed by the members below the commitment, added up."""
        if not self.members:
            return self.commitment
        return sum((m.shortfall for m in self.members), Decimal("0"))

    @property
    def percent(self):
        """Share of the members who met it."""
        if not self.members:
            return 0
        return int(self.members_met * 100 / len(self.members))


def senior_teams(*, city_ids):
    """``{city_id: [user, …]}``: the active senior-team members (not the mayor), by name
    (``cities.people.senior_teams_by_city``)."""
    return senior_teams_by_city(city_ids)


def senior_teams_among(memberships):
    """:func:`senior_teams` of the cities of ``memberships`` (any roles, with their users,
    ordered by the user's name and id), for a caller that read them itself."""
    teams = defaultdict(list)
    for membership in memberships:
        if membership.user.is_active and membership.role != Role.MAYOR:
            teams[membership.city_id].append(membership.user)
    return teams


def _as_date(month):
    return month.date() if isinstance(month, datetime) else month


def _month_total(*, month, commitment, team, per_user, total):
    return MonthTotal(
        month=month, hours=Decimal(total).quantize(CENT), commitment=commitment,
        members=tuple(
            MemberMonth(user=user, hours=Decimal(per_user.get(user.pk, 0)).quantize(CENT),
                        commitment=commitment)
            for user in team
        ),
    )


def monthly_hours(*, city, months=6):
    """The city's :class:`MonthTotal` per month, newest first.

    ``months``: how many months back from the city's current month (or a list of dates).
    Two queries.
    """
    starts = month_starts(city=city, months=months)
    if not starts:
        return []
    last = starts[0]
    end = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    sums = defaultdict(dict)
    with scopes_disabled():  # filtered to ``city`` explicitly
        for user_id, month, total in (
            HoursEntry.objects.filter(city=city, on_date__gte=starts[-1], on_date__lt=end)
            .annotate(month=TruncMonth("on_date")).values("user_id", "month")
            .annotate(total=Sum("hours")).values_list("user_id", "month", "total")
        ):
            sums[_as_date(month)][user_id] = Decimal(total or 0)
    team = senior_teams(city_ids=[city.pk])[city.pk]
    commitment = Decimal(city.monthly_commitment_hours)
    return [
        _month_total(month=start, commitment=commitment, team=team, per_user=sums[start],
                     total=sum(sums[start].values(), ZERO))
        for start in starts
    ]


def ledger_months(*, city, months=6):
    """:func:`monthly_hours` for the last ``months`` months, leaving out those before the
    city's first cohort began (nothing was due then)."""
    first = cohort_start(city=city)
    totals = monthly_hours(city=city, months=months)
    if first is None:
        return totals
    return [total for total in totals if total.month >= first.replace(day=1)]


def cities_this_month(*, cities):
    """``{city_id: MonthTotal}`` of each city's current month (in its own time zone), in
    two queries: for the staff's view of a cohort."""
    cities = list(cities)
    if not cities:
        return {}
    starts = {city.pk: city_today(city).replace(day=1) for city in cities}
    condition = Q()
    for city_id, first in starts.items():
        following = (first + timedelta(days=32)).replace(day=1)
        condition |= Q(city_id=city_id, on_date__gte=first, on_date__lt=following)
    sums = defaultdict(dict)
    with scopes_disabled():
        for city_id, user_id, total in (
            HoursEntry.objects.filter(condition).values("city_id", "user_id")
            .annotate(total=Sum("hours")).values_list("city_id", "user_id", "total")
        ):
            sums[city_id][user_id] = Decimal(total or 0)
    teams = senior_teams(city_ids=[city.pk for city in cities])
    return {
        city.pk: _month_total(
            month=starts[city.pk], commitment=Decimal(city.monthly_commitment_hours),
            team=teams[city.pk], per_user=sums[city.pk],
            total=sum(sums[city.pk].values(), ZERO),
        )
        for city in cities
    }


def hours_this_month(*, city):
    """The current month's :class:`MonthTotal` (in the city's time zone)."""
    return monthly_hours(city=city, months=1)[0]


def member_rows(totals):
    """``[(user, [MemberMonth, …])]``: each member's months in ``totals``' order (for a
    table of people by month)."""
    if not totals:
        return []
    return [
        (member.user, [total.members[index] for total in totals])
        for index, member in enumerate(totals[0].members)
    ]
