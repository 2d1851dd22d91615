"""API plumbing: the JSON error format and the ``/api/`` URL tree.

Every answer under ``/api/`` is JSON, errors included: DRF's views answer through
:func:`json_exception_handler`; a path under ``/api/`` that names no operation reaches
:class:`NotFoundView` (the last pattern of the ``/api/`` tree), and Django's error handlers
answer :func:`error_response` for ``/api/`` paths. All of them give the same bytes:
``{"detail":"…"}`` as DRF renders it.
"""

import logging

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    ValidationError,
)
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.authentication import SessionScheme
from rest_framework import exceptions, permissions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from common.request_limits import too_large_message

logger = logging.getLogger(__name__)


def json_exception_handler(exc, context):
    """Every API error is JSON: ``{"detail": …}`` or a list of messages per field."""
    if isinstance(exc, ValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()  # the same answer whether a row is missing or hidden
    if isinstance(exc, RequestDataTooBig):  # a body sent without a length (chunked)
        return Response({"detail": too_large_message()}, status=413)
    if isinstance(exc, SuspiciousOperation):  # too many fields or files, a forged header…
        exc = exceptions.ParseError(str(exc))
    response = exception_handler(exc, context)
    if response is not None:
        return response
    if isinstance(exc, PermissionDenied):
        return None
    logger.exception("Unhandled API error", exc_info=exc)
    return Response(
        {"detail": _("Internal error. The team has been told.")},
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


class TwoFactorSessionScheme(SessionScheme):
    """The schema documents the project's session authentication (two-factor enforced) as
    the cookie scheme it is, beside the token (drf-spectacular matches the token class's
    subclasses by itself, not the session class's)."""

    target_class = "accounts.authentication.SessionAuthentication"


def error_response(detail, status_code):
    """``{"detail": detail}`` rendered exactly as DRF renders an error (for Django's own
    error handlers, which run outside DRF)."""
    body = JSONRenderer().render({"detail": str(detail)})
    return HttpResponse(body, status=status_code, content_type="application/json")


class NotFoundView(APIView):
    """Any path under ``/api/`` that names no operation: the JSON 404 of every other API
    path (also with ``DEBUG`` on, where Django would show its HTML page), for every method
    and every caller, with or without credentials."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    schema = None  # not an operation

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise exceptions.NotFound()
