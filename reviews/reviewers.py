"""Who reviews: program staff, and outside reviewers invited by e-mail.

An outside reviewer has no city and no staff access; they must set up two-factor
authentication (allauth's TOTP) before they see any application (:func:`ready_to_review`).
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.mfa import has_totp
from accounts.models import User
from notifications.services import notify
from reviews.models import Reviewer

INVITATION_VALID_FOR = timedelta(days=30)


def is_outside_reviewer(user):
    """True for a signed-in person who accepted a reviewer invitation and is still active
    (asked once per user object: a request's doors ask it several times)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if getattr(user, "_is_outside_reviewer", None) is None:
        user._is_outside_reviewer = Reviewer.objects.filter(user=user, active=True).exists()
    return user._is_outside_reviewer


def is_reviewer(user):
    """Program staff and active outside reviewers."""
    return bool(user and user.is_authenticated and user.is_active
                and (user.is_staff or is_outside_reviewer(user)))


def ready_to_review(user):
    """A reviewer who may see applications now: staff (whose two factors the site's policy
    asks for), or an outside reviewer who has set up two-factor authentication."""
    if not is_reviewer(user):
        return False
    if user.is_staff:
        return True
    if getattr(user, "_has_totp", None) is None:
        user._has_totp = has_totp(user)
    return user._has_totp


def reviewers_choices():
    """Everyone staff may assign: program staff and active outside reviewers, by name."""
    staff = User.objects.filter(is_active=True, is_staff=True)
    outside = User.objects.filter(is_active=True, reviewer__active=True)
    return (staff | outside).distinct().order_by("name", "email")


@transaction.atomic
def invite_reviewer(*, email, name="", by):
    """Invite ``email`` to review applications; an open invitation is renewed.

    Refused for an address that already reviews. The invitation e-mail is sent through
    ``notify()`` with the link to accept it.
    """
    email = email.strip().lower()
    reviewer = Reviewer.objects.filter(email=email).first()
    if reviewer is not None and reviewer.accepted_at and reviewer.active:
        raise ValidationError({"email": _("%(email)s is a reviewer already.")
                               % {"email": email}})
    if reviewer is None:
        reviewer = Reviewer(email=email)
    reviewer.name = name.strip() or reviewer.name
    reviewer.invited_by = by
    reviewer.active = True
    reviewer.expires_at = timezone.now() + INVITATION_VALID_FOR
    reviewer.save()
    recipient = User.objects.filter(email__iexact=email).first() or email
    notify("review.invitation", recipients=[recipient], about=None, category="account",
           mandatory=True, context={"reviewer": reviewer, "invited_by": by,
                                    "link": f"/review/invitations/{reviewer.token}/"})
    return reviewer


def find_open_reviewer_invitation(token):
    """The reviewer invitation for ``token`` if it can still be accepted, else ``None``."""
    if not token:
        return None
    reviewer = Reviewer.objects.filter(token=token, accepted_at__isnull=True,
                                       active=True).first()
    if reviewer is None or reviewer.expires_at < timezone.now():
        return None
    return reviewer


@transaction.atomic
def accept_reviewer_invitation(*, reviewer, user):
    """Make ``user`` the reviewer the invitation was for.

    Refused when the signed-in person's address is not the invited one, or when the account
    already belongs to another reviewer. The invited address counts as verified.
    """
    if user.email.lower() != reviewer.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": reviewer.email})
    if Reviewer.objects.filter(user=user).exclude(pk=reviewer.pk).exists():
        raise ValidationError(_("This account is a reviewer already."))
    reviewer.user = user
    reviewer.accepted_at = timezone.now()
    reviewer.save(update_fields=["user", "accepted_at"])
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True})
    if not user.name and reviewer.name:
        user.name = reviewer.name
        user.save(update_fields=["name"])
    return reviewer
