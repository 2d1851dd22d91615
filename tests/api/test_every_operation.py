"""Every operation of the schema, called through a client generated from it, as every role.

``openapi-python-client`` generates a client from the schema (once per run); each operation
(by its ``operationId``, so a new endpoint joins by itself) is called through the generated
function with the request its tenancy-matrix case describes (``tests/**/matrix.py``, the
cases with ``api=True``): the body is built as the request component's generated model
(``from_dict`` of the case's data, so a body the API accepts is one the schema accepts),
and sent as the client sends it, into the app (WSGI, inside the test's transaction).

First as a role the matrix says may call it (the answer is that success, 2xx), then as
every other role: each answer's status is one the schema documents for the operation (the
client raises on any other), the client parses it into the documented model, and the body
is what a strict client accepts (``tests/api/strict_schema.py``: no field the schema does
not name, ``null`` only where nullable, enum values listed, dates that parse).
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
import shutil
import subprocess
import sys
import traceback
from enum import Enum
from io import BytesIO
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django_scopes import scopes_disabled
from drf_spectacular.renderers import OpenApiJsonRenderer
from rest_framework.authtoken.models import Token

from tests.api.strict_schema import violations
from tests.fuzz.openapi import HTTP_METHODS, generated_schema
from tests.fuzz.test_api_methods_in_matrix import api_cases, pattern_key, schema_key
from tests.tenancy import LOGIN, ROLES, build_world

CONFIG = Path(__file__).with_name("openapi-python-client.yaml")
PACKAGE = "civic_api_client"
# Who is asked first for the success an operation promises: the city's own people, then
# those who look after it, then everyone else.
FORGED = "forged"  # an attacker's made-up token
PREFERRED = ("member_a", "mayor_a", "coach_a", "staff", "reviewer", "outsider", "anonymous")


def operations():
    """{operationId: (path, method, operation)} of the schema."""
    return {
        operation["operationId"]: (path, method, operation)
        for path, item in generated_schema()["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }


OPERATIONS = operations()


@pytest.fixture(scope="session")
def client_package(tmp_path_factory):
    """The generated client's package, importable for the session."""
    folder = tmp_path_factory.mktemp("generated")
    schema = folder / "schema.json"
    schema.write_bytes(OpenApiJsonRenderer().render(generated_schema()))
    generator = shutil.which("openapi-python-client", path=str(Path(sys.executable).parent))
    result = subprocess.run(
        [generator, "generate", "--path", str(schema), "--output-path",
         str(folder / PACKAGE), "--config", str(CONFIG), "--meta", "none"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(folder))
    yield importlib.import_module(PACKAGE)
    sys.path.remove(str(folder))
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]


