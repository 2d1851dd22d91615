"""Every operation that reads a body refuses one it cannot read with a documented 415 (a
form-encoded or plain-text body for a JSON operation, JSON for an upload), never a 500 or
a success, and changes nothing; its errors come in the caller's language (Accept-Language):
the 415, and the field messages of an empty body where the request component requires
fields.

The operations are the schema's, each called as a role the tenancy matrix says may call it
(``tests/api/test_every_operation.py``), so a new endpoint joins by itself.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.utils import translation
from django_scopes import scopes_disabled
from rest_framework import exceptions, serializers
from rest_framework.authtoken.models import Token

from common.request_limits import too_large_message
from tests.api.test_every_operation import OPERATIONS, cases_of, first_success
from tests.fuzz.openapi import generated_schema
from tests.fuzz.world import row_counts
from tests.tenancy import build_world

LANGUAGES = ("en", "es", "pt-br")
WITH_BODY = sorted(op for op, (_p, _m, operation) in OPERATIONS.items()
                   if "requestBody" in operation)


def request_component(operation):
    content = operation["requestBody"]["content"]
    media = next(iter(content))
    schema = content[media]["schema"]
    name = schema["$ref"].rsplit("/", 1)[-1]
    return media, generated_schema()["components"]["schemas"][name]


def prepared(world, operation_id):
    """(client, url) for the operation as the first role the matrix lets call it."""
    path, method, _operation = OPERATIONS[operation_id]
    case, role = first_success(cases_of(path, method))
    assert case, f"{operation_id}: no role of the matrix may call it"
    with scopes_disabled():
        if case.setup:
            case.setup(world)
        url = case.url(world)
        client = Client()
        if role != "anonymous":
            token, _ = Token.objects.get_or_create(user=world.users[role])
            client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client, method, url


def in_language(language, message):
    """``message()`` (a callable, so that it is built in that language) in ``language``."""
    with translation.override(language):
        return str(message())


@pytest.fixture
def world(db):
    return build_world()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("operation_id", WITH_BODY)
def test_a_body_in_another_media_type_is_a_documented_415(operation_id, language, world):
    client, method, url = prepared(world, operation_id)
    operation = OPERATIONS[operation_id][2]
    media, _component = request_component(operation)
    sent = (["application/x-www-form-urlencoded", "text/plain"] if media == "application/json"
            else ["application/json"])
    with scopes_disabled():
        before = row_counts()
    for content_type in sent:
        response = getattr(client, method)(url, "note=x", content_type=content_type,
                                           HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 415, (
            f"{operation_id} with {content_type}: {response.status_code} "
            f"{response.content[:300]!r}")
        assert "415" in operation["responses"]
        expected = in_language(
            language, lambda: exceptions.UnsupportedMediaType(content_type).detail)
        assert response.json() == {"detail": expected}
    with scopes_disabled():
        assert row_counts() == before, f"{operation_id} changed rows with a body it cannot read"


REQUIRING = sorted(op for op in WITH_BODY
                   if request_component(OPERATIONS[op][2])[1].get("required")
                   and request_component(OPERATIONS[op][2])[0] == "application/json")


@pytest.mark.parametrize("language", ("es", "pt-br"))
@pytest.mark.parametrize("operation_id", REQUIRING)
def test_an_empty_body_names_each_required_field_in_the_callers_language(
        operation_id, language, world):
    """Each required field the answer names has DRF's "required" message in the caller's
    language, or the operation's own message, then not the English one."""
    client, method, url = prepared(world, operation_id)
    _media, component = request_component(OPERATIONS[operation_id][2])
    answers = {}
    for asked in ("en", language):
        response = getattr(client, method)(url, json.dumps({}),
                                           content_type="application/json",
                                           HTTP_ACCEPT_LANGUAGE=asked)
        assert response.status_code == 400, (operation_id, response.status_code,
                                             response.content)
        answers[asked] = response.json()
    errors = answers[language]
    required = in_language(
        language, lambda: serializers.Field.default_error_messages["required"])
    named = [field for field in component["required"] if field in errors]
    assert named, f"{operation_id}: no message for {component['required']}: {errors}"
    for field in named:
        assert errors[field] == [required] or errors[field] != answers["en"][field], (
            operation_id, field, errors[field])


JSON_BODIES = sorted(op for op in WITH_BODY
                     if request_component(OPERATIONS[op][2])[0] == "application/json")


@pytest.mark.parametrize("operation_id", JSON_BODIES)
def test_a_body_over_the_limit_is_a_documented_413_in_the_callers_language(
        operation_id, world, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    client, method, url = prepared(world, operation_id)
    body = json.dumps({"note": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE})
    response = getattr(client, method)(url, body, content_type="application/json",
                                       HTTP_ACCEPT_LANGUAGE="pt-br")
    assert response.status_code == 413, (operation_id, response.status_code)
    assert "413" in OPERATIONS[operation_id][2]["responses"]
    assert response.json() == {"detail": in_language("pt-br", too_large_message)}



ALL_OPERATIONS = sorted(OPERATIONS)


@pytest.mark.parametrize("operation_id", ALL_OPERATIONS)
def test_an_accept_header_it_cannot_answer_is_a_documented_406(operation_id, world):
    """A client that asks for XML (or anything the operation does not write) is told so
    with a documented 406 in JSON, in its language, and nothing changes."""
    client, method, url = prepared(world, operation_id)
    operation = OPERATIONS[operation_id][2]
    with scopes_disabled():
        before = row_counts()
    response = getattr(client, method)(url, HTTP_ACCEPT="application/xml",
                                       HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 406, (operation_id, response.status_code,
                                         response.content[:300])
    assert "406" in operation["responses"], f"{operation_id}: 406 is not documented"
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": in_language("es", lambda: exceptions.NotAcceptable(
        ).detail)}
    with scopes_disabled():
        assert row_counts() == before, f"{operation_id} changed rows for a refused request"
