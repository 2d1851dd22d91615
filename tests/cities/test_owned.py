"""``cities.owned``: every city-owned model names its path to the city once, and its scope,
``city_of`` and timestamps follow from it."""

import pytest
from django.apps import apps
from django.db import models
from django_scopes import ScopeError, scope, scopes_disabled

from accounts.models import Membership
from cities.models import City
from cities.owned import CityOwned, city_of
from coaching.models import ActionItem, CoachAssignment
from strategy.editing import start_strategy
from strategy.models import ComponentPlan, Initiative
from tests import factories
from tests.tenancy import build_world

OWNED = [model for model in apps.get_models() if issubclass(model, CityOwned)]


def _follow(model, path):
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def test_city_owned_models_are_found():
    names = {model._meta.label for model in OWNED}
    assert {"coaching.CoachAssignment", "strategy.Initiative", "cohorts.Enrollment",
            "showcases.Feedback", "stewardship.CityExport"} <= names


@pytest.mark.parametrize("model", OWNED, ids=lambda model: model._meta.label)
def test_the_city_path_leads_to_a_city(model):
    assert _follow(model, model.city_path) is City


def test_every_model_with_a_city_of_its_own_is_city_owned_or_says_why():
    below_cities = {Membership, apps.get_model("accounts", "Invitation")}  # under cities
    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "city"), None)
        if (field is None or field.null or not isinstance(field, models.ForeignKey)
                or model._meta.label_lower.startswith(("cities.", "notifications."))
                or model.__name__.startswith("Historical") or model in below_cities):
            continue
        assert issubclass(model, CityOwned), model._meta.label


@pytest.fixture
def world(db):
    world = build_world()
    with scopes_disabled():
        world.extra["items"] = [
            factories.ActionItemFactory(city=city) for city in (world.city, world.other_city)
        ]
    return world


def test_the_manager_is_scoped_by_the_path(world):
    with pytest.raises(ScopeError):
        list(CoachAssignment.objects.all())
    with scope(city=world.city):
        assert list(CoachAssignment.objects.all()) == [
            world.users["coach_a"].coach_assignments.get()]
        assert list(ActionItem.objects.all()) == [world.extra["items"][0]]
    with scope(city=[world.city, world.other_city]):
        assert ActionItem.objects.count() == 2
    with scopes_disabled():
        assert CoachAssignment.objects.count() == 2


def test_a_related_manager_keeps_the_scope(world):
    with scope(city=world.other_city):
        assert not world.users["coach_a"].coach_assignments.exists()


def test_the_timestamps_come_from_the_base(world):
    item = world.extra["items"][0]
    assert item.created_at and item.updated_at
    assert [f.name for f in CoachAssignment._meta.fields if f.name.endswith("_at")] == []


def test_city_of_follows_the_path_with_what_is_loaded(world, django_assert_num_queries):
    with scopes_disabled():
        assignment = CoachAssignment.objects.get(coach=world.users["coach_a"])
    with django_assert_num_queries(1):
        assert city_of(assignment) == world.city.pk  # one query: the enrollment's city
    with scopes_disabled():
        assignment = CoachAssignment.objects.select_related("enrollment").get(
            coach=world.users["coach_a"])
    with django_assert_num_queries(0):
        assert city_of(assignment) == world.city.pk
        assert city_of(world.extra["items"][1]) == world.other_city.pk
        assert city_of(world.city) == world.city.pk
        assert city_of(world.cohort) is None
        assert city_of(None) is None


def test_city_of_a_deep_path(world):
    with scope(city=world.city):
        plan = start_strategy(city=world.city).components.first()
    with scopes_disabled():
        initiative = factories.InitiativeFactory(component=plan)
        initiative = Initiative.objects.get(pk=initiative.pk)  # nothing loaded
        plan = ComponentPlan.objects.get(pk=plan.pk)
    assert city_of(initiative) == world.city.pk
    assert city_of(plan) == world.city.pk
    assert city_of(Membership(city=world.other_city)) == world.other_city.pk
