"""Every API view class reachable under ``/api/``, for class-level checks."""

from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.views import APIView


def _walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.callback


def api_view_classes():
    """``(route, view class)`` for every DRF view under ``api/``, each class once."""
    seen, found = set(), []
    for route, callback in _walk(get_resolver().url_patterns):
        view = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
        if route.startswith("api/") and view and issubclass(view, APIView) and view not in seen:
            seen.add(view)
            found.append((route, view))
    return found
