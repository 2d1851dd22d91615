"""The schema a client is generated from says everything an operation reads and answers.

Bodies are JSON (multipart only where a file is uploaded); every answer has a typed schema
(no field-less object); every 4xx answer is the documented error shape; every write
documents 400, since a domain rule can refuse it even without a body.
"""

from tests.fuzz.openapi import generated_schema

METHODS = ("get", "post", "put", "patch", "delete")
ERRORS = {"#/components/schemas/Error", "#/components/schemas/FieldErrors",
          "#/components/schemas/Conflict"}


def operations():
    for path, item in generated_schema()["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield f"{method.upper()} {path}", method, operation


def resolve(schema):
    while "$ref" in schema:
        schema = generated_schema()["components"]["schemas"][schema["$ref"].split("/")[-1]]
    return schema


def has_file(schema):
    return any(resolve(field).get("format") == "binary"
               for field in resolve(schema).get("properties", {}).values())


def test_bodies_are_json_and_multipart_only_for_uploads():
    wrong = []
    for label, _method, operation in operations():
        content = operation.get("requestBody", {}).get("content", {})
        if not content:
            continue
        schema = next(iter(content.values()))["schema"]
        expected = ["multipart/form-data"] if has_file(schema) else ["application/json"]
        if list(content) != expected:
            wrong.append(f"{label}: {list(content)}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_every_answer_is_typed():
    untyped = []
    for label, _method, operation in operations():
        for code, response in operation["responses"].items():
            for media, body in response.get("content", {}).items():
                schema = resolve(body.get("schema", {}))
                if media == "application/pdf" and schema.get("format") == "binary":
                    continue
                if schema.get("type") == "object" and not schema.get("properties") and not (
                    schema.get("additionalProperties")
                ) or not schema:
                    untyped.append(f"{label} {code} {media}: {body.get('schema')}")
    assert not untyped, "Answers without fields:\n" + "\n".join(untyped)


def test_every_4xx_is_the_documented_error_and_every_write_documents_400():
    wrong = []
    for label, method, operation in operations():
        responses = operation["responses"]
        if method != "get" and "400" not in responses:
            wrong.append(f"{label}: no 400")
        for code, response in responses.items():
            if code.startswith("4"):
                ref = response.get("content", {}).get("application/json", {}).get(
                    "schema", {}).get("$ref")
                if ref not in ERRORS:
                    wrong.append(f"{label} {code}: {ref}")
    assert not wrong, "\n".join(wrong)


def test_the_error_shapes_name_detail_and_fields():
    schemas = generated_schema()["components"]["schemas"]
    assert schemas["Error"]["required"] == ["detail"]
    assert set(schemas["FieldErrors"]["properties"]) == {"detail", "non_field_errors"}
    assert schemas["FieldErrors"]["additionalProperties"] == {}


def test_refusing_to_submit_an_ineligible_draft_is_a_documented_400(client, db):
    from tests import factories

    application = factories.ApplicationFactory(population=10)
    client.force_login(application.applicant)
    response = client.post(f"/api/v1/applications/{application.pk}/submit/")
    assert response.status_code == 400, response.content
    assert "population" in response.json()
    operation = generated_schema()["paths"]["/api/v1/applications/{id}/submit/"]["post"]
    assert "400" in operation["responses"]


def _nullables_without_type(node, where="#"):
    """Every place in ``node`` where ``nullable`` stands without a ``type`` beside it."""
    if isinstance(node, dict):
        if node.get("nullable") and "type" not in node:
            yield where
        for key, value in node.items():
            yield from _nullables_without_type(value, f"{where}/{key}")
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _nullables_without_type(value, f"{where}/{n}")


def test_every_nullable_schema_names_its_type():
    """OpenAPI 3.0 allows ``nullable`` only beside ``type`` (Redocly's nullable-type-sibling
    rule, which CI lints with): a client generator cannot tell what else the value may be."""
    assert list(_nullables_without_type(generated_schema())) == []
