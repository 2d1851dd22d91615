"""Two-factor rules shared by the portal and the API."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils.translation import gettext_lazy as _

MFA_SETUP_MESSAGE = _("Set up two-factor authentication before using the API.")


def has_totp(user):
    """True when ``user`` has set up a TOTP authenticator."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


# Who else must use two-factor authentication besides staff: predicates of a user that the
# apps knowing the role register in their AppConfig.ready() (cities: coaches).
_MFA_ROLES = []


def require_mfa_for(predicate):
    """Make :func:`must_use_mfa` true for every user ``predicate(user)`` is true for."""
    _MFA_ROLES.append(predicate)


def must_use_mfa(user):
    """Staff and coaches must use two-factor authentication when the setting requires it."""
    return settings.CIVIC_REQUIRE_MFA and (
        user.is_staff or any(predicate(user) for predicate in _MFA_ROLES)
    )


def verify_totp_code(user, code):
    """Check a TOTP ``code`` against the user's authenticator."""
    from allauth.mfa.totp.internal.auth import TOTP

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return bool(authenticator and code and TOTP(authenticator).validate_code(str(code)))
