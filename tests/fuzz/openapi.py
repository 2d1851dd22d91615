"""The API's OpenAPI schema as drf-spectacular generates it, and its operations."""

from __future__ import annotations

import functools

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@functools.cache
def generated_schema():
    """The schema ``/api/schema/`` serves, generated without a request (no database)."""
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def schema_operations():
    """Every (path, method) of the schema, e.g. ("/api/v1/cities/{city}/", "get")."""
    return [
        (path, method)
        for path, item in generated_schema()["paths"].items()
        for method in item
        if method in HTTP_METHODS
    ]


def _resolve(schema):
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = generated_schema()["components"]["schemas"][name]
    return schema


def request_properties(path, method):
    """The names of the JSON body's properties the schema documents for an operation
    (empty when the body is a free-form object or there is none)."""
    operation = generated_schema()["paths"][path][method]
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    return sorted(_resolve(schema).get("properties", {})) if schema else []


def takes_a_body(path, method):
    return "requestBody" in generated_schema()["paths"][path][method]


def query_parameters(path, method):
    """The names of an operation's documented query parameters (``page``, ``kind`` …)."""
    operation = generated_schema()["paths"][path][method]
    return [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
