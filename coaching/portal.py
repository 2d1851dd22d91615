"""What the portal shows of coaching: the city's coaching page and its card on the city home.

Each function costs a fixed number of queries whatever the number of check-ins or items.
"""

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from accounts.models import User
from coaching.cadence import cadence_for, with_coaching_state
from coaching.forms import ActionItemForm, MayorAnswerForm, MayorRequestForm
from coaching.models import (
    ActionItem,
    ActionItemStatus,
    CheckIn,
    CheckInStatus,
    CoachAssignment,
    MayorRequest,
)
from coaching.rules import (
    can_answer_mayor_request,
    can_log_checkin,
    can_manage_action_items,
    can_request_mayor_decision,
)

HISTORY_LIMIT = 50
CLOSED_ITEMS_LIMIT = 20


def _ordered_items(city):
    open_first = Case(When(status=ActionItemStatus.OPEN, then=Value(0)), default=Value(1),
                      output_field=IntegerField())
    return ActionItem.objects.filter(city=city).select_related("owner", "initiative").annotate(
        closed=open_first
    )


def city_initiatives(*, city):
    """The initiatives of ``city``'s data strategy an action item may advance."""
    from strategy.models import Initiative

    return Initiative.objects.filter(component__strategy__city=city).order_by("year", "title")


def open_action_items(*, city):
    """The city's open action items, soonest due first."""
    return list(
        ActionItem.objects.filter(city=city, status=ActionItemStatus.OPEN)
        .select_related("owner").order_by("due_on", "pk")
    )


def upcoming_checkin(*, city):
    """The primary coach's cadence facts for ``city`` (next check-in due), or None."""
    assignment = (
        with_coaching_state(CoachAssignment.objects.filter(enrollment__city=city))
        .select_related("coach").order_by("-is_primary", "-enrollment__cohort__starts_on").first()
    )
    return cadence_for(assignment) if assignment else None


def coaching_page_context(*, request, city, forms):
    """Everything the coaching page shows to ``request.user`` (private notes never)."""
    user = request.user
    coaching = can_log_checkin(user, city)
    checkins = CheckIn.objects.filter(city=city).select_related("coach").prefetch_related(
        "attendees"
    ).defer("private_notes")
    if not coaching:
        checkins = checkins.filter(status=CheckInStatus.LOGGED)
    checkins = list(checkins.order_by("-happened_at", "-pk")[:HISTORY_LIMIT])
    items = list(_ordered_items(city).order_by("closed", "due_on", "pk"))
    open_items = [i for i in items if i.status == ActionItemStatus.OPEN]
    closed_items = [i for i in items if i.status != ActionItemStatus.OPEN][:CLOSED_ITEMS_LIMIT]
    requests = list(
        MayorRequest.objects.filter(city=city).select_related("requested_by", "answered_by")
        .order_by("answered_at", "deadline", "-pk")
    )
    is_mayor = can_answer_mayor_request(user, city)
    for mayor_request in requests:
        if is_mayor and not mayor_request.is_answered:
            mayor_request.answer_form = forms.get(f"answer_form_{mayor_request.pk}") or (
                MayorAnswerForm(prefix=f"answer-{mayor_request.pk}")
            )
    can_manage = can_manage_action_items(user, city)
    for item in items:
        item.can_update = can_manage or item.owner_id == user.pk
    owners = User.objects.none()
    if can_manage:
        from coaching.actions import possible_owner_ids

        owners = User.objects.filter(pk__in=possible_owner_ids(city=city)).order_by(
            "name", "email"
        )
    return {
        "city": city,
        "today": timezone.localdate(),
        "checkins": checkins,
        "open_items": open_items,
        "closed_items": closed_items,
        "requests": requests,
        "upcoming": upcoming_checkin(city=city),
        "can_log": coaching,
        "can_manage_items": can_manage,
        "can_ask_mayor": can_request_mayor_decision(user, city),
        "is_mayor": is_mayor,
        "item_form": forms.get("item_form")
        or (ActionItemForm(owners=owners, prefix="item", initiatives=city_initiatives(city=city))
         if can_manage else None),
        "ask_form": forms.get("ask_form")
        or (MayorRequestForm(prefix="ask") if can_request_mayor_decision(user, city) else None),
    }


def city_home_context(*, request, city):
    """The coaching card of the city home: open action items and open requests to the
    mayor (with the answer form for the mayor)."""
    is_mayor = can_answer_mayor_request(request.user, city)
    requests = list(
        MayorRequest.objects.filter(city=city, answered_at__isnull=True)
        .select_related("requested_by").order_by("deadline", "pk")
    )
    if is_mayor:
        for mayor_request in requests:
            mayor_request.answer_form = MayorAnswerForm(prefix=f"answer-{mayor_request.pk}")
    items = open_action_items(city=city)
    can_manage = can_manage_action_items(request.user, city)
    for item in items:
        item.can_update = can_manage or item.owner_id == request.user.pk
    return {
        "coaching_open_items": items,
        "coaching_requests": requests,
        "coaching_is_mayor": is_mayor,
        "today": timezone.localdate(),
    }
