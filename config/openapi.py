"""The API schema documents its error answers too, so clients (and the fuzzer) can rely on it.

drf-spectacular documents each operation's success; this post-processing hook adds the
errors every operation can answer, in the JSON shape ``config.api.json_exception_handler``
gives them:

- 400 with a list of messages per field, where the operation takes a body or query values;
- 401 and 403 where the caller must be signed in (no token, or not allowed);
- 404 where the path names a row or a city (missing and hidden look the same), or the list
  is paginated (a page past the end);
- 415 where the operation takes a body: one it cannot read as any of its media types;
- 429 everywhere: every view is throttled.
"""

ERROR = {
    "type": "object",
    "description": "What went wrong, in the caller's language.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "Messages per field (``detail`` for the request as a whole).",
    "additionalProperties": {},
}
DESCRIPTIONS = {
    "400": "The input is not valid: messages per field.",
    "401": "No valid credentials.",
    "403": "Signed in, but not allowed to do this.",
    "404": "No such row or city, or one the caller may not see.",
    "415": "The body is not in a media type this operation reads.",
    "429": "Too many requests: try again later.",
}


def _error(code):
    schema = "FieldErrors" if code == "400" else "Error"
    return {
        "description": DESCRIPTIONS[code],
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def error_codes(operation):
    """The error status codes ``operation`` (an OpenAPI operation object) can answer."""
    parameters = operation.get("parameters", [])
    query = [p["name"] for p in parameters if p.get("in") == "query"]
    codes = {"429"}
    if "requestBody" in operation or query:
        codes.add("400")
    if "requestBody" in operation:
        codes.add("415")
    if {} not in operation.get("security", [{}]):
        codes |= {"401", "403"}
    if any(p.get("in") == "path" for p in parameters) or "page" in query:
        codes.add("404")
    return codes


def document_errors(result, generator, request, public):
    """POSTPROCESSING_HOOKS entry: add the error answers to every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("FieldErrors", FIELD_ERRORS)
    for item in result.get("paths", {}).values():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for code in sorted(error_codes(operation)):
                responses.setdefault(code, _error(code))
    return result
