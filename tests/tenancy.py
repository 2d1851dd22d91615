"""The cross-tenant matrix: every URL × every role × own city / other city / anonymous.

A *world* has two enrolled cities, A and B, each with a mayor, a team member and a coach,
plus program staff and a signed-in outsider. Every URL pattern of the project is described
by one or more :class:`Case` in a ``matrix.py`` module under ``tests/`` (one per app). Each
case builds its URL for city A and says what each role must get. Roles ending in ``_b``
belong to city B, so for them A is *another city* and the answer must be 404.

``tests/test_tenancy_matrix.py`` runs every case and fails when a URL pattern exists that
no case covers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.test import Client
from django_scopes import scopes_disabled
from rest_framework.authtoken.models import Token

from accounts.models import Role
from tests import factories

ROLES = (
    "anonymous", "outsider", "member_a", "mayor_a", "coach_a", "member_b", "coach_b", "staff",
    "reviewer", "other_reviewer",
)
# Outside reviewers (two-factor set up, no city, no staff access): ``reviewer`` is assigned
# the world's application under review (``tests/reviews/matrix.py``), ``other_reviewer`` is
# not. Everywhere else they are outsiders: a case that names no expectation for them
# expects what it expects for the outsider. (Where the outsider is the applicant, an
# application's owner, the case names the reviewers' 404 itself.)
REVIEWER_ROLES = ("reviewer", "other_reviewer")
BASE_ROLES = tuple(role for role in ROLES if role not in REVIEWER_ROLES)
LOGIN = "login"  # expected: redirected to the sign-in page


def build_world():
    """Two enrolled cities with people in every role."""
    with scopes_disabled():
        cohort = factories.CohortFactory()
        city_a = factories.CityFactory(name="Alphaville", slug="alphaville")
        city_b = factories.CityFactory(name="Betatown", slug="betatown")
        enrollment_a = factories.EnrollmentFactory(city=city_a, cohort=cohort)
        enrollment_b = factories.EnrollmentFactory(city=city_b, cohort=cohort)
        users = {
            "outsider": factories.UserFactory(email="outsider@example.test"),
            "member_a": factories.MembershipFactory(city=city_a, role=Role.CDO).user,
            "mayor_a": factories.MembershipFactory(city=city_a, role=Role.MAYOR).user,
            "member_b": factories.MembershipFactory(city=city_b, role=Role.CDO).user,
            "coach_a": factories.CoachAssignmentFactory(enrollment=enrollment_a).coach,
            "coach_b": factories.CoachAssignmentFactory(enrollment=enrollment_b).coach,
            "staff": factories.UserFactory(
                email="staff@example.test", is_staff=True, is_superuser=True
            ),
            "reviewer": factories.ReviewerFactory(email="reviewer@example.test").user,
            "other_reviewer": factories.ReviewerFactory(email="other@example.test").user,
        }
    return SimpleNamespace(
        cohort=cohort, city=city_a, other_city=city_b, enrollment=enrollment_a,
        other_enrollment=enrollment_b, users=users, extra={},
    )


def expect_city_page(ok=200, **overrides):
    """A portal page of city A: its people, its coach and staff may open it."""
    expected = {
        "anonymous": LOGIN, "outsider": 404, "member_a": ok, "mayor_a": ok, "coach_a": ok,
        "member_b": 404, "coach_b": 404, "staff": ok,
    }
    return expected | overrides


def expect_city_api(ok=200, **overrides):
    """An API path under city A: like a page, but anonymous callers get 401."""
    return expect_city_page(ok, anonymous=401) | overrides


def expect_everyone(ok=200, **overrides):
    return dict.fromkeys(BASE_ROLES, ok) | overrides


def expect_signed_in(ok=200, **overrides):
    return dict.fromkeys(BASE_ROLES, ok) | {"anonymous": LOGIN} | overrides


@dataclass
class Case:
    """One request of the matrix.

    ``pattern`` is the URL pattern as Django's resolver spells it (see
    ``all_url_patterns``); ``url`` builds the path from the world; ``expect`` maps each
    role to a status code or :data:`LOGIN`. ``covers_prefix`` marks a third-party include
    (the admin, allauth) whose every pattern shares the guard this case checks.
    """

    pattern: str
    url: Callable
    expect: dict
    method: str = "get"
    data: Callable | dict | None = None
    api: bool = False
    multipart: bool = False  # an API upload: the data is sent as multipart/form-data
    covers_prefix: bool = False
    setup: Callable | None = None
    name: str = field(default="")

    def __post_init__(self):
        for role in REVIEWER_ROLES:
            self.expect.setdefault(role, self.expect.get("outsider"))
        missing = set(ROLES) - set(self.expect)
        if missing:
            raise ValueError(f"{self.pattern}: no expectation for {sorted(missing)}")
        self.name = self.name or f"{self.method.upper()} {self.pattern}"


def client_for(world, role, *, api=False):
    client = Client()
    if role == "anonymous":
        return client
    user = world.users[role]
    if api:
        token, _ = Token.objects.get_or_create(user=user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    else:
        client.force_login(user)
    return client


def run_case(world, case, role):
    """Request ``case`` as ``role`` and return (expected, got) for the assertion message."""
    if case.setup:
        with scopes_disabled():
            case.setup(world)
    client = client_for(world, role, api=case.api)
    url = case.url(world)
    data = case.data(world) if callable(case.data) else case.data
    json_body = case.api and data is not None and not case.multipart
    kwargs = {"content_type": "application/json"} if json_body else {}
    response = getattr(client, case.method)(url, data or {}, **kwargs)
    expected = case.expect[role]
    if expected == LOGIN:
        got = LOGIN if response.status_code == 302 and "/login/" in response["Location"] else (
            response.status_code
        )
    else:
        got = response.status_code
    return expected, got, response
