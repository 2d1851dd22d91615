"""What generated clients (Python, TypeScript) assume of the schema, for every operation.

- a request component asks for no read-only field (the client would demand a value the
  server ignores) and a response component does not hide a required field as write-only;
- every paginated list (one that takes ``page``) answers the same page: ``count``,
  ``next``, ``previous`` (links or null) and ``results``; a list that is not paginated (a
  cohort's few questions) answers a plain array, never a page-like object.

(That an enum lists every value the API returns, and ``null`` only where nullable, is
checked on real answers by ``tests/api/test_every_operation.py``.)
"""

from tests.fuzz.openapi import generated_schema

METHODS = ("get", "post", "put", "patch", "delete")


def schemas():
    return generated_schema()["components"]["schemas"]


def resolve(schema):
    while "$ref" in schema:
        schema = schemas()[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def operations():
    for path, item in generated_schema()["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", operation


def request_components():
    for label, operation in operations():
        for media, body in operation.get("requestBody", {}).get("content", {}).items():
            yield f"{label} ({media})", resolve(body["schema"])


def test_no_request_asks_for_a_read_only_field():
    wrong = []
    for label, component in request_components():
        for name, field in component.get("properties", {}).items():
            if field.get("readOnly") or resolve(field).get("readOnly"):
                required = name in component.get("required", [])
                wrong.append(f"{label}: {name} is read-only" + (" and required" * required))
    assert not wrong, "\n".join(wrong)


def test_every_list_answers_the_same_page():
    wrong = []
    for label, operation in operations():
        if not operation["operationId"].endswith("_list"):
            continue
        page = resolve(operation["responses"]["200"]["content"]["application/json"]["schema"])
        paginated = any(p["name"] == "page" for p in operation.get("parameters", []))
        if not paginated:
            if page.get("type") != "array":
                wrong.append(f"{label}: not paginated, yet not an array: {page}")
            continue
        properties = page.get("properties", {})
        shape = {
            "count": properties.get("count", {}).get("type"),
            "next": (properties.get("next", {}).get("type"),
                     properties.get("next", {}).get("nullable")),
            "previous": (properties.get("previous", {}).get("type"),
                         properties.get("previous", {}).get("nullable")),
            "results": properties.get("results", {}).get("type"),
        }
        expected = {"count": "integer", "next": ("string", True),
                    "previous": ("string", True), "results": "array"}
        if shape != expected or not {"count", "results"} <= set(page.get("required", [])):
            wrong.append(f"{label}: {shape}, required {page.get('required')}")
    assert not wrong, "\n".join(wrong)
