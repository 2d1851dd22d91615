"""Operational views: health, and error pages that look like the product."""

import redis
from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from common.api import error_response


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure is reported, not raised
        return f"error: {error.__class__.__name__}"
    return "ok"


def broker_state():
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.REDIS_URL:
        return "eager"
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2
        )
        client.ping()
    except redis.RedisError as error:
        return f"error: {error.__class__.__name__}"
    return "ok"


def favicon(request):
    """``/favicon.ico``, which browsers and feed readers ask for by themselves: the site's
    icon (pages name it with ``<link rel="icon">`` in ``base.html``)."""
    return redirect(static("favicon.ico"), permanent=True)


@never_cache
@transaction.non_atomic_requests  # ATOMIC_REQUESTS would need the database before we ask it
def healthz(request):
    """200 with the state of the database and the broker, 503 when either is down."""
    state = {"database": database_state(), "broker": broker_state()}
    healthy = all(not value.startswith("error") for value in state.values())
    return JsonResponse(state, status=200 if healthy else 503)


def _wants_json(request):
    return request.path.startswith("/api/")


def error_404(request, exception=None):
    if _wants_json(request):
        return error_response(_("Not found."), 404)  # DRF's msgid too: the same words
    return render(request, "404.html", status=404)


def error_403(request, exception=None):
    if _wants_json(request):
        return error_response(_("You do not have permission to do this."), 403)
    return render(request, "403.html", status=403)


MINIMAL_500 = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Something went wrong</title></head><body><main><h1>Something went wrong on our side</h1>
<p>The team has been told. Please try again in a few minutes.</p></main></body></html>"""


def error_500(request):
    """The product's 500 page; if rendering it fails too (database down…), a bare one."""
    if _wants_json(request):
        return error_response(_("Internal error. The team has been told."), 500)
    try:
        return render(request, "500.html", status=500)
    except Exception:  # noqa: BLE001 - the error page itself must never raise
        return HttpResponseServerError(MINIMAL_500)


def error_400(request, exception=None):
    if _wants_json(request):
        return error_response(_("Bad request."), 400)
    return render(request, "400.html", status=400)
