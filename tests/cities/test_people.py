"""``cities.people``: who is in a city, answered once (active accounts only)."""

import pytest
from django_scopes import scope, scopes_disabled

from accounts.models import Role
from cities.access import city_access, is_coach
from cities.people import (
    city_people,
    coaches_of,
    mayors_by_city,
    mayors_of,
    members_of,
    program_staff,
    senior_team_of,
    senior_teams_by_city,
)
from tests import factories
from tests.tenancy import build_world


@pytest.fixture
def world(db):
    """Cities A and B (tests/tenancy.py), plus: city A's second coach (also assigned in a
    second cohort), an inactive mayor, team member and coach of city A, and someone who is
    mayor of B and team member of A (each question must be about one city's membership)."""
    world = build_world()
    with scopes_disabled():
        other_cohort = factories.CohortFactory()
        second = factories.EnrollmentFactory(city=world.city, cohort=other_cohort)
        coach = factories.CoachAssignmentFactory(enrollment=world.enrollment).coach
        factories.CoachAssignmentFactory(enrollment=second, coach=coach)
        world.users["coach_a2"] = coach
        for key, role in (("gone_mayor_a", Role.MAYOR), ("gone_member_a", Role.POLICY_LEAD)):
            world.users[key] = factories.MembershipFactory(
                city=world.city, role=role, user__is_active=False).user
        world.users["gone_coach_a"] = factories.CoachAssignmentFactory(
            enrollment=world.enrollment, coach__is_active=False).coach
        both = factories.MembershipFactory(city=world.other_city, role=Role.MAYOR).user
        factories.MembershipFactory(city=world.city, role=Role.EQUITY_LEAD, user=both)
        world.users["mayor_b_member_a"] = both
        world.users["gone_staff"] = factories.UserFactory(is_staff=True, is_active=False)
    return world


def _set(world, *keys):
    return {world.users[key] for key in keys}


def test_members_of_is_the_citys_active_team(world):
    assert set(members_of(world.city)) == _set(world, "member_a", "mayor_a", "mayor_b_member_a")
    assert set(members_of(world.other_city.pk)) == _set(world, "member_b", "mayor_b_member_a")


def test_mayors_of_is_the_active_mayor_of_that_city_only(world):
    assert list(mayors_of(world.city)) == [world.users["mayor_a"]]
    assert list(mayors_of(world.other_city)) == [world.users["mayor_b_member_a"]]


def test_senior_team_of_is_everyone_active_but_the_mayor(world):
    assert set(senior_team_of(world.city)) == _set(world, "member_a", "mayor_b_member_a")
    assert list(senior_team_of(world.other_city)) == [world.users["member_b"]]


def test_coaches_of_lists_each_active_coach_once(world):
    coaches = list(coaches_of(world.city))
    assert sorted(coaches, key=lambda u: u.pk) == sorted(
        _set(world, "coach_a", "coach_a2"), key=lambda u: u.pk)
    assert list(coaches_of(world.other_city)) == [world.users["coach_b"]]


def test_program_staff_is_the_active_staff(world):
    assert list(program_staff()) == [world.users["staff"]]


def test_the_people_are_ordered_by_email(world):
    emails = [user.email for user in members_of(world.city)]
    assert emails == sorted(emails)


def test_many_cities_at_once_match_the_one_city_answers(world, django_assert_num_queries):
    ids = [world.city.pk, world.other_city.pk]
    with django_assert_num_queries(1):
        mayors = mayors_by_city(ids)
    with django_assert_num_queries(1):
        teams = senior_teams_by_city(ids)
    for city in (world.city, world.other_city):
        assert mayors[city.pk] == list(mayors_of(city))
        assert set(teams[city.pk]) == set(senior_team_of(city))


def test_the_people_a_citys_records_may_name_are_its_active_people(world):
    assert city_people(city=world.city) == {
        user.pk for user in _set(world, "member_a", "mayor_a", "mayor_b_member_a", "coach_a",
                                 "coach_a2", "staff")
    }


def test_the_people_need_no_scope(world):
    with scope(city=world.other_city):
        assert list(mayors_of(world.city)) == [world.users["mayor_a"]]


@pytest.mark.parametrize("role, queries", [("member_a", 2), ("coach_a", 2), ("outsider", 2)])
def test_city_access_costs_two_queries_once_per_request(world, role, queries,
                                                         django_assert_num_queries):
    user = world.users[role]
    with django_assert_num_queries(queries):
        first = city_access(user, world.city)
        assert city_access(user, world.city) is first
    assert first.can_view == (role != "outsider")
    assert first.is_coach == (role == "coach_a")


def test_is_coach_is_any_coach_assignment(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert is_coach(world.users["coach_b"]) and is_coach(world.users["coach_b"])
    assert not is_coach(world.users["member_a"])
