from types import SimpleNamespace

import pytest
from django_scopes import scope, scopes_disabled

from accounts.models import Role
from strategy.editing import start_strategy
from tests import factories


@pytest.fixture
def team(db):
    """An enrolled city with its CDO, city manager, mayor and coach, and a started strategy."""
    with scopes_disabled():
        cohort = factories.CohortFactory()
        city = factories.CityFactory(name="Riverbend", slug="riverbend")
        enrollment = factories.EnrollmentFactory(city=city, cohort=cohort)
        cdo = factories.MembershipFactory(city=city, role=Role.CDO).user
        manager = factories.MembershipFactory(city=city, role=Role.CITY_MANAGER).user
        mayor = factories.MembershipFactory(city=city, role=Role.MAYOR).user
        coach = factories.CoachAssignmentFactory(enrollment=enrollment).coach
    with scope(city=city):
        strategy = start_strategy(city=city, user=cdo)
    return SimpleNamespace(city=city, cohort=cohort, cdo=cdo, manager=manager, mayor=mayor,
                           coach=coach, strategy=strategy)


@pytest.fixture
def in_city(team):
    with scope(city=team.city):
        yield team


def add_initiatives(strategy, count, *, component="governance"):
    plan = strategy.components.get(key=component)
    return [factories.InitiativeFactory(component=plan) for _ in range(count)]
