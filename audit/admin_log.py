"""Admin actions leave a trace: :func:`record_admin_action` writes Django's admin log entry
(``LogEntry``) for each object a bulk action changed, naming the staff member and the
action. Django logs the admin's own add/change/delete forms; actions are ours to log."""

import json

from django.contrib.admin.models import CHANGE, LogEntry
from django.utils import translation
from django.utils.translation import gettext as _


def record_admin_action(*, modeladmin, request, obj):
    """Log that ``request.user`` ran the admin action being posted on ``obj``.

    Call it once per object the action changed (after it succeeded). The action is read
    from the posted form (``action``) and stored by name and description in the source
    language, so the log shows it in each reader's language (see :func:`describe_entry`).
    """
    name = request.POST.get("action", "")
    action = modeladmin.get_actions(request).get(name)
    with translation.override(None):
        description = str(action[2]) if action else name
    message = [{"action": {"name": name, "description": description}}]
    return LogEntry.objects.log_actions(
        user_id=request.user.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=json.dumps(message),
        single_object=True,
    )


def describe_entry(entry):
    """The change message of a log entry in the reader's language, actions included."""
    try:
        message = json.loads(entry.change_message or "[]")
    except json.JSONDecodeError:
        return entry.change_message
    actions = [part["action"] for part in message if isinstance(part, dict) and "action" in part]
    if not actions:
        return entry.get_change_message()
    return " ".join(
        _("Ran the action “%(action)s”.") % {"action": _(a.get("description") or a.get("name"))}
        for a in actions
    )
