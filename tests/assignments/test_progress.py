"""Completion per pillar: the cohort health dashboard's column (within its one grouped
query: the page's count does not move with the number of cities or submissions), the
city's home and the coach's home."""

import datetime

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from accounts.models import Role
from dashboards.health import cohort_health
from tests import factories


def _assignments():
    """Two assignments of the 'data' pillar (one due already), one of 'invest' (due later)."""
    today = datetime.date.today()
    lead = factories.ModuleFactory(pillar=factories.PillarFactory(slug="data"))
    invest = factories.ModuleFactory(pillar=factories.PillarFactory(slug="invest"))
    return (
        factories.AssignmentFactory(module=lead, due_on=today - datetime.timedelta(days=3)),
        factories.AssignmentFactory(module=lead, due_on=today + datetime.timedelta(days=20)),
        factories.AssignmentFactory(module=invest, due_on=today + datetime.timedelta(days=40)),
    )


def test_the_health_column_counts_accepted_assignments_per_pillar(team):
    due, later, invest = _assignments()
    with scopes_disabled():
        factories.SubmissionFactory(city=team.city, assignment=due, state="accepted")
        factories.SubmissionFactory(city=team.city, assignment=invest, state="accepted")
        factories.SubmissionFactory(city=team.city, assignment=later, state="submitted")
        factories.SubmissionFactory(city=team.other, assignment=later, state="accepted")
    cells = {row.city.slug: row.cells["assignments"] for row in cohort_health(cohort=team.cohort)}
    assert cells["riverton"].text == "Lead 1/2 · Invest 1/1"
    assert cells["riverton"].rag == "green" and cells["riverton"].value == 2
    # Lakeside accepted one not due yet, but not the one due three days ago: one behind.
    assert cells["lakeside"].text == "Lead 1/2 · Invest 0/1"
    assert cells["lakeside"].rag == "amber"


def test_no_assignment_in_the_curriculum_is_no_colour(team):
    cells = [row.cells["assignments"] for row in cohort_health(cohort=team.cohort)]
    assert {cell.rag for cell in cells} == {"none"}


@pytest.mark.parametrize("cities", [3, 20])
def test_the_dashboard_stays_at_its_count_with_assignments(db, cities,
                                                         django_assert_num_queries):
    assignments = _assignments()
    with scopes_disabled():
        cohort = factories.CohortFactory()
        for n in range(cities):
            enrollment = factories.EnrollmentFactory(cohort=cohort)
            factories.MembershipFactory(city=enrollment.city, role=Role.CDO)
            for assignment in assignments[: n % 3 + 1]:
                factories.SubmissionFactory(city=enrollment.city, assignment=assignment,
                                            state="accepted")
    client = Client()
    client.force_login(factories.UserFactory(is_staff=True))
    # 14 here (no session, check-in or strategy to read; the cities' own figures in a
    # query of their own, dashboards.health_cache.own_figures); the assignments ride in the
    # page's one shared grouped query: no statement of their own, whatever the number of
    # cities.
    with django_assert_num_queries(14):
        response = client.get(f"/staff/cohorts/{cohort.slug}/health/")
    assert response.status_code == 200
    assert response.content.decode().count("Lead 1/2 · Invest 0/1") == len(range(0, cities, 3))


def test_the_city_home_and_the_coach_home_show_completion_per_pillar(team):
    due, later, invest = _assignments()
    with scopes_disabled():
        factories.SubmissionFactory(city=team.city, assignment=due, state="accepted")
        factories.SubmissionFactory(city=team.city, assignment=later, state="submitted")
        factories.SubmissionFactory(city=team.other, assignment=invest, state="accepted")
    client = Client()
    client.force_login(team.cdo)
    home = client.get(f"/c/{team.city.slug}/").content.decode()
    assert "1 of 2 assignments accepted" in home and "1 with the coach" in home
    assert "0 of 1 assignment accepted" in home
    client.force_login(team.coach)
    coach_home = client.get("/coach/").content.decode()
    assert "1/2" in coach_home and "0/1" in coach_home
    assert f"/c/{team.city.slug}/curriculum/" in coach_home
