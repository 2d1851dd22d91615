import datetime

import pytest
from django_scopes import scopes_disabled

from accounts.models import Role
from strategy.editing import start_strategy
from tests import factories


@pytest.fixture
def alumni(db):
    """A city whose cohort ended 100 days before ``today`` (a fixed date), with a strategy of
    two initiatives and one metric, its CDO, its coach and staff."""
    from types import SimpleNamespace

    today = datetime.date(2026, 6, 1)
    with scopes_disabled():
        cohort = factories.CohortFactory(starts_on=datetime.date(2025, 8, 1),
                                         ends_on=datetime.date(2026, 1, 31))
        city = factories.CityFactory(name="Harbor", slug="harbor")
        enrollment = factories.EnrollmentFactory(city=city, cohort=cohort)
        cdo = factories.MembershipFactory(city=city, role=Role.CDO).user
        mayor = factories.MembershipFactory(city=city, role=Role.MAYOR).user
        coach = factories.CoachAssignmentFactory(enrollment=enrollment).coach
        staff = factories.UserFactory(is_staff=True, is_superuser=True)
        strategy = start_strategy(city=city, user=cdo)
        plan = strategy.components.get(key="governance")
        initiatives = [factories.InitiativeFactory(component=plan, title=f"Initiative {n}")
                       for n in (1, 2)]
        metric = factories.MetricFactory(component=plan, name="Datasets published",
                                         target_year_1="40")
    return SimpleNamespace(today=today, cohort=cohort, city=city, enrollment=enrollment,
                           cdo=cdo, mayor=mayor, coach=coach, staff=staff, strategy=strategy,
                           initiatives=initiatives, metric=metric)
