"""What a request learns about its person is asked once, whether the question is put to the
lazy ``request.user`` (the doors) or to the user behind it (the header's navigation, the
menus): ``cities.access.request_memo``."""

import ast

import pytest
from django.utils.functional import SimpleLazyObject

from cities.access import city_access, is_coach
from showcases.rules import is_program_participant
from tests import factories
from tests.architecture.graph import CONTRACTS, ROOT

pytestmark = pytest.mark.django_db


def _as_request_user(user):
    return SimpleLazyObject(lambda: user)


def test_is_coach_is_asked_once_through_request_user_and_the_user_behind_it(
        no_scope, django_assert_num_queries):
    assignment = factories.CoachAssignmentFactory()
    coach = assignment.coach
    lazy = _as_request_user(coach)
    with django_assert_num_queries(1):
        assert is_coach(lazy) is True
        assert is_coach(lazy) is True
        assert is_coach(coach) is True


def test_city_access_is_asked_once_and_knows_a_non_coach_coaches_no_city(
        no_scope, django_assert_num_queries):
    city = factories.EnrollmentFactory().city
    member = factories.MembershipFactory(city=city).user
    lazy = _as_request_user(member)
    # whether the person coaches any city (no), then their roles in this city: the
    # "coaches this city" question needs no query of its own
    with django_assert_num_queries(2):
        assert is_coach(lazy) is False
        access = city_access(lazy, city)
        assert city_access(member, city) is access
    assert access.is_member and not access.is_coach


def test_a_coach_of_another_city_is_still_asked_about_this_one(no_scope):
    city = factories.EnrollmentFactory().city
    coach = factories.CoachAssignmentFactory().coach
    assert is_coach(_as_request_user(coach)) is True
    assert city_access(_as_request_user(coach), city).is_coach is False


def test_the_library_rule_asks_membership_once(no_scope, django_assert_num_queries):
    member = factories.MembershipFactory().user
    lazy = _as_request_user(member)
    with django_assert_num_queries(2):  # coaches any city? a member of any team?
        assert is_program_participant(lazy)
        assert is_program_participant(member)


def _user_dict_reads(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == "__dict__"):
            continue
        owner = ast.unparse(node.value)
        if owner.split(".")[-1] in {"user", "by", "person", "viewer", "coach", "member"}:
            yield f"{path.relative_to(ROOT)}:{node.lineno} reads {owner}.__dict__"


def test_no_code_keeps_a_memo_in_a_users_dict():
    """``request.user.__dict__`` is the lazy wrapper's, not the user's: a memo kept there is
    never found again through the other object (the door asks the wrapper, the menu the
    user), so every per-request answer about a person goes through ``request_memo``."""
    found = [
        read
        for package in sorted(CONTRACTS["root_packages"])
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts
        for read in _user_dict_reads(path)
    ]
    assert found == []
