"""A NUL character (``\\x00``) where a request names something: PostgreSQL refuses it in any
text it is sent, even in a lookup (a ``DataError``, a 500 there; SQLite compares it and
finds nothing).

Forms and API bodies refuse one per field (``common.inputs``, DRF's fields). What reaches a
lookup before any form does is checked here, once, before any view or query sees it:

- the path (``<str:…>`` parts such as invitation and calendar tokens, and the API's
  regular expressions, accept any character but ``/``): the site's 404, as for any path that
  names nothing;
- a query string or a header (``Authorization: Token …`` went straight to the token table):
  the site's 400;
- a cookie: forgotten, as if it had not been sent (a session cookie with a NUL is no
  session: the caller is anonymous).
"""

from importlib import import_module

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404

NUL = "\x00"


class NulInRequest(SuspiciousOperation):
    """A query string or header with a NUL character (Django answers 400)."""


def _forget_cookies_with_nul(request):
    for name, value in list(request.COOKIES.items()):
        if NUL in name or NUL in value:
            del request.COOKIES[name]
            if name == settings.SESSION_COOKIE_NAME and hasattr(request, "session"):
                request.session = import_module(settings.SESSION_ENGINE).SessionStore(None)


def _query_has_nul(request):
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()
    )


def _headers_have_nul(request):
    return any(
        NUL in value
        for key, value in request.META.items()
        if key.startswith("HTTP_") and key != "HTTP_COOKIE" and isinstance(value, str)
    )


class NulByteMiddleware:
    """404 for a path, 400 for a query string or header holding a NUL; such cookies are
    dropped. Placed after the session and authentication middleware (which only prepare a
    lazy session and user) and before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _forget_cookies_with_nul(request)
        if NUL in request.path_info:
            raise Http404  # the error handler answers the site's 404 page (JSON for /api/)
        if _query_has_nul(request) or _headers_have_nul(request):
            raise NulInRequest("A NUL character in the query string or a header.")
        return self.get_response(request)
