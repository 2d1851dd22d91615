"""Inputs that used to end in 500, each now a 4xx (or the page with a message) that changes
nothing: JSON nested 10,000 deep, ``1e999`` and ``NaN``, an 11 MB body, months out of range,
ids like ``'²'``, and dates in year 1 or 9999 (which overflow when converted between zones).

The property-based sweep over every page and endpoint is ``test_extreme_values.py``.
"""

import json

import pytest
from django.test import Client
from django_scopes import scopes_disabled
from rest_framework.authtoken.models import Token

from common.inputs import MAX_YEAR, MIN_YEAR
from tests.architecture.graph import CONTRACTS
from tests.fuzz.world import build_fuzz_world, row_counts

DEEP_ARRAY = "[" * 10_000 + "]" * 10_000
DEEP_OBJECT = '{"section": ' * 40 + "1" + "}" * 40  # parses, but deeper than allowed
ELEVEN_MB = 11 * 1024 * 1024
YEARS = f"between the years {MIN_YEAR} and {MAX_YEAR}"


@pytest.fixture
def world(db):
    world = build_fuzz_world()
    for user in world.users.values():  # before any "nothing changed" snapshot
        Token.objects.get_or_create(user=user)
    return world


def _portal(world, role):
    client = Client()
    client.force_login(world.users[role])
    return client


def _api(world, role):
    if role == "anonymous":
        return Client()
    token, _created = Token.objects.get_or_create(user=world.users[role])
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


# (name, how to send a JSON body) for every endpoint that reads JSON.
JSON_ENDPOINTS = {
    "eligibility": lambda w, body: _api(w, "anonymous").post(
        "/api/v1/eligibility/", body, content_type="application/json"),
    "strategy PATCH": lambda w, body: _api(w, "member_a").patch(
        f"/api/v1/cities/{w.city.slug}/strategy/", body, content_type="application/json"),
    "check-in POST": lambda w, body: _api(w, "coach_a").post(
        f"/api/v1/cities/{w.city.slug}/checkins/", body, content_type="application/json"),
    "strategy autosave": lambda w, body: _portal(w, "member_a").post(
        f"/c/{w.city.slug}/strategy/autosave/", body, content_type="application/json"),
}


@pytest.mark.parametrize("endpoint", JSON_ENDPOINTS)
@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["10000 deep", "40 deep"])
def test_deeply_nested_json_is_refused_with_a_message(world, endpoint, body):
    before = row_counts()
    response = JSON_ENDPOINTS[endpoint](world, body)
    assert response.status_code == 400, response.content[:300]
    assert "nested too deeply" in response.json()["detail"]
    assert row_counts() == before


@pytest.mark.parametrize("endpoint", JSON_ENDPOINTS)
@pytest.mark.parametrize(
    ("literal", "message"),
    [("1e999", "Numbers must be finite"), ("-1e999", "Numbers must be finite"),
     ("NaN", "not a number JSON allows"), ("Infinity", "not a number JSON allows")],
)
def test_infinite_numbers_are_refused_with_a_message(world, endpoint, literal, message):
    body = (f'{{"section": "vision", "revision": {literal}, "fields": {{"vision": "x"}}, '
            f'"population": {literal}, "has_cdo": true, "monthly_commitment_hours": 5, '
            f'"summary": "x", "duration_minutes": {literal}}}')
    before = row_counts()
    response = JSON_ENDPOINTS[endpoint](world, body)
    assert response.status_code == 400, response.content[:300]
    assert message in response.json()["detail"]
    assert row_counts() == before


@pytest.mark.parametrize("body", ["1.5", "[]", '"text"', "null", "true"])
def test_an_api_body_that_is_no_object_is_refused_with_a_message(world, body):
    """Every view may read ``request.data.get(…)``: a float there was an AttributeError."""
    client = _api(world, "member_a")
    showcase = world.extra["showcase_a"]
    for path in ("/api/v1/eligibility/", f"/api/v1/cities/{world.city.slug}/strategy/",
                 f"/api/v1/cities/{world.city.slug}/showcases/{showcase.pk}/publication/"):
        before = row_counts()
        response = client.post(path, body, content_type="application/json")
        assert response.status_code in (400, 405), (path, response.content[:300])
        if response.status_code == 400:
            assert response.json()["detail"].startswith("Send a JSON object")
        assert row_counts() == before


