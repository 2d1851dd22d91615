"""List and dashboard pages cost the same number of queries at two data sizes."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled
from rest_framework.authtoken.models import Token

from tests import factories

PAST = timezone.localdate() - datetime.timedelta(days=3)


def _coached_cities(world, n):
    """``n`` cities coached by coach_a, each with check-ins and items (one is city A)."""
    with scopes_disabled():
        cities = [world.city]
        for i in range(n - 1):
            enrollment = factories.EnrollmentFactory(cohort=world.cohort)
            factories.CoachAssignmentFactory(coach=world.users["coach_a"], enrollment=enrollment)
            cities.append(enrollment.city)
        for city in cities:
            factories.CheckInFactory(city=city, lead_rag="green", lead_why="ok")
            # The latest check-in rates only "invest": "lead" comes from the one before.
            factories.CheckInFactory(city=city, lead_rag="", lead_why="", invest_rag="red",
                                     invest_why="no", next_checkin_on=timezone.localdate())
            factories.ActionItemFactory(city=city)
            factories.ActionItemFactory(city=city, due_on=PAST)


def _city_data(world, n):
    """``n`` check-ins (with attendees), items and requests in city A."""
    with scopes_disabled():
        for i in range(n):
            checkin = factories.CheckInFactory(city=world.city, coach=world.users["coach_a"])
            checkin.attendees.set([world.users["member_a"], world.users["manager_a"]])
            factories.ActionItemFactory(city=world.city, owner=world.users["member_a"],
                                        checkin=checkin)
            factories.ActionItemFactory(city=world.city, owner=world.users["manager_a"],
                                        status="done")
            factories.MayorRequestFactory(city=world.city, requested_by=world.users["coach_a"])


def _client(world, role):
    client = Client()
    client.force_login(world.users[role])
    return client


@pytest.mark.parametrize("n", [2, 20])
def test_coach_home(world, n, django_assert_num_queries):
    _coached_cities(world, n)
    client = _client(world, "coach_a")
    # 11: one of them finds the coach's cities, whose versions the cached page depends on
    # (the door's question, whether the person coaches, answered by the same query);
    # one asks the year after (followon) for late updates of the coach's cities (none here);
    # two count the assignments accepted per pillar (assignments.progress.completion_by_city).
    with django_assert_num_queries(11):
        response = client.get("/coach/")
    body = response.content.decode()
    assert body.count("rag-green") == n and body.count("rag-red") == n


@pytest.mark.parametrize("n", [2, 20])
def test_staff_cadence_watch(world, n, django_assert_num_queries):
    _coached_cities(world, n)
    client = _client(world, "staff")
    with django_assert_num_queries(7):
        response = client.get("/staff/coaching/cadence/")
    assert response.status_code == 200


# The coach also gets the owner field: its choices (team and coaches) are one query.
@pytest.mark.parametrize("role, count", [("coach_a", 17), ("member_a", 15), ("mayor_a", 15)])
@pytest.mark.parametrize("n", [2, 20])
def test_coaching_page(world, n, role, count, django_assert_num_queries):
    _city_data(world, n)
    client = _client(world, role)
    with django_assert_num_queries(count):
        response = client.get("/c/alphaville/coaching/?history=all")
    assert response.content.decode().count('class="card checkin"') == n


@pytest.mark.parametrize("n", [2, 20])
def test_city_home(world, n, django_assert_num_queries):
    _city_data(world, n)
    client = _client(world, "mayor_a")
    # 18: the mayor's hours card reads the city's senior team (one Membership+User query,
    # schedule.commitment.senior_teams) since the commitment became each member's (422b6d8);
    # the door and the header ask whether the person coaches once (cities.access.request_memo);
    # 17: this month's check-ins and action items done are counted in one query
    with django_assert_num_queries(17):
        response = client.get("/c/alphaville/")
    assert response.content.decode().count("Send my answer") == n


@pytest.mark.parametrize("n", [2, 20])
def test_api_lists(world, n, django_assert_num_queries):
    _city_data(world, n)
    client = Client()
    token, _ = Token.objects.get_or_create(user=world.users["member_a"])
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    with django_assert_num_queries(9):
        assert client.get("/api/v1/cities/alphaville/checkins/").json()["count"] == n
    with django_assert_num_queries(8):
        assert client.get("/api/v1/cities/alphaville/action-items/").json()["count"] == 2 * n
