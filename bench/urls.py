"""The application's URLs plus the floor: a trivial city page behind the same middleware
(tenancy, sessions, authentication) as every portal page, and the same under the API.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.urls import path
from rest_framework.decorators import api_view

from config.urls import urlpatterns as app_urlpatterns


@login_required
def floor(request, city):
    """Nothing but the middleware's work: resolve the city, check access, answer."""
    return HttpResponse(f"ok {request.city.pk} {request.user.pk}", content_type="text/plain")


@api_view(["GET"])
def api_floor(request, city):
    """The API's floor: DRF authentication, permission and throttling, then nothing."""
    return JsonResponse({"ok": True, "user": request.user.pk})


urlpatterns = [
    path("bench/floor/c/<slug:city>/", floor, name="bench-floor"),
    path("bench/floor/api/<slug:city>/", api_floor, name="bench-api-floor"),
    *app_urlpatterns,
]

handler400 = "common.views.error_400"
handler403 = "common.views.error_403"
handler404 = "common.views.error_404"
handler500 = "common.views.error_500"
