"""Values the database cannot take, put where a request names something before any form
reads it (``common.nul_bytes``): a NUL character (``%00``: PostgreSQL refuses it in any text
it is sent, even in a lookup; SQLite compares it and finds nothing) and a whole number past
64 bits (``2**63``: past PostgreSQL's ``bigint``).

Every URL pattern of the project, from the URL resolver (a new URL is swept the day it is
written), with each part of its path that a caller fills in given such a value (the city
part stays the world's city, so city pages reach their views); then every pattern with a
NUL in the token header, the session cookie and the query string. Never a 500 (CI runs
this on PostgreSQL, where a NUL in a token, the token header or the session cookie was a
``DataError``): a path that names nothing is a 404, JSON under ``/api/``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.test import Client

from tests.fuzz.world import build_fuzz_world
from tests.test_tenancy_matrix import all_url_patterns

NUL = "a\x00b"
HUGE = str(2**63)
# The parts of a pattern a caller fills in: ``<converter:name>``, a named or an unnamed
# regular-expression group.
_PART = re.compile(
    r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)|\([^)]*\)"
)


def hostile_path(pattern, *, city, value, always=False):
    """``pattern`` as a path: the city part is ``city``, a number part ``value`` if it is a
    number (else 1), every other part ``value``; None when the caller chooses no part
    (unless ``always``)."""
    chosen = []

    def fill(match):
        name = match["name"] or match["group"]
        if name == "city":
            return city
        chosen.append(name)
        if match["converter"] == "int":
            return value if value.isdigit() else "1"
        return quote(value, safe="")

    path = _PART.sub(fill, pattern.replace("^", "").replace("$", ""))
    if not chosen and not always:
        return None
    return "/" + path.replace("\\", "")


PATTERNS = sorted(set(all_url_patterns()))


def test_the_sweep_finds_the_patterns_callers_fill_in():
    """Token, id and admin patterns are all there (a regression would make the sweep blind)."""
    paths = {hostile_path(p, city="c", value=NUL) for p in PATTERNS} - {None}
    assert "/invitations/a%00b/" in paths
    assert "/calendar/a%00b.ics" in paths
    assert any(p.startswith("/api/v1/cities/c/sessions/a%00b/") for p in paths)
    assert any(p.startswith("/admin/") and "a%00b" in p for p in paths)
    assert len(paths) > 300


@pytest.mark.parametrize("value", [NUL, HUGE], ids=["nul", "past-64-bits"])
def test_no_path_a_caller_fills_in_is_a_500(value, db):
    """As program staff (who may see everything, the admin included) and as an anonymous
    caller: every pattern with GET, and outside the admin (which sends an anonymous caller
    to its sign-in page before anything else) anonymously and with POST too (an empty
    form)."""
    world = build_fuzz_world()
    staff = Client()
    staff.force_login(world.users["staff"])
    failures = []
    for pattern in PATTERNS:
        path = hostile_path(pattern, city=world.city.slug, value=value)
        if path is None:
            continue
        admin = path.startswith("/admin/")
        for client in (staff,) if admin else (staff, Client()):
            for method in ("get",) if admin else ("get", "post"):
                response = getattr(client, method)(path)
                if response.status_code >= 500:
                    failures.append(f"{method.upper()} {path}: {response.status_code}")
                elif path.startswith("/api/") and response.status_code == 404:
                    assert response["Content-Type"].startswith("application/json"), path
    assert not failures, "\n".join(failures)


# Where else a caller puts a NUL before any form reads it: a header that names who they
# are, a cookie that names their session, a query string.
ELSEWHERE = {
    "token header": {"HTTP_AUTHORIZATION": "Token a\x00b"},
    "session cookie": {"HTTP_COOKIE": "sessionid=abcdefgh\x00ijklmnop"},
    "query string": {"QUERY_STRING": "q=a%00b&page=%00"},
}


@pytest.mark.parametrize("where", ELSEWHERE)
def test_a_nul_in_a_header_cookie_or_query_string_is_never_a_500(where, db):
    """Every pattern outside the admin (and the admin's index), anonymously: a header or a
    query string with a NUL is the site's 400 (JSON under ``/api/``); a session cookie with
    one is no session (the page an anonymous caller gets)."""
    world = build_fuzz_world()
    failures = []
    for pattern in PATTERNS:
        if pattern.startswith("admin/") and pattern != "admin/":
            continue
        path = hostile_path(pattern, city=world.city.slug, value="1", always=True)
        response = Client().get(path, **ELSEWHERE[where])
        if response.status_code >= 500:
            failures.append(f"GET {path}: {response.status_code}")
        elif where == "session cookie":
            assert response.status_code != 400, path
        else:
            assert response.status_code == 400, path
            if path.startswith("/api/"):
                assert response["Content-Type"].startswith("application/json"), path
    assert not failures, "\n".join(failures)
