"""Lists of people offer only the city's own people: every API serializer, every portal
form and every admin form of a city's records (issue 18), and the browsable API is off in
production."""

import importlib
import os
import pkgutil
import re
import subprocess
import sys
from datetime import timedelta

import pytest
from django import forms
from django.contrib import admin
from django.test import Client, RequestFactory
from django.utils import timezone
from django_scopes import scopes_disabled
from rest_framework import serializers
from rest_framework.request import Request

from accounts.models import Invitation, Role, User
from cities.people import CityPeopleAdminMixin, city_people, people_fields
from tests import factories
from tests.tenancy import build_world

pytestmark = pytest.mark.django_db
APPS = ("accounts", "cities", "cohorts", "curriculum", "schedule", "coaching", "showcases",
        "strategy", "notifications", "stewardship", "audit", "config", "applications",
        "dashboards", "common", "caching")


def _import_everything():
    for app in APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if not any(part in module.name for part in (".migrations", ".management")):
                importlib.import_module(module.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _ours(cls):
    return cls.__module__.split(".")[0] in APPS


@pytest.fixture
def world():
    world = build_world()
    with scopes_disabled():
        world.users["member2_a"] = factories.MembershipFactory(
            city=world.city, role=Role.CITY_MANAGER).user
        world.users["applicant"] = factories.ApplicationFactory().applicant
        world.strangers = {world.users[role].pk for role in
                           ("member_b", "coach_b", "outsider", "applicant")}
        world.people = city_people(city=world.city)
    return world


def _check(world, where, chosen_ids):
    chosen_ids = set(chosen_ids)
    assert not chosen_ids & world.strangers, f"{where} offers people of other cities"
    assert chosen_ids <= world.people, where


def _user_relations(serializer, prefix=""):
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.BaseSerializer):
            child = getattr(field, "child", field)
            if isinstance(child, serializers.Serializer):
                yield from _user_relations(child, f"{prefix}{name}.")
            continue
        relation = getattr(field, "child_relation", field)
        if isinstance(relation, serializers.RelatedField) and not relation.read_only:
            queryset = relation.get_queryset()
            if queryset is not None and queryset.model is User:
                yield f"{prefix}{name}", relation


def test_every_api_serializer_offers_only_the_citys_people(world):
    _import_everything()
    request = Request(RequestFactory().get("/api/v1/cities/alphaville/"))
    request.city, request.user = world.city, world.users["staff"]
    found = []
    with scopes_disabled():
        for cls in _subclasses(serializers.Serializer):
            if not _ours(cls):
                continue
            for name, relation in _user_relations(cls(context={"request": request})):
                found.append(f"{cls.__name__}.{name}")
                choices = [int(value) for value in relation.get_choices()]
                _check(world, f"{cls.__module__}.{cls.__name__}.{name}", choices)
    assert {"CheckInInputSerializer.attendees", "ActionItemInputSerializer.owner"} <= set(found)


def _admin_forms():
    return {model_admin.form for model_admin in admin.site._registry.values()}


def test_every_portal_form_lists_nobody_until_the_view_gives_it_the_citys_people(world):
    """A form class's own list of people is empty: the view passes the city's people
    (``coaching.city_views``), so a form used without them offers nobody."""
    _import_everything()
    found = []
    with scopes_disabled():
        for cls in _subclasses(forms.BaseForm):
            if not _ours(cls) or cls in _admin_forms():
                continue
            for name, field in cls.base_fields.items():
                if isinstance(field, forms.ModelChoiceField) and field.queryset is not None \
                        and field.queryset.model is User:
                    found.append(f"{cls.__name__}.{name}")
                    assert list(field.queryset) == [], f"{cls.__module__}.{cls.__name__}.{name}"
    assert {"CheckInForm.attendees", "ActionItemForm.owner"} <= set(found)


def _records_of_city_a(world):
    city, coach = world.city, world.users["coach_a"]
    with scopes_disabled():
        checkin = factories.CheckInFactory(city=city, coach=coach)
        checkin.attendees.set([world.users["member_a"]])
        return [
            checkin,
            factories.ActionItemFactory(city=city, owner=world.users["member_a"],
                                        created_by=coach),
            factories.MayorRequestFactory(city=city, requested_by=coach),
            factories.SessionFactory(cohort=world.cohort, city=city, audience="city",
                                     host=world.users["staff"]),
            Invitation.objects.create(city=city, email="new@alphaville.test", role=Role.CDO,
                                      invited_by=world.users["staff"],
                                      expires_at=timezone.now() + timedelta(days=7)),
        ]


