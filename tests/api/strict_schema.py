"""The OpenAPI schema read the way a strict generated client reads it, as JSON Schema.

OpenAPI 3.0 leaves an object open to fields it does not name and spells "or null" as
``nullable``; strict generators (TypeScript's, Python's with ``extra="forbid"``) do not.
:func:`strict` turns an answer's schema into a JSON Schema (draft 2020-12) where an object
that names its fields allows no other, ``null`` is allowed only where ``nullable`` says so,
an enum lists every value it may take, and dates, times, e-mail addresses and URIs must
parse (so that ``oneOf: [empty string, URI]`` is one of the two, as a client reads it).
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date", raises=ValueError)
def _is_date(value):
    return not isinstance(value, str) or bool(datetime.date.fromisoformat(value))


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value):
    if not isinstance(value, str):
        return True
    moment = datetime.datetime.fromisoformat(value)
    return moment.tzinfo is not None  # an instant: a generated client needs its offset


@FORMATS.checks("email")
def _is_email(value):
    return not isinstance(value, str) or value.count("@") == 1 and "." in value.split("@")[1]


@FORMATS.checks("uri")
def _is_uri(value):
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


def _strict(node):
    if isinstance(node, list):
        return [_strict(value) for value in node]
    if not isinstance(node, dict):
        return node
    node = {key: _strict(value) for key, value in node.items()}
    if node.pop("nullable", False):
        if "enum" in node:
            node["enum"] = [*node["enum"], None]
        if "type" in node and not ({"allOf", "$ref", "oneOf", "anyOf"} & set(node)):
            node["type"] = [node["type"], "null"]
        else:
            node.pop("type", None)
            node = {"anyOf": [node, {"type": "null"}]}
    if "properties" in node and "additionalProperties" not in node:
        node["additionalProperties"] = False
    return node


def strict(schema, openapi):
    """A validator of answers for ``schema`` (a schema object of ``openapi``, which its
    ``$ref`` s name), read strictly (see the module's docstring)."""
    root = _strict(schema) | {"components": {"schemas": _strict(
        openapi["components"]["schemas"])}}
    return Draft202012Validator(root, format_checker=FORMATS)


def _leaves(error):
    """The innermost reasons of an error (an ``anyOf`` fails for its branches' reasons; a
    branch that only says "not null" explains nothing)."""
    if not error.context:
        return [error]
    leaves = [leaf for sub in error.context for leaf in _leaves(sub)]
    return [leaf for leaf in leaves if leaf.validator_value != "null"] or [error]


def violations(schema, openapi, value):
    """What in ``value`` a strict client would refuse, one line each."""
    return sorted({
        f"{'/'.join(map(str, leaf.absolute_path)) or '(body)'}: {leaf.message[:300]}"
        for error in strict(schema, openapi).iter_errors(value)
        for leaf in _leaves(error)
    })
