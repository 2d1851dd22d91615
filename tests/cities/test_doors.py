"""The one permission device (``cities.doors``): a rule named once, asked at the door."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View
from rest_framework.test import APIRequestFactory

from cities.doors import (
    RuleRequiredMixin,
    allows,
    declare,
    on_object,
    rule,
    rule_permission,
    rule_required,
)
from tests.tenancy import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def request_as(world):
    def make(role, method="get"):
        request = getattr(RequestFactory(), method)("/c/alphaville/somewhere/")
        request.user = world.users[role] if role != "anonymous" else AnonymousUser()
        request.city = world.city
        return request

    return make


def test_a_rule_is_registered_once_under_its_name():
    @rule
    def is_named_for_the_test(user):
        return True

    assert rules.rule_exists("is_named_for_the_test")
    declare(can_do_the_test_thing=is_named_for_the_test)
    assert rules.rule_exists("can_do_the_test_thing")
    with pytest.raises(KeyError):  # a second registration of a name is a mistake
        declare(can_do_the_test_thing=is_named_for_the_test)
    rules.remove_rule("is_named_for_the_test")
    rules.remove_rule("can_do_the_test_thing")


def test_the_rules_of_every_app_are_registered():
    for name in ("can_view_city", "is_program_staff", "can_log_checkin", "can_draft_showcase",
                 "can_edit_strategy", "can_request_city_export"):
        assert rules.rule_exists(name), name


def test_a_function_view_door(request_as):
    view = rule_required("can_log_checkin")(lambda request, **kwargs: HttpResponse("ok"))
    assert view(request_as("coach_a")).status_code == 200
    assert view(request_as("staff")).status_code == 200
    with pytest.raises(PermissionDenied):
        view(request_as("member_a"))
    assert view(request_as("anonymous")).status_code == 302  # sent to sign in


def test_a_door_for_some_methods_only(request_as):
    view = rule_required("can_log_checkin", methods=("POST",))(
        lambda request, **kwargs: HttpResponse("ok"))
    assert view(request_as("member_a")).status_code == 200
    with pytest.raises(PermissionDenied):
        view(request_as("member_a", "post"))


def test_a_door_about_the_person_only(request_as):
    view = rule_required("is_program_staff", obj=None)(lambda request: HttpResponse("ok"))
    assert view(request_as("staff")).status_code == 200
    with pytest.raises(PermissionDenied):
        view(request_as("coach_a"))


def test_a_class_view_door(request_as):
    class Page(RuleRequiredMixin, View):
        rule = "can_answer_mayor_request"

        def get(self, request):
            return HttpResponse("ok")

    assert Page.as_view()(request_as("mayor_a")).status_code == 200
    with pytest.raises(PermissionDenied):
        Page.as_view()(request_as("coach_a"))


def test_the_api_door_names_a_rule_per_action(world):
    permission = rule_permission(create="can_log_checkin", update=on_object("can_update_x"))()
    request = APIRequestFactory().post("/")
    request.city = world.city

    class View:
        action = "create"

    for role, allowed in (("coach_a", True), ("staff", True), ("member_a", False)):
        request.user = world.users[role]
        assert permission.has_permission(request, View()) is allowed
    View.action = "list"  # an action the door names no rule for: the tenant door decides
    assert permission.has_permission(request, View()) is True
    request.user = AnonymousUser()
    assert permission.has_permission(request, View()) is False


def test_allows_is_the_same_rule_for_what_a_page_shows(world):
    assert allows("can_view_city", world.users["member_a"], world.city)
    assert not allows("can_view_city", world.users["member_b"], world.city)


def test_an_api_rule_about_the_instance_acted_on(world):
    permission = rule_permission(
        update=on_object("can_view_city", of=lambda request, item: item["city"]))()
    request = APIRequestFactory().patch("/")

    class View:
        action = "update"

    request.user = world.users["member_a"]
    assert permission.has_object_permission(request, View(), {"city": world.city})
    assert not permission.has_object_permission(request, View(), {"city": world.other_city})
