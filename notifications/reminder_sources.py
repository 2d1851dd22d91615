"""The notification engine's own reminder source: invitations nobody has accepted."""

from datetime import timedelta

from django.urls import reverse

from accounts.invitations import INVITATION_VALID_FOR
from accounts.models import Invitation
from notifications.audiences import audience_of
from notifications.models import Audience, ReminderKind
from notifications.reminders import DueReminder, register_reminder_source


@register_reminder_source(
    ReminderKind.INVITATION_NOT_ACCEPTED, event="invitation.reminder", category="account",
    stale_after=timedelta(days=3), mandatory=True,
)
def invitations_not_accepted(*, rule, now, since):
    """Remind the invited person ``offset`` after the invitation was (re)issued.

    With the default audience the invitee is reminded; another audience (e.g. the city's
    senior team) hears that the invitation is still open. Renewing an invitation re-arms it.
    """
    # due_at = issued_at + offset, issued_at = expires_at - INVITATION_VALID_FOR
    invitations = Invitation.objects.filter(
        accepted_at__isnull=True, expires_at__gt=now,
        expires_at__gte=since - rule.offset + INVITATION_VALID_FOR,
        expires_at__lte=now - rule.offset + INVITATION_VALID_FOR,
    ).select_related("city")
    to_invitee = rule.audience == Audience.DEFAULT
    audiences = {}  # one query per city, not per invitation
    for invitation in invitations:
        issued_at = invitation.expires_at - INVITATION_VALID_FOR
        if to_invitee:
            recipients = [invitation.email]
        else:
            if invitation.city_id not in audiences:
                audiences[invitation.city_id] = audience_of(
                    city=invitation.city, audience=rule.audience
                )
            recipients = audiences[invitation.city_id]
        for recipient in recipients:
            yield DueReminder(
                about=invitation, recipient=recipient,
                occurrence=issued_at.isoformat(), due_at=issued_at + rule.offset,
                context={
                    "invitation": invitation, "city": invitation.city,
                    "to_invitee": to_invitee,
                    "link": reverse("invitation", kwargs={"token": invitation.token})
                    if to_invitee else invitation.city.get_absolute_url(),
                },
            )
