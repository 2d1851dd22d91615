"""The mayor's home: what needs the mayor, what the team did this month, what is next.

Everything here reads the city's records in the current scope (the city's portal page).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from coaching.models import ActionItem, ActionItemStatus, CheckIn, CheckInStatus
from schedule.audience import sessions_for_city
from schedule.commitment import hours_this_month
from schedule.convening import NOT_CONFIRMED, mayor_presence
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
    mayor_sessions = list(
        sessions_for_city(city=city)
        .filter(starts_at__gte=now, is_cancelled=False)
        .filter(Q(audience__in=[Audience.MAYORS, Audience.EVERYONE]) | Q(city=city))
        .order_by("starts_at")[:20]
    )
    unconfirmed = {
        status.session.pk for status in mayor_presence(
            sessions=mayor_sessions, city_ids=[city.pk], user=user, now=now
        )
        if status.status == NOT_CONFIRMED
    }
    return MayorBriefing(
        strategy_to_review=Strategy.objects.filter(city=city, state=StrategyState.IN_REVIEW)
        .first(),
        sessions_to_confirm=[s for s in mayor_sessions if s.pk in unconfirmed],
        upcoming=mayor_sessions[:upcoming],
        checkins_this_month=CheckIn.objects.filter(
            city=city, status=CheckInStatus.LOGGED, happened_at__date__gte=month_start
        ).count(),
        showcases_this_month=list(
            Showcase.objects.filter(
                Q(accepted_at__date__gte=month_start) | Q(presented_at__date__gte=month_start),
                city=city,
            ).only("title", "state")
        ),
        actions_done_this_month=ActionItem.objects.filter(
            city=city, status=ActionItemStatus.DONE, closed_at__date__gte=month_start
        ).count(),
        hours=hours_this_month(city=city),
    )
