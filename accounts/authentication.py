"""API authentication that enforces two-factor set-up for tokens as well as sessions.

``RequireMFAMiddleware`` only sees session sign-ins (a token is read later, by DRF), so a
coach or staff member who must use two-factor could keep using a token issued before.
With these classes every API call made by such a person, however it is authenticated, is a
403 that tells them to set it up.
"""

from drf_spectacular.authentication import SessionScheme
from rest_framework import authentication, exceptions

from accounts.mfa import MFA_SETUP_MESSAGE, has_totp, must_use_mfa


class RequireMFAMixin:
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and must_use_mfa(result[0]) and not has_totp(result[0]):
            raise exceptions.PermissionDenied(MFA_SETUP_MESSAGE)
        return result


class TokenAuthentication(RequireMFAMixin, authentication.TokenAuthentication):
    pass


class SessionAuthentication(RequireMFAMixin, authentication.SessionAuthentication):
    pass


class RequireMFASessionScheme(SessionScheme):
    """The OpenAPI schema documents our session authentication as the cookie it is (the
    token one is matched by drf-spectacular's own extension, which covers subclasses)."""

    target_class = "accounts.authentication.SessionAuthentication"
