"""The API's side of :mod:`common.inputs`: the JSON parser every view uses, and date fields
that refuse years the site cannot convert between time zones."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _
from rest_framework import parsers, serializers
from rest_framework.exceptions import ParseError

from common.inputs import InputError, load_json, validate_supported_year


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser through :func:`common.inputs.load_json`: a body nested too deeply,
    ``NaN`` or ``1e999`` is a 400 with a message, never a ``RecursionError`` or ``inf``; a
    body that is no object (``1.5``, ``[]``) is a 400 too, so no view meets a float where
    it reads ``request.data.get(…)``."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = load_json(stream.read() if stream is not None else b"")
        except InputError as error:
            raise ParseError(str(error)) from error
        if not isinstance(data, dict):  # every body the API documents is an object
            raise ParseError(_("Send a JSON object ({…}), not %(kind)s.") % {
                "kind": _json_kind(data)})
        return data


def _json_kind(data):
    if isinstance(data, list):
        return _("a list")
    if isinstance(data, str):
        return _("a string")
    if data is None:
        return "null"
    return _("a number") if not isinstance(data, bool) else _("true or false")


class DateField(serializers.DateField):
    """A date within the supported years (``common.inputs.MIN_YEAR``..``MAX_YEAR``)."""

    default_validators = [validate_supported_year]


class DateTimeField(serializers.DateTimeField):
    """A date and time within the supported years, so that it can be shown in any zone."""

    default_validators = [validate_supported_year]


def install_date_fields():
    """Model date fields become the bounded serializer fields in every ModelSerializer."""
    mapping = serializers.ModelSerializer.serializer_field_mapping
    mapping[models.DateField] = DateField
    mapping[models.DateTimeField] = DateTimeField
