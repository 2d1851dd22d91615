"""API plumbing: the JSON error format and the ``/api/`` URL tree."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)


def json_exception_handler(exc, context):
    """Every API error is JSON: ``{"detail": …}`` or a list of messages per field."""
    if isinstance(exc, ValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()  # the same answer whether a row is missing or hidden
    response = exception_handler(exc, context)
    if response is not None:
        return response
    if isinstance(exc, PermissionDenied):
        return None
    logger.exception("Unhandled API error", exc_info=exc)
    return Response(
        {"detail": "Internal error. The team has been told."},
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )
