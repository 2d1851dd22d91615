"""Action items: what a city member or the coach will do by a date."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cities.people import coaches_of, members_of
from coaching.models import ActionItem, ActionItemStatus
from notifications.services import notify

TITLE_MAX = 200


def possible_owners(*, city):
    """Who may own an action item of ``city``: its team members and its coaches (active
    accounts), by name; one query, for the owner field's choices."""
    return User.objects.filter(
        Q(pk__in=members_of(city).values("pk")) | Q(pk__in=coaches_of(city).values("pk"))
    ).order_by("name", "email")


def possible_owner_ids(*, city):
    """The ids of :func:`possible_owners` (one query)."""
    return set(possible_owners(city=city).values_list("pk", flat=True))


def _validate(*, city, title, owner, due_on, creating):
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Say what needs doing.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _("Keep the action under 200 characters.")
    if owner is None:
        errors["owner"] = _("Choose who owns this action.")
    elif owner.pk not in possible_owner_ids(city=city):
        errors["owner"] = _("The owner must be a member of the city's team or its coach.")
    if due_on is None:
        errors["due_on"] = _("Give a due date.")
    elif creating and due_on < timezone.localdate():
        errors["due_on"] = _("The due date cannot be in the past.")
    if errors:
        raise ValidationError(errors)


def city_initiatives(*, city):
    """The initiatives of ``city``'s data strategy an action item may advance.

    Reached through the link :class:`ActionItem` declares (``initiative``): coaching and
    strategy sit in the same layer and import nothing of each other."""
    initiative = ActionItem._meta.get_field("initiative").related_model
    return initiative.objects.filter(component__strategy__city=city).order_by("year", "title")


def _check_initiative(city, initiative):
    if initiative is not None and not city_initiatives(city=city).filter(
        pk=initiative.pk
    ).exists():
        raise ValidationError({"initiative": _("Choose an initiative of this city.")})


@transaction.atomic
def create_action_item(*, city, by, title, owner, due_on, details="", checkin=None,
                       initiative=None):
    """Create an open action item (on its own or in ``checkin``) and tell its owner."""
    if checkin is not None and checkin.city_id != city.pk:
        raise ValidationError({"checkin": _("Unknown check-in.")})
    _check_initiative(city, initiative)
    _validate(city=city, title=title, owner=owner, due_on=due_on, creating=True)
    item = ActionItem(
        city=city, checkin=checkin, title=title.strip(), details=details or "", owner=owner,
        due_on=due_on, created_by=by, initiative=initiative,
    )
    item._history_user = by
    item.save()
    if owner.pk != by.pk:
        _tell_owner(item)
    return item


@transaction.atomic
def update_action_item(*, item, by, title, owner, due_on, details="", initiative=None):
    """Change an action item's text, owner or due date (the coach or staff)."""
    _validate(city=item.city, title=title, owner=owner, due_on=due_on, creating=False)
    _check_initiative(item.city, initiative)
    new_owner = owner.pk != item.owner_id
    item.title, item.owner, item.due_on, item.details = title.strip(), owner, due_on, details
    item.initiative = initiative
    item._history_user = by
    item.save()
    if new_owner and owner.pk != by.pk:
        _tell_owner(item)
    return item


def _close(item, by, status):
    if item.status != ActionItemStatus.OPEN:
        raise ValidationError({"status": _("This action is already closed.")})
    item.status = status
    item.closed_at = timezone.now()
    item._history_user = by
    item.save(update_fields=["status", "closed_at", "updated_at"])
    return item


@transaction.atomic
def complete_action_item(*, item, by):
    """Mark an open action item done (its owner, the coach or staff)."""
    return _close(item, by, ActionItemStatus.DONE)


@transaction.atomic
def drop_action_item(*, item, by):
    """Drop an open action item that is no longer worth doing."""
    return _close(item, by, ActionItemStatus.DROPPED)


@transaction.atomic
def reopen_action_item(*, item, by):
    """Open a done or dropped action item again."""
    if item.status == ActionItemStatus.OPEN:
        raise ValidationError({"status": _("This action is already open.")})
    item.status, item.closed_at = ActionItemStatus.OPEN, None
    item._history_user = by
    item.save(update_fields=["status", "closed_at", "updated_at"])
    return item


def _tell_owner(item):
    notify(
        "coaching.action_item_assigned", recipients=[item.owner], about=item,
        context={"item": item, "city": item.city}, category="coaching",
    )
