import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django_scopes import scopes_disabled

from accounts.models import Role
from tests import factories

NEW_YORK = ZoneInfo("America/New_York")


def at(year, month, day, hour, minute=0, zone=NEW_YORK):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)


@pytest.fixture
def town(db):
    """An enrolled city (New York time) with a mayor, a CDO in Los Angeles, a policy lead
    in São Paulo, a coach, and program staff; a second enrolled city with its own team."""
    with scopes_disabled():
        cohort = factories.CohortFactory(
            starts_on=datetime.date(2026, 10, 1), ends_on=datetime.date(2027, 6, 30)
        )
        city = factories.CityFactory(slug="alpha", name="Alpha", time_zone="America/New_York")
        other = factories.CityFactory(slug="beta", name="Beta", time_zone="America/Chicago")
        enrollment = factories.EnrollmentFactory(city=city, cohort=cohort)
        factories.EnrollmentFactory(city=other, cohort=cohort)
        mayor = factories.MembershipFactory(
            city=city, role=Role.MAYOR, user__time_zone="America/New_York"
        ).user
        cdo = factories.MembershipFactory(
            city=city, role=Role.CDO, user__time_zone="America/Los_Angeles"
        ).user
        policy = factories.MembershipFactory(
            city=city, role=Role.POLICY_LEAD, user__time_zone="America/Sao_Paulo"
        ).user
        other_mayor = factories.MembershipFactory(city=other, role=Role.MAYOR).user
        other_cdo = factories.MembershipFactory(city=other, role=Role.CDO).user
        coach = factories.CoachAssignmentFactory(enrollment=enrollment).coach
        staff = factories.UserFactory(is_staff=True, is_superuser=True)
    return SimpleNamespace(
        cohort=cohort, city=city, other=other, mayor=mayor, cdo=cdo, policy=policy,
        other_mayor=other_mayor, other_cdo=other_cdo, coach=coach, staff=staff,
    )