@pytest.fixture
def wsgi_in_test_transaction():
    """The WSGI app closes 'old' connections at each request's start and end, which would
    close the test's transaction; the Django test client disconnects the same handlers."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def cases_of(path, method):
    return [case for case in api_cases()
            if (pattern_key(case.pattern), case.method.lower()) == (schema_key(path), method)]


def succeeds(expected):
    return expected != LOGIN and 200 <= expected < 300


def first_success(cases):
    """(case, role) of the first case a preferred role may call with success."""
    for case in cases:
        for role in PREFERRED:
            if succeeds(case.expect[role]):
                return case, role
    return None, None


def client_for(package, world, role):
    """A generated client for ``role`` whose requests go straight into the app (WSGI)."""
    transport = httpx.WSGITransport(app=get_wsgi_application())
    headers = {}
    if role == FORGED:
        headers["Authorization"] = "Token forged0000000000000000000000000000000"
    elif role != "anonymous":
        with scopes_disabled():
            token, _ = Token.objects.get_or_create(user=world.users[role])
        headers["Authorization"] = f"Token {token.key}"
    client = package.client.Client(base_url="http://testserver",
                                   raise_on_unexpected_status=True)
    client.set_httpx_client(httpx.Client(base_url="http://testserver", transport=transport,
                                         headers=headers))
    return client


def arguments(function, path, url, body):
    """The generated function's keyword arguments for the case's URL and body."""
    parts = urlsplit(url)
    template = re.escape(path).replace(r"\{", "{").replace(r"\}", "}")
    pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
    match = re.fullmatch(pattern, parts.path)
    assert match, f"{url} is not {path}"
    parameters = inspect.signature(function).parameters
    kwargs = {}
    for name, value in [*match.groupdict().items(), *parse_qsl(parts.query)]:
        kinds = getattr(parameters[name].annotation, "__args__", (parameters[name].annotation,))
        kind = next((k for k in kinds if isinstance(k, type) and issubclass(k, (Enum, int))),
                    str)
        kwargs[name] = kind(value)
    if "body" in parameters:
        kwargs["body"] = body_model(parameters["body"].annotation, body)
    return kwargs


def body_model(annotation, data):
    """The request component's generated model, built from the case's data (files become
    the client's ``File``)."""
    model = next(kind for kind in getattr(annotation, "__args__", (annotation,))
                 if hasattr(kind, "from_dict"))
    data = dict(data or {})
    files = {key: data.pop(key) for key in list(data) if isinstance(data[key], SimpleUploadedFile)}
    built = model.from_dict(data)
    if files:
        file_class = importlib.import_module(f"{PACKAGE}.types").File
        for key, upload in files.items():
            upload.seek(0)
            setattr(built, key, file_class(payload=BytesIO(upload.read()),
                                           file_name=upload.name,
                                           mime_type=upload.content_type))
    assert not getattr(built, "additional_properties", {}), (
        f"{model.__name__} does not name {sorted(built.additional_properties)}, which the "
        "matrix's request sends")
    return built


def call(package, world, case, role, operation_id):
    """Call the operation as ``role`` through the generated client; the problems found."""
    path, method, operation = OPERATIONS[operation_id]
    module = importlib.import_module(f"{PACKAGE}.api.v1.{operation_id}")
    with scopes_disabled():
        url = case.url(world)
        data = case.data(world) if callable(case.data) else case.data
    kwargs = arguments(module._get_kwargs, path, url, data)
    try:
        answer = module.sync_detailed(client=client_for(package, world, role), **kwargs)
    except package.errors.UnexpectedStatus as error:
        return error.status_code, [f"status {error.status_code} is not documented: "
                                   f"{error.content[:300]!r}"]
    except Exception as error:  # noqa: BLE001 - a parse failure is the finding
        return None, [f"the client fails: {type(error).__name__}: {error}\n"
                      + traceback.format_exc(limit=-2)]
    status = str(int(answer.status_code))
    content = operation["responses"][status].get("content", {})
    problems = []
    if "application/json" in content:
        problems += violations(content["application/json"]["schema"], generated_schema(),
                               json.loads(answer.content))
    return int(status), problems


@pytest.fixture
def world(db, wsgi_in_test_transaction):
    return build_world()


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_through_the_generated_client(operation_id, client_package, world):
    path, method, _operation = OPERATIONS[operation_id]
    cases = cases_of(path, method)
    assert cases, f"{method.upper()} {path} has no case in the tenancy matrix"
    case, role = first_success(cases)
    assert case, f"{method.upper()} {path}: no role of the matrix may call it"
    if case.setup:
        with scopes_disabled():
            case.setup(world)
    status, problems = call(client_package, world, case, role, operation_id)
    assert status == case.expect[role] and not problems, (
        f"{operation_id} as {role}: expected {case.expect[role]}, got {status}\n"
        + "\n".join(problems))
    found = []
    for other in (*ROLES, FORGED):
        if other != role:
            status, problems = call(client_package, world, case, other, operation_id)
            found += [f"as {other} ({status}): {problem}" for problem in problems]
    assert not found, f"{operation_id}:\n" + "\n".join(found)


def test_every_operation_has_a_generated_function(client_package):
    generated = {p.stem for p in (Path(client_package.__file__).parent / "api" / "v1").glob(
        "v1_*.py")}
    assert generated == set(OPERATIONS)
