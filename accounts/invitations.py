"""Invitations: the only way into a city's team."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from accounts.models import Invitation, Membership, Role

INVITATION_VALID_FOR = timedelta(days=30)


def invite_member(*, city, email, role, name="", invited_by=None):
    """Invite ``email`` to ``city`` in ``role``; an open invitation is renewed, not duplicated.

    Returns the invitation. Sending the e-mail is the notification engine's job.
    """
    email = email.strip().lower()
    with scopes_disabled():
        invitation = Invitation.objects.filter(
            email=email, city=city, accepted_at__isnull=True
        ).first()
        if invitation is None:
            invitation = Invitation(email=email, city=city)
        invitation.role = role
        invitation.name = name or invitation.name
        invitation.invited_by = invited_by
        invitation.expires_at = timezone.now() + INVITATION_VALID_FOR
        invitation.save()
    return invitation


def find_open_invitation(token):
    """The invitation for ``token`` if it can still be accepted, else ``None``."""
    with scopes_disabled():
        invitation = Invitation.objects.select_related("city").filter(token=token).first()
    if invitation is None or invitation.accepted_at or invitation.expires_at < timezone.now():
        return None
    return invitation


@transaction.atomic
def accept_invitation(*, invitation, user):
    """Make ``user`` a member of the invitation's city in its role.

    The invitation link reached the invited address, so that address counts as verified.
    An invited chief data officer becomes the city's CDO when it has none yet.
    Refused when the signed-in user's e-mail is not the invited one.
    """
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    with scopes_disabled():
        membership, created = Membership.objects.get_or_create(
            user=user, city=invitation.city, defaults={"role": invitation.role}
        )
        if not created and membership.role != invitation.role:
            membership.role = invitation.role
            membership.save(update_fields=["role"])
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    if invitation.role == Role.CDO and invitation.city.chief_data_officer_id is None:
        invitation.city.chief_data_officer = user
        invitation.city.save(update_fields=["chief_data_officer"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not user.name and invitation.name:
        user.name = invitation.name
        user.save(update_fields=["name"])
    return membership