def test_every_admin_form_of_a_citys_records_offers_and_accepts_only_its_people(world):
    request = RequestFactory().get("/admin/")
    request.user = world.users["staff"]
    records = {type(record): record for record in _records_of_city_a(world)}
    checked = []
    with scopes_disabled():
        for model, model_admin in admin.site._registry.items():
            fields = people_fields(model_admin)
            if not fields or not (model_admin.has_change_permission(request)
                                  or model_admin.has_add_permission(request)):
                continue
            assert isinstance(model_admin, CityPeopleAdminMixin), model
            if not fields.keys() - set(getattr(model_admin, "city_people_exempt", ())):
                continue
            record = records.get(model)
            assert record is not None, f"add a {model.__name__} of city A to this test"
            form = model_admin.get_form(request, record, change=True)
            for name in fields:
                if name in form.base_fields:
                    choices = form.base_fields[name].queryset.values_list("pk", flat=True)
                    _check(world, f"{model.__name__}.{name}", choices)
                    checked.append(f"{model.__name__}.{name}")
    assert {"CheckIn.attendees", "CheckIn.coach", "ActionItem.owner", "Session.host",
            "Invitation.invited_by", "MayorRequest.requested_by"} <= set(checked)


def test_adding_a_record_in_the_admin_refuses_a_person_of_another_city(world):
    client = Client()
    client.force_login(world.users["staff"])
    response = client.post("/admin/coaching/actionitem/add/", {
        "city": world.city.pk, "title": "Publish the data", "details": "",
        "owner": world.users["member_b"].pk, "due_on": "2030-01-01", "status": "open",
    })
    assert response.status_code == 200
    assert "Choose people of Alphaville." in response.content.decode()
    with scopes_disabled():
        from coaching.models import ActionItem

        assert not ActionItem.objects.exists()


def test_the_browsable_api_form_lists_only_the_citys_people(world):
    client = Client()
    client.force_login(world.users["coach_a"])
    page = client.get("/api/v1/cities/alphaville/action-items/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    html = page.content.decode()
    # The API reads JSON only, so the browsable page offers the raw JSON form and no HTML
    # form; should an HTML form come back, its owner list must hold only the city's people.
    owner = re.search(r'<select[^>]*name="owner".*?</select>', html, re.S)
    offered = {int(pk) for pk in re.findall(r'value="(\d+)"', owner.group(0))} if owner else set()
    _check(world, "the browsable API's owner list", offered)
    assert 'name="_content"' in html or world.users["member2_a"].pk in offered
    for role in ("member_b", "coach_b", "outsider", "applicant"):
        assert world.users[role].email not in html and str(world.users[role]) not in html


def test_production_answers_json_only():
    env = {
        "DJANGO_PRODUCTION": "1", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "civic.example.org",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    code = ("import django; django.setup(); from rest_framework.settings import api_settings; "
            "print([r.__name__ for r in api_settings.DEFAULT_RENDERER_CLASSES])")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=120, cwd=os.getcwd())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['JSONRenderer']"


def test_the_api_refuses_a_person_of_another_city_with_a_message(world):
    client = Client()
    client.force_login(world.users["coach_a"])
    stranger = world.users["member_b"]
    response = client.post("/api/v1/cities/alphaville/action-items/", {
        "title": "Publish the data", "owner": stranger.pk, "due_on": "2030-01-01",
    }, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["owner"] == [f"No one of this city has the id {stranger.pk}."]
    with scopes_disabled():
        from coaching.models import ActionItem

        assert not ActionItem.objects.exists()


def test_no_admin_inline_offers_a_list_of_accounts(world):
    """Inlines show people read-only (or by the parent record): none lists every account."""
    request = RequestFactory().get("/admin/")
    request.user = world.users["staff"]
    inlines = 0
    with scopes_disabled():
        for model_admin in admin.site._registry.values():
            for inline in model_admin.get_inline_instances(request):
                inlines += 1
                formset = inline.get_formset(request)
                for name, field in formset.form.base_fields.items():
                    if name == formset.fk.name:
                        continue  # the parent record, not a list
                    assert not (isinstance(field, forms.ModelChoiceField)
                                and field.queryset.model is User), (inline, name)
    assert inlines >= 5


def test_an_admin_change_page_lists_the_records_city_people_not_a_search_of_every_account(
        world):
    with scopes_disabled():
        checkin = factories.CheckInFactory(city=world.city, coach=world.users["coach_a"])
        checkin.attendees.set([world.users["member_a"]])
    client = Client()
    client.force_login(world.users["staff"])
    page = client.get(f"/admin/coaching/checkin/{checkin.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    for name in ("attendees", "coach"):
        select = re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S).group(0)
        assert "data-ajax--url" not in select, name  # no search over every account
        offered = {int(pk) for pk in re.findall(r'value="(\d+)"', select)}
        _check(world, f"the admin's {name} list", offered)
        assert world.users["member_a"].pk in offered or name == "coach"
    assert world.users["coach_a"].pk in {int(pk) for pk in re.findall(
        r'value="(\d+)"', re.search(r'<select[^>]*name="coach".*?</select>', html, re.S)[0])}
