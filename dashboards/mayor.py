"""The mayor's home: what needs the mayor, what the team did this month, what is next.

Everything here reads the city's records in the current scope (the city's portal page).
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from cities.models import City
from coaching.models import ActionItem, ActionItemStatus, CheckIn, CheckInStatus
from schedule.audience import sessions_for_city
from schedule.commitment import hours_this_month
from schedule.convening import NOT_CONFIRMED, mayor_sessions, own_status, with_own_answers
from schedule.hours import city_today
from schedule.models import Audience
from showcases.models import Showcase
from strategy.models import Strategy, StrategyState


@dataclass
class MayorBriefing:
    strategy_to_review: object = None
    sessions_to_confirm: list = field(default_factory=list)
    upcoming: list = field(default_factory=list)
    checkins_this_month: int = 0
    showcases_this_month: list = field(default_factory=list)
    actions_done_this_month: int = 0
    hours: object = None

    @property
    def needs_you(self):
        return bool(self.strategy_to_review or self.sessions_to_confirm)


def mayor_briefing(*, city, user, upcoming=4):
    """Facts for the mayor's home, in a fixed number of queries."""
    month_start = city_today(city).replace(day=1)
    now = timezone.now()
    sessions = list(with_own_answers(
        sessions_for_city(city=city)
        .filter(starts_at__gte=now, is_cancelled=False)
        .filter(Q(audience__in=[Audience.MAYORS, Audience.EVERYONE]) | Q(city=city)),
        user=user,
    ).order_by("starts_at")[:20])
    # The mayor's own answer to each mayor-only session, as cohort health counts it.
    unconfirmed = {
        session.pk for session in mayor_sessions(sessions)
        if own_status(session, now=now) == NOT_CONFIRMED
    }
    checkins, actions_done = _month_counts(city=city, month_start=month_start)
    return MayorBriefing(
        strategy_to_review=Strategy.objects.filter(city=city, state=StrategyState.IN_REVIEW)
        .first(),
        sessions_to_confirm=[s for s in sessions if s.pk in unconfirmed],
        upcoming=sessions[:upcoming],
        checkins_this_month=checkins,
        showcases_this_month=list(
            Showcase.objects.filter(
                Q(accepted_at__date__gte=month_start) | Q(presented_at__date__gte=month_start),
                city=city,
            ).only("title", "state")
        ),
        actions_done_this_month=actions_done,
        hours=hours_this_month(city=city),
    )


def _month_counts(*, city, month_start):
    """(check-ins logged, action items done) since ``month_start``, in one query."""
    def count(queryset):
        return Coalesce(Subquery(
            queryset.filter(city=OuterRef("pk")).order_by().values("city")
            .annotate(n=Count("pk")).values("n")), 0)

    return City.objects.filter(pk=city.pk).values_list(
        count(CheckIn.objects.filter(status=CheckInStatus.LOGGED,
                                     happened_at__date__gte=month_start)),
        count(ActionItem.objects.filter(status=ActionItemStatus.DONE,
                                        closed_at__date__gte=month_start)),
    ).get()
