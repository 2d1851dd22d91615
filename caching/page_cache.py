"""Whole pages cached per person until the data behind them changes.

The busiest pages (a city's home, schedule, coaching page, showcases and strategy, a coach's
home, the cohort health dashboard, the admin's lists) are read many times between two changes
of what they show. :func:`cache_page_per_person` keeps the rendered page of one person, for
one address, language, time zone and day, under the data versions it depends on
(``caching/data_versions.py``) plus the versions of the header (navigation, unread count). A
change to any record behind the page bumps a version, so the next request renders afresh.
What changes with the clock alone (a session becoming past) is at most :data:`TIMEOUT`
seconds old.

A page is served from the cache only when nothing about the request is special: a signed-in
person's ``GET`` with no message waiting to be shown. It is stored only when rendering it
had no side effect the cache would skip: a ``200`` with no cookie set (but CSRF's), no
session change and no message added. The CSRF tokens in a stored page are replaced by a
placeholder and filled with a fresh token of the reader's own on every hit, so a form on a
cached page posts.
"""

import hashlib
import re
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils import timezone, translation

from caching.data_versions import ALL, city_version
from caching.versioned_cache import MISSING, versioned_key, versions_remembered

TIMEOUT = 60
CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
_TOKEN = re.compile(rb'(?<=")[A-Za-z0-9]{64}(?=")')
_STORED_HEADERS = {"content-type", "content-language"}


# Who fills the page header registers the versions it depends on, in its AppConfig.ready():
# ``cities`` (the navigation), ``notifications`` (the unread count). Each is a function of a
# user id returning a list of version keys.
_HEADER_VERSIONS = []


def register_header_versions(versions_of):
    """Make every cached page also depend on ``versions_of(user_id)`` (a list of versions)."""
    _HEADER_VERSIONS.append(versions_of)


def header_versions(user):
    """The versions the page header of ``user`` depends on (navigation and unread count)."""
    return [version for versions_of in _HEADER_VERSIONS for version in versions_of(user.pk)]


def city_page_versions(request, *args, **kwargs):
    """A city page shows its own city's records and shared ones (cohorts, curriculum, people)."""
    return [ALL, city_version(request.city.pk)]


def _messages_waiting(request):
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _may_serve_from_cache(request):
    return (
        request.method == "GET"
        and request.user.is_authenticated
        and not _messages_waiting(request)
    )


def _may_store(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}  # set again on a hit
        and not getattr(request.session, "modified", False)
        and not _messages_waiting(request)
    )


def _page_key(request, view_name):
    city = getattr(request, "city", None)
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:24]
    return ":".join([
        "page", view_name, str(request.user.pk), str(city.pk if city else ""),
        translation.get_language() or "", timezone.get_current_timezone_name(),
        timezone.localdate().isoformat(), request.headers.get("HX-Request", ""), address,
    ])


def _with_placeholders(request, content):
    """``content`` with every CSRF token of this request replaced by the placeholder."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content

    def swap(match):
        token = match.group(0).decode()
        return CSRF_PLACEHOLDER if _unmask_cipher_token(token) == secret else match.group(0)

    return _TOKEN.sub(swap, content)


def _response_from(request, stored):
    content = stored["content"]
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in stored["headers"]:
        response[name] = value
    return response


def serve_cached_page(request, *, name, depends_on, render, timeout=TIMEOUT):
    """``render()``'s response, from the cache when the versions ``depends_on()`` names (and
    the header's) have not changed since it was stored for this person and address. The
    versions read for the page are remembered while it renders: what it shows and its
    header, kept under the same versions, do not ask for them again."""
    if not _may_serve_from_cache(request):
        return render()
    with versions_remembered():
        return _serve(request, name=name, depends_on=depends_on, render=render,
                      timeout=timeout)


def _serve(request, *, name, depends_on, render, timeout):
    key = versioned_key(
        _page_key(request, name), [*depends_on(), *header_versions(request.user)]
    )
    stored = cache.get(key, MISSING)
    if stored is not MISSING:
        return _response_from(request, stored)
    response = render()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if _may_store(request, response):
        cache.set(key, {
            "content": _with_placeholders(request, response.content),
            "headers": [(k, v) for k, v in response.items() if k.lower() in _STORED_HEADERS],
        }, timeout)
    return response


def cache_page_per_person(depends_on=city_page_versions, *, timeout=TIMEOUT):
    """View decorator: serve the view's page from the cache (see the module's docstring).
    ``depends_on(request, *args, **kwargs)`` names the data versions the page shows."""

    def decorator(view):
        name = f"{view.__module__}.{view.__qualname__}"

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return serve_cached_page(
                request, name=name, timeout=timeout,
                depends_on=lambda: depends_on(request, *args, **kwargs),
                render=lambda: view(request, *args, **kwargs),
            )

        return wrapper

    return decorator
