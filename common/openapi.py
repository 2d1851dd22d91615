"""The API schema documents its error answers too, so clients (and the fuzzer) can rely on it.

drf-spectacular documents each operation's success; this post-processing hook adds the
errors every operation can answer, in the JSON shape ``common.api.json_exception_handler``
gives them:

- 400 with a list of messages per field, where the operation takes a body or query values,
  or writes (a domain rule can refuse a write that takes no body: submitting an ineligible
  application);
- 401 wherever credentials are read (none where they are needed, or forged ones anywhere);
- 403 where the caller must be signed in (not allowed), and on writes a browser may sign
  with its session cookie (without the CSRF token);
- 404 where the path names a row or a city (missing and hidden look the same), or the list
  is paginated (a page past the end);
- 406 everywhere: an ``Accept`` header naming no media type the operation writes (XML);
- 413 and 415 where the operation takes a body: one over the size limit, or one it cannot
  read as any of its media types;
- 429 everywhere: every view is throttled.
"""

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.extensions import OpenApiSerializerFieldExtension

ERROR = {
    "type": "object",
    "description": "What went wrong, in the caller's language.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": (
        "Messages per field: each field of the body maps to a list of messages (a list of"
        " items maps to one such object per item); ``detail`` and ``non_field_errors`` hold"
        " what concerns the request as a whole."
    ),
    "properties": {
        "detail": {
            "description": "The request as a whole: a message, or a list of them.",
            "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
        },
        "non_field_errors": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": {},
}
DESCRIPTIONS = {
    "400": "The input is not valid: messages per field.",
    "401": "No valid credentials.",
    "403": "Signed in, but not allowed to do this.",
    "404": "No such row or city, or one the caller may not see.",
    "406": "The Accept header names no media type this operation answers in.",
    "413": "The body is larger than the site accepts.",
    "415": "The body is not in a media type this operation reads.",
    "429": "Too many requests: try again later.",
}


def _error(code):
    schema = "FieldErrors" if code == "400" else "Error"
    return {
        "description": DESCRIPTIONS[code],
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def error_codes(operation, method="get"):
    """The error status codes ``operation`` (an OpenAPI operation object, called with
    ``method``) can answer."""
    parameters = operation.get("parameters", [])
    query = [p["name"] for p in parameters if p.get("in") == "query"]
    codes = {"406", "429"}
    if "requestBody" in operation or query or method != "get":
        codes.add("400")
    if "requestBody" in operation:
        codes |= {"413", "415"}
    security = operation.get("security", [{}])
    if any(security):  # credentials are read: forged or expired ones are refused
        codes.add("401")
    if {} not in security or (method != "get" and any("cookieAuth" in s for s in security)):
        codes.add("403")  # not allowed, or a signed-in browser's write without its CSRF token
    if any(p.get("in") == "path" for p in parameters) or "page" in query:
        codes.add("404")
    return codes


VERBS = {"list": "List", "retrieve": "Read one of", "create": "Create", "update": "Replace",
         "partial_update": "Change", "destroy": "Delete"}


def summary_of(path, operation):
    """A short title for an operation that declares none (linters and generated clients
    want one): ``GET /api/v1/cities/{city}/sessions/`` (``…_list``) → "List cities:
    sessions"."""
    words = [part for part in path.strip("/").split("/")
             if part not in ("api", "v1") and not part.startswith("{")]
    operation_id = operation.get("operationId", "")
    verb = next((VERBS[suffix] for suffix in sorted(VERBS, key=len, reverse=True)
                 if operation_id.endswith("_" + suffix)), "")
    if verb == "Create" and path.rstrip("/").split("/")[-2] not in ("{city}",) and (
            path.rstrip("/").split("/")[-2].startswith("{")):
        verb = "Do"  # an action on one row: POST …/{id}/submit/
    return f"{verb} {': '.join(words)}".strip().capitalize() if verb else ": ".join(words)


def document_errors(result, generator, request, public):
    """POSTPROCESSING_HOOKS entry: add the error answers (and a summary, where none is
    declared) to every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("FieldErrors", FIELD_ERRORS)
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            operation.setdefault("summary", summary_of(path, operation))
            responses = operation.setdefault("responses", {})
            for code in sorted(error_codes(operation, method)):
                responses.setdefault(code, _error(code))
    return result


def _typed_nullables(node):
    """Give every ``nullable`` schema that names no ``type`` the type ``object``: OpenAPI
    3.0 allows ``nullable`` only beside a type, and drf-spectacular writes a nullable nested
    serializer as ``{allOf: [$ref], nullable: true}`` (an object, or null)."""
    if isinstance(node, dict):
        if node.get("nullable") and "type" not in node and any(
                key in node for key in ("allOf", "$ref", "properties")):
            node["type"] = "object"
        for value in node.values():
            _typed_nullables(value)
    elif isinstance(node, list):
        for value in node:
            _typed_nullables(value)


def type_nullables(result, generator, request, public):
    """Post-processing hook: see :func:`_typed_nullables`."""
    _typed_nullables(result)
    return result


def _crosses_null(field):
    """Whether a related field's source (``coach``, ``owner``, ``module.title``…) passes
    through a model field that may be null (then the answer may be ``null``)."""
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or field.source == "*":
        return False
    for attribute in field.source_attrs:
        try:
            model_field = model._meta.get_field(attribute)
        except FieldDoesNotExist:
            return False
        if getattr(model_field, "null", False):
            return True
        model = model_field.related_model
        if model is None:
            return False
    return False


class NullableRelatedField(OpenApiSerializerFieldExtension):
    """A read-only related field (``StringRelatedField()`` of a coach, a reviewer) answers
    ``null`` when the row it names may be missing: the schema says so (DRF gives the field
    ``allow_null`` itself only when a ModelSerializer builds it), so that generated clients
    type it as optional instead of failing on the ``null``."""

    target_class = "rest_framework.relations.RelatedField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction,
                                                   bypass_extensions=True)
        if self.target.read_only and _crosses_null(self.target):
            schema = {**schema, "nullable": True}
        return schema
