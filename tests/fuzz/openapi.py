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
