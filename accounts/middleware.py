import zoneinfo

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation

from accounts.language import choose_language
from accounts.mfa import MFA_SETUP_MESSAGE, has_totp, must_use_mfa


class UserPreferencesMiddleware:
    """Show times in the signed-in person's time zone and pages in their language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
            if user.language and not request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME):
                translation.activate(user.language)
                request.LANGUAGE_CODE = translation.get_language()
        else:
            timezone.deactivate()
        response = self.get_response(request)
        if (user.is_authenticated and request.method == "POST"
                and request.path_info == reverse("set_language") and response.status_code < 400):
            choose_language(user=user, language=request.POST.get("language"))
        return response


MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz", "/i18n/")


class RequireMFAMiddleware:
    """Staff and coaches must set up TOTP before anything else (when CIVIC_REQUIRE_MFA)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.CIVIC_REQUIRE_MFA and self._must_set_up_mfa(request):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": str(MFA_SETUP_MESSAGE)}, status=403)
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _must_set_up_mfa(request):
        """True for a signed-in staff member or coach who has no TOTP authenticator yet."""
        user = request.user
        if not user.is_authenticated or request.path_info.startswith(MFA_EXEMPT_PREFIXES):
            return False
        return must_use_mfa(user) and not has_totp(user)
