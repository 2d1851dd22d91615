"""A person's account deletion: their personal data goes, the cities' records stay.

The ``User`` row is kept (check-ins, strategy edits, showcases, history and the hours
ledger point at it) but anonymised: no name, a placeholder address at
``accounts.models.DELETED_EMAIL_DOMAIN`` (so it shows as "Former member"), no usable
password, inactive. Everything that is only about the person — sign-in addresses,
two-factor devices, sessions, API tokens, their inbox and e-mails, preferences, answers to
future sessions, invitations to their address — is deleted; their memberships and coaching
assignments end.
"""

import secrets

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session as WebSession
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from rest_framework.authtoken.models import Token

from accounts.models import DELETED_EMAIL_DOMAIN, Invitation, Membership
from caching.data_versions import forget_data
from cities.models import City
from coaching.models import ActionItem, ActionItemStatus, CoachAssignment
from notifications.models import (
    EmailOutbox,
    Notification,
    NotificationEvent,
    NotificationPreference,
    ReminderDelivery,
)
from schedule.models import Rsvp


def placeholder_email(user):
    return f"deleted-{user.pk}@{DELETED_EMAIL_DOMAIN}"


def cities_left_without_admin(*, user):
    """The cities where ``user`` is the only administrator while others remain in the team.

    Deleting the account there would leave the team unable to invite people or export its
    data, so the person hands the role over first (program staff can do it in the admin).
    """
    with scopes_disabled():
        cities = []
        for membership in Membership.objects.filter(user=user, is_city_admin=True).select_related(
            "city"
        ):
            others = Membership.objects.filter(city=membership.city).exclude(user=user)
            if others.exists() and not others.filter(is_city_admin=True).exists():
                cities.append(membership.city)
    return cities


def check_account_can_be_deleted(*, user):
    """Raise ``ValidationError`` (with the cities named) when the account must stay for now."""
    if user.email.endswith("@" + DELETED_EMAIL_DOMAIN):
        raise ValidationError(_("This account has already been deleted."))
    blocking = cities_left_without_admin(user=user)
    if blocking:
        names = ", ".join(city.name for city in blocking)
        raise ValidationError(
            _(
                "You are the only administrator of %(cities)s. Ask program staff to make another "
                "team member an administrator before you delete your account."
            )
            % {"cities": names}
        )


def _forget_sessions(user):
    """Sign the person out everywhere (database-backed sessions)."""
    user_id = str(user.pk)
    stale = [
        session.pk
        for session in WebSession.objects.filter(expire_date__gt=timezone.now())
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    WebSession.objects.filter(pk__in=stale).delete()


def _forget_messages(user, old_email, new_email):
    Notification.objects.filter(recipient=user).delete()
    EmailOutbox.objects.filter(recipient=user).delete()
    EmailOutbox.objects.filter(to__iexact=old_email).delete()
    NotificationPreference.objects.filter(user=user).delete()
    for event in NotificationEvent.objects.filter(recipients_text__icontains=old_email):
        event.recipients_text = event.recipients_text.replace(old_email, new_email)
        event.save(update_fields=["recipients_text"])
    ReminderDelivery.objects.filter(recipient_key=f"email:{old_email.lower()}").update(
        recipient_key=f"email:{new_email}"
    )


def _end_roles(user):
    Membership.objects.filter(user=user).delete()
    CoachAssignment.objects.filter(coach=user).delete()
    City.objects.filter(chief_data_officer=user).update(chief_data_officer=None)
    # Open action items go back to the team to reassign; closed ones keep their owner.
    ActionItem.objects.filter(owner=user, status=ActionItemStatus.OPEN).update(owner=None)
    # Bulk updates send no signals: every cached page may show the person or those rows.
    forget_data(models=["cities.city", "coaching.actionitem", "accounts.invitation"],
                everything=True)
    # Answers to sessions still to come mean nothing any more; past answers stay in the
    # city's record (attendance and the hours ledger are kept too).
    Rsvp.objects.filter(user=user, session__starts_at__gt=timezone.now()).delete()


def delete_account(*, user, by=None):
    """Delete ``user``'s account: anonymise the person, keep the cities' records.

    Refused (``ValidationError``) while the person is the only administrator of a city
    with other team members (see :func:`cities_left_without_admin`). ``by`` is whoever
    asked (the person, or program staff in the admin); it is not stored.
    Returns the anonymised user.
    """
    check_account_can_be_deleted(user=user)
    old_email = user.email
    new_email = placeholder_email(user)
    with transaction.atomic(), scopes_disabled():
        Invitation.objects.filter(email__iexact=old_email).update(email=new_email, name="")
        _end_roles(user)
        _forget_messages(user, old_email, new_email)
        EmailAddress.objects.filter(user=user).delete()
        Authenticator.objects.filter(user=user).delete()
        Token.objects.filter(user=user).delete()
        _forget_sessions(user)
        user.email = new_email
        user.name = ""
        user.title = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.last_login = None
        user.calendar_token = secrets.token_urlsafe()
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
    return user
