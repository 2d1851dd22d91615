from types import SimpleNamespace

import pytest
from django_scopes import scopes_disabled

from accounts.models import Role
from tests import factories


@pytest.fixture
def team(db):
    """Two enrolled cities: Riverton (a CDO, a mayor, a coach) and Lakeside (a CDO), plus
    program staff."""
    with scopes_disabled():
        cohort = factories.CohortFactory()
        city = factories.CityFactory(name="Riverton", slug="riverton", population=312_500)
        other = factories.CityFactory(
            name="Lakeside", slug="lakeside", country="MX", population=184_200
        )
        enrollment = factories.EnrollmentFactory(city=city, cohort=cohort)
        other_enrollment = factories.EnrollmentFactory(city=other, cohort=cohort)
        return SimpleNamespace(
            cohort=cohort, city=city, other=other,
            cdo=factories.MembershipFactory(city=city, role=Role.CDO).user,
            mayor=factories.MembershipFactory(city=city, role=Role.MAYOR).user,
            coach=factories.CoachAssignmentFactory(enrollment=enrollment).coach,
            other_cdo=factories.MembershipFactory(city=other, role=Role.CDO).user,
            other_coach=factories.CoachAssignmentFactory(enrollment=other_enrollment).coach,
            staff=factories.UserFactory(is_staff=True, is_superuser=True),
        )


def login(client, user):
    client.force_login(user)
    return client