@pytest.mark.parametrize("revision", [1e300, "1e999", "²", True, [1]])
def test_a_revision_that_is_no_whole_number_is_out_of_date(world, revision):
    """Not a JSON literal this time: a revision the parser accepts but no integer fits."""
    before = row_counts()
    response = JSON_ENDPOINTS["strategy autosave"](
        world, json.dumps({"section": "vision", "revision": revision, "fields": {"vision": "x"}})
    )
    assert response.status_code == 400, response.content[:300]
    assert "revision" in response.json()["errors"]
    assert row_counts() == before


@pytest.mark.parametrize("endpoint", JSON_ENDPOINTS)
def test_an_eleven_megabyte_json_body_is_413_with_a_message(world, endpoint):
    before = row_counts()
    response = JSON_ENDPOINTS[endpoint](world, json.dumps({"summary": "x" * ELEVEN_MB}))
    assert response.status_code == 413
    assert response.json()["detail"] == "The request is too large: send at most 10 MB."
    assert row_counts() == before


def test_too_many_form_fields_to_the_api_is_400(world):
    body = "&".join(f"f{n}=1" for n in range(5_000))
    response = _api(world, "anonymous").post(
        "/api/v1/eligibility/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (400, 415), response.content[:300]
    assert response.json()["detail"]


def test_an_eleven_megabyte_form_post_is_413_with_a_page_that_says_so(world):
    before = row_counts()
    response = _portal(world, "member_a").post(
        f"/c/{world.city.slug}/hours/", {"hours": "1", "note": "x" * ELEVEN_MB}
    )
    assert response.status_code == 413
    assert b"The request is too large: send at most 10 MB." in response.content
    assert row_counts() == before


@pytest.mark.parametrize(
    "month", ["0001-01", "9999-12", "0000-01", "1899-12", "2101-01", "10000-01", "2026-13",
              "2026-00", "-2026-01", "²026-01", "2026-1"],
)
def test_a_month_out_of_range_shows_this_month_with_a_message(world, month):
    response = _portal(world, "member_a").get(
        f"/c/{world.city.slug}/schedule/", {"view": "month", "month": month}
    )
    assert response.status_code == 200
    error = response.context["month_error"]
    assert error in (f"Enter a date {YEARS}.", f"“{month}” is not a month; use YYYY-MM.")
    assert error.encode() in response.content.replace(b"&ldquo;", "“".encode()).replace(
        b"&rdquo;", "”".encode())


@pytest.mark.parametrize("coach", ["²", "٣", "99999999999999999999999", "-1", "1e999"])
def test_odd_coach_ids_in_the_staff_dashboard_and_exports_are_ignored(world, coach):
    staff = _portal(world, "staff")
    slug = world.cohort.slug
    assert staff.get(f"/staff/cohorts/{slug}/health/", {"coach": coach}).status_code == 200
    response = staff.get(f"/staff/cohorts/{slug}/export/action-items.csv", {"coach": coach})
    assert response.status_code == 200


def test_odd_ids_in_the_attendance_checklist_are_ignored(world):
    from schedule.models import Attendance

    session = world.extra["session"]
    response = _portal(world, "staff").post(
        f"/staff/sessions/{session.pk}/attendance/",
        {"present": ["²:1", f"{world.users['member_a'].pk}:³", "99999999999999999999999:1"]},
    )
    assert response.status_code in (200, 302, 400)
    with scopes_disabled():
        assert not Attendance.objects.filter(session=session).exists()


@pytest.mark.parametrize("draft", ["²", "99999999999999999999999", "-1"])
def test_odd_draft_ids_on_the_check_in_page_are_ignored(world, draft):
    response = _portal(world, "coach_a").post(
        f"/c/{world.city.slug}/coaching/checkins/new/",
        {"checkin": draft, "summary": "x", "intent": "draft"},
    )
    assert response.status_code in (200, 302)
    response = _portal(world, "coach_a").post(
        f"/c/{world.city.slug}/coaching/checkins/autosave/", {"checkin": draft, "summary": "x"}
    )
    assert response.status_code == 400
    assert response.json()["errors"]["checkin"] == ["Unknown check-in."]


API_DATES = [
    ("coach_a", "checkins", "happened_at",
     {"summary": "x", "duration_minutes": 30, "mode": "phone"}),
    ("coach_a", "checkins", "next_checkin_on",
     {"summary": "x", "duration_minutes": 30, "mode": "phone"}),
    ("coach_a", "action-items", "due_on", {"title": "x"}),
    ("member_a", "hours", "on_date", {"hours": "1", "note": "x"}),
]


@pytest.mark.parametrize(("role", "kind", "field", "body"), API_DATES,
                         ids=[f"{k}.{f}" for _r, k, f, _b in API_DATES])
@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_dates_out_of_range_through_the_api_get_a_field_message(
    world, role, kind, field, body, day
):
    values = [day] if field != "happened_at" else [
        f"{day}T00:00:00", f"{day}T23:59:59", f"{day}T00:30:00+00:00", f"{day}T23:00:00Z"
    ]
    client = _api(world, role)
    before = row_counts()
    for value in values:
        response = client.post(
            f"/api/v1/cities/{world.city.slug}/{kind}/", dict(body, **{field: value}),
            content_type="application/json",
        )
        assert response.status_code == 400, response.content
        assert response.json()[field] in (
            [f"Enter a date {YEARS}."], ["Datetime value out of range."]
        ), value
    assert row_counts() == before


@pytest.mark.parametrize("zone", ["UTC", "America/Bogota", "Asia/Tokyo"])
@pytest.mark.parametrize("value", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_a_year_1_check_in_draft_is_refused_in_every_zone(world, zone, value):
    """Saved, it would break every page showing it to someone west (or east) of UTC."""
    coach = world.users["coach_a"]
    coach.time_zone = zone
    coach.save()
    before = row_counts()
    response = _portal(world, "coach_a").post(
        f"/c/{world.city.slug}/coaching/checkins/autosave/",
        {"summary": "x", "happened_at": value},
    )
    assert response.status_code == 400
    assert response.json()["errors"]["happened_at"] == [f"Enter a date {YEARS}."]
    assert row_counts() == before


# Every app of the project, as the import-layer contract lists them (a new app is swept too).
PROJECT_APPS = tuple(CONTRACTS["root_packages"])


def _project_classes(base):
    """Every subclass of ``base`` defined in the project's modules (all of them imported)."""
    import importlib
    import pkgutil

    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, app + "."):
            if ".migrations" not in module.name and ".management" not in module.name:
                importlib.import_module(module.name)
    seen, stack = set(), [base]
    while stack:
        for subclass in stack.pop().__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                stack.append(subclass)
    return sorted((c for c in seen if c.__module__.split(".")[0] in PROJECT_APPS),
                  key=lambda c: f"{c.__module__}.{c.__qualname__}")


def test_every_form_with_dates_refuses_years_out_of_range():
    """A form of the project with a date field must mix in ``SupportedYearsMixin``."""
    from django import forms

    from common.inputs import DATE_FIELDS, SupportedYearsMixin

    with_dates = [
        form for form in _project_classes(forms.BaseForm)
        if any(isinstance(f, DATE_FIELDS) for f in getattr(form, "base_fields", {}).values())
    ]
    assert len(with_dates) >= 7  # the walk found the forms (check-in, hours, showcase …)
    unbounded = [form.__qualname__ for form in with_dates
                 if not issubclass(form, SupportedYearsMixin)]
    assert not unbounded, f"forms whose dates accept year 1: {unbounded}"


def test_every_api_view_parses_json_through_the_safe_parser():
    """No view swaps in DRF's own JSON parser (it lets 10,000-deep nesting and 1e999 in)."""
    from rest_framework import parsers
    from rest_framework.views import APIView

    from common.api_inputs import JSONParser

    views = _project_classes(APIView)
    assert len(views) >= 10
    unsafe = [
        view.__qualname__ for view in views
        for parser in view.parser_classes
        if issubclass(parser, parsers.JSONParser) and not issubclass(parser, JSONParser)
    ]
    assert not unsafe, f"views parsing JSON with DRF's parser: {unsafe}"


def test_every_serializer_date_field_refuses_years_out_of_range():
    """Declared date fields are ``common.api_inputs``'s; ModelSerializers map to them."""
    from django.db import models
    from rest_framework import serializers

    from common import api_inputs

    mapping = serializers.ModelSerializer.serializer_field_mapping
    assert mapping[models.DateField] is api_inputs.DateField
    assert mapping[models.DateTimeField] is api_inputs.DateTimeField
    plain = [
        f"{serializer.__qualname__}.{name}"
        for serializer in _project_classes(serializers.BaseSerializer)
        for name, field in getattr(serializer, "_declared_fields", {}).items()
        if isinstance(field, serializers.DateField | serializers.DateTimeField)
        and not isinstance(field, api_inputs.DateField | api_inputs.DateTimeField)
    ]
    assert not plain, f"serializer date fields that accept year 1: {plain}"
