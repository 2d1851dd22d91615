"""Request bodies larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` answer 413 with a message, in
JSON for the API and the portal's JSON endpoints (autosave), as a page otherwise.

Django alone answers a generic 400 page when a view first reads such a body, and the API's
exception handler, which does not know ``RequestDataTooBig``, answered 500. File uploads
(``multipart/form-data``) are left to Django, which streams files to disk and limits only
their other fields, and to each form's own file-size rule.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def too_large_message():
    return _("The request is too large: send at most %(size)s MB.") % {
        "size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
    }


def _wants_json(request):
    return (
        request.path.startswith("/api/")
        or request.content_type == "application/json"
        or "application/json" in request.headers.get("Accept", "")
    )


def too_large_response(request):
    message = too_large_message()
    if _wants_json(request):
        return JsonResponse({"detail": message}, status=413)
    return render(request, "413.html", {"message": message}, status=413)


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestSizeLimitMiddleware:
    """Refuse an oversized body before anything reads it; turn a ``RequestDataTooBig``
    raised by a view (a body sent without a length) into the same 413."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if (
            limit is not None
            and _declared_length(request) > limit
            and request.content_type != "multipart/form-data"
        ):
            return too_large_response(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RequestDataTooBig):
            return too_large_response(request)
        return None
