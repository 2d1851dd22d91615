"""What the portal shows of coaching: the city's coaching page and its card on the city home.

Each function costs a fixed number of queries whatever the number of check-ins or items.
"""

from django.utils import timezone

from accounts.models import User
from cities.doors import allows
from coaching import page_reads
from coaching.actions import city_initiatives, possible_owners
from coaching.checkins import checkins_visible_to
from coaching.forms import ActionItemForm, MayorAnswerForm, MayorRequestForm
from coaching.models import (
    ActionItem,
    ActionItemStatus,
    MayorRequest,
)

HISTORY_SHOWN = 10  # the latest check-ins on the coaching page, until all are asked for
HISTORY_LIMIT = 50  # "all": a program has about a dozen; each card links to its check-in
CLOSED_ITEMS_LIMIT = 20
OPEN_ITEMS_LIMIT = 25  # on the coaching page, until "show all" is asked for
HOME_ITEMS_LIMIT = 5  # on the city home's card, the soonest due


def open_action_items(*, city, limit=None):
    """The city's open action items, soonest due first (the first ``limit`` of them)."""
    items = (ActionItem.objects.filter(city=city, status=ActionItemStatus.OPEN)
             .select_related("owner").order_by("due_on", "pk"))
    return list(items if limit is None else items[:limit])


def coaching_page_context(*, request, city, forms, all_open=False, all_history=False):
    """Everything the coaching page shows to ``request.user`` (private notes never): the
    first :data:`OPEN_ITEMS_LIMIT` open action items, or all of them with ``all_open``; the
    latest :data:`HISTORY_SHOWN` check-ins, or up to :data:`HISTORY_LIMIT` with
    ``all_history``."""
    user = request.user
    coaching = allows("can_log_checkin", user, city)
    shown = HISTORY_LIMIT if all_history else HISTORY_SHOWN
    checkins = page_reads.history(
        city=city, visible=lambda: checkins_visible_to(city=city, user=user),
        drafts=coaching, limit=shown + 1)
    more_checkins = not all_history and len(checkins) > shown
    checkins = checkins[:shown]
    open_items = page_reads.open_items(city=city,
                                       limit=None if all_open else OPEN_ITEMS_LIMIT + 1)
    more_open = not all_open and len(open_items) > OPEN_ITEMS_LIMIT
    if more_open:
        open_items = open_items[:OPEN_ITEMS_LIMIT]
    closed_items = page_reads.closed_items(city=city, limit=CLOSED_ITEMS_LIMIT)
    items = open_items + closed_items
    requests = list(
        MayorRequest.objects.filter(city=city).select_related("requested_by", "answered_by")
        .order_by("answered_at", "deadline", "-pk")
    )
    is_mayor = allows("can_answer_mayor_request", user, city)
    for mayor_request in requests:
        if is_mayor and not mayor_request.is_answered:
            mayor_request.answer_form = forms.get(f"answer_form_{mayor_request.pk}") or (
                MayorAnswerForm(prefix=f"answer-{mayor_request.pk}")
            )
    can_manage = allows("can_manage_action_items", user, city)
    for item in items:
        item.can_update = can_manage or item.owner_id == user.pk
    owners = User.objects.none()
    if can_manage:
        owners = possible_owners(city=city)
    return {
        "city": city,
        "today": timezone.localdate(),
        "checkins": checkins,
        "more_checkins": more_checkins,
        "open_items": open_items,
        "more_open_items": more_open,
        "closed_items": closed_items,
        "requests": requests,
        "upcoming": page_reads.upcoming_checkin(city=city),
        "can_log": coaching,
        "can_manage_items": can_manage,
        "can_ask_mayor": allows("can_request_mayor_decision", user, city),
        "is_mayor": is_mayor,
        "item_form": forms.get("item_form")
        or (ActionItemForm(owners=owners, prefix="item", initiatives=city_initiatives(city=city))
         if can_manage else None),
        "ask_form": forms.get("ask_form")
        or (MayorRequestForm(prefix="ask")
            if allows("can_request_mayor_decision", user, city) else None),
    }


def city_home_context(*, request, city):
    """The coaching card of the city home: the :data:`HOME_ITEMS_LIMIT` open action items
    due soonest and open requests to the mayor (with the answer form for the mayor)."""
    is_mayor = allows("can_answer_mayor_request", request.user, city)
    requests = list(
        MayorRequest.objects.filter(city=city, answered_at__isnull=True)
        .select_related("requested_by").order_by("deadline", "pk")
    )
    if is_mayor:
        for mayor_request in requests:
            mayor_request.answer_form = MayorAnswerForm(prefix=f"answer-{mayor_request.pk}")
    items = open_action_items(city=city, limit=HOME_ITEMS_LIMIT + 1)
    can_manage = allows("can_manage_action_items", request.user, city)
    for item in items:
        item.can_update = can_manage or item.owner_id == request.user.pk
    return {
        "coaching_open_items": items[:HOME_ITEMS_LIMIT],
        "coaching_more_open_items": len(items) > HOME_ITEMS_LIMIT,
        "coaching_requests": requests,
        "coaching_is_mayor": is_mayor,
        "today": timezone.localdate(),
    }
