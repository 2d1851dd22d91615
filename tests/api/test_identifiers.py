"""Every resource is addressed by the identifier its list returns.

Walks the schema: for every path parameter (``/api/v1/cohorts/{slug}/health/``,
``/api/v1/cities/{city}/sessions/{id}/rsvp/``…), the segment before it names a collection
whose list the schema has; as staff, the list's first row carries a field of that name
(``{city}`` is the ``slug`` of the cities list) whose value, put in the path, reaches the
row: GET answers 200 (or 202), and every other operation under it does not answer 404.
"""

import re

import pytest
from django_scopes import scopes_disabled

from tests.fuzz.openapi import generated_schema
from tests.fuzz.world import build_fuzz_world
from tests.showcases.matrix import make_showcase
from tests.tenancy import client_for

PARAMETER = re.compile(r"\{(\w+)\}")
FIELD = {"city": "slug"}  # /cities/{city}/ is the cities list's slug


def parameter_paths():
    return sorted(path for path in generated_schema()["paths"] if PARAMETER.search(path))


def schema_type(path, name):
    for operation in generated_schema()["paths"][path].values():
        for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
            if parameter["in"] == "path" and parameter["name"] == name:
                return parameter["schema"]["type"]
    raise AssertionError(f"{path}: no path parameter {name}")


def rows_of(client, list_path):
    response = client.get(list_path)
    assert response.status_code == 200, (list_path, response.status_code)
    body = response.json()
    return body["results"] if isinstance(body, dict) else body


@pytest.fixture
def world(db):
    """The fuzz world (a row of every kind in both cities) with a published showcase."""
    world = build_fuzz_world()
    with scopes_disabled():
        make_showcase(world, "accepted", published=True)
    return world


def test_every_path_parameter_is_a_field_its_list_returns(world):
    client = client_for(world, "staff", api=True)
    paths = generated_schema()["paths"]
    problems = []
    for path in parameter_paths():
        filled = path
        for match in PARAMETER.finditer(path):
            name = match.group(1)
            field = FIELD.get(name, name)
            list_path = path[:match.start()]
            if "get" not in paths.get(list_path, {}):
                problems.append(f"{path}: {{{name}}} but no list at {list_path}")
                break
            rows = rows_of(client, filled[:filled.index("{")])
            if not rows:
                problems.append(f"{path}: the world has no row at {list_path}")
                break
            if field not in rows[0]:
                problems.append(f"{path}: {{{name}}} but {list_path} rows have no {field!r} "
                                f"(they have {sorted(rows[0])})")
                break
            value = rows[0][field]
            expected = {str: "string", int: "integer"}[type(value)]
            if schema_type(path, name) != expected:
                problems.append(f"{path}: {{{name}}} is a {schema_type(path, name)} in the "
                                f"schema, {list_path} gives a {expected}")
            filled = filled.replace(match.group(0), str(value), 1)
        else:
            for method in paths[path]:
                if method not in ("get", "post", "put", "patch", "delete"):
                    continue
                body = {"content_type": "application/json"} if method != "get" else {}
                response = getattr(client, method)(filled, {} if body else None, **body)
                if method == "get" and response.status_code not in (200, 202):
                    problems.append(f"GET {filled} ({path}): {response.status_code}")
                elif response.status_code == 404:
                    problems.append(f"{method.upper()} {filled} ({path}): 404")
    assert not problems, "\n".join(problems)
