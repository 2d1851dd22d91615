"""Issuing API tokens: the same checks, and the same failure counts, as the sign-in form."""

from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from accounts.mfa import has_totp, must_use_mfa, verify_totp_code
from accounts.verification import has_verified_email


class TooManyAttempts(PermissionDenied):
    """Sign-in is locked for this account or this address for a while."""


def _count_failure(request, adapter, email):
    """Count one failed attempt against allauth's ``login_failed`` limits (per address and
    per account), exactly as the sign-in form would; False when the limit is reached."""
    key = adapter._get_login_attempts_cache_key(request, email=email)
    return ratelimit.consume(request, action="login_failed", key=key)


def issue_api_token(*, request, email, password, code=None):
    """Give the person with ``email`` and ``password`` their API token.

    Sign-in goes through allauth's adapter, so a failure here counts towards the form's
    ``login_failed`` limits (``ACCOUNT_RATE_LIMITS``: per client address and per account)
    and an account or address the form has locked gets no token either
    (``TooManyAttempts``). The e-mail address must have been confirmed. A person with TOTP
    must give the current ``code`` (a wrong or missing code counts as a failure); one who
    must use two-factor but has not set it up gets no token.
    """
    adapter = get_adapter(request)
    email = email.strip().lower()
    try:
        user = adapter.authenticate(request, email=email, password=password)
    except ValidationError as error:  # allauth's "too many failed login attempts"
        raise TooManyAttempts(error.messages[0]) from error
    if user is None or not user.is_active:
        raise ValidationError(
            {"password": _("This e-mail address and password do not match an account.")}
        )
    if has_totp(user):
        if not verify_totp_code(user, code):
            if not _count_failure(request, adapter, email):
                raise TooManyAttempts(adapter.error_messages["too_many_login_attempts"])
            raise ValidationError(
                {"code": _("Enter the current code from your authenticator app.")}
            )
    elif must_use_mfa(user):
        raise ValidationError({"code": _("Set up two-factor authentication in the portal first.")})
    if not has_verified_email(user):
        raise ValidationError({"email": _(
            "Confirm this e-mail address first: open the link in the message we sent you "
            "(or sign in to the portal to get a new one), then ask for a token again."
        )})
    token, _created = Token.objects.get_or_create(user=user)
    return token
