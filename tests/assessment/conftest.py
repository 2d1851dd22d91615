"""A cohort whose baseline is open, two cities with people, and the small framework."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import Role
from assessment.frameworks import load_framework
from tests import factories
from tests.assessment.samples import small_framework


def build_town():
    today = timezone.localdate()
    with scopes_disabled():
        framework = load_framework(small_framework())
        cohort = factories.CohortFactory(starts_on=today - datetime.timedelta(days=5),
                                         ends_on=today + datetime.timedelta(days=170))
        city = factories.CityFactory(name="Riverton", slug="riverton")
        other = factories.CityFactory(name="Lakeside", slug="lakeside")
        enrollment = factories.EnrollmentFactory(city=city, cohort=cohort)
        other_enrollment = factories.EnrollmentFactory(city=other, cohort=cohort)
        cdo = factories.MembershipFactory(city=city, role=Role.CDO,
                                          user__email="cdo@riverton.test").user
        mayor = factories.MembershipFactory(city=city, role=Role.MAYOR,
                                            user__email="mayor@riverton.test").user
        other_cdo = factories.MembershipFactory(city=other, role=Role.CDO,
                                                user__email="cdo@lakeside.test").user
        coach = factories.CoachAssignmentFactory(enrollment=enrollment,
                                                 coach__email="coach@program.test").coach
        other_coach = factories.CoachAssignmentFactory(
            enrollment=other_enrollment, coach__email="coach2@program.test").coach
        staff = factories.UserFactory(email="staff@program.test", is_staff=True)
    return SimpleNamespace(
        framework=framework, cohort=cohort, city=city, other=other, enrollment=enrollment,
        other_enrollment=other_enrollment, cdo=cdo, mayor=mayor, other_cdo=other_cdo,
        coach=coach, other_coach=other_coach, staff=staff, today=today)


@pytest.fixture
def town(db):
    return build_town()
