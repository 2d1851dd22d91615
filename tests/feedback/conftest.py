import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import Role
from cohorts.models import Program
from schedule.models import Attendance
from tests import factories


def past_session(cohort, *, days_ago=1, kind="workshop", **fields):
    """A one-hour session of ``cohort`` that ended ``days_ago`` days ago (to the minute)."""
    end = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(days=days_ago)
    return factories.SessionFactory(cohort=cohort, kind=kind, starts_at=end
                                    - datetime.timedelta(hours=1), ends_at=end, **fields)


def attend(session, user, city):
    with scopes_disabled():
        return Attendance.objects.create(session=session, user=user, city=city)


@pytest.fixture
def fb(db):
    """An enrolled city with a mayor, a CDO and a policy lead; another city with its CDO;
    a coach, staff; a workshop that ended yesterday, attended by the CDO and the policy lead
    of the first city and the second city's CDO (the mayor did not come)."""
    with scopes_disabled():
        program = Program.objects.create(name="City Data Alliance")
        cohort = factories.CohortFactory(slug="fb-cohort", program=program)
        city = factories.CityFactory(slug="alpha", name="Alpha")
        other = factories.CityFactory(slug="beta", name="Beta")
        enrollment = factories.EnrollmentFactory(city=city, cohort=cohort)
        factories.EnrollmentFactory(city=other, cohort=cohort)
        mayor = factories.MembershipFactory(city=city, role=Role.MAYOR,
                                            user__name="Mara Mayor").user
        cdo = factories.MembershipFactory(city=city, role=Role.CDO, user__name="Cora Data").user
        policy = factories.MembershipFactory(city=city, role=Role.POLICY_LEAD,
                                             user__name="Pia Policy").user
        other_cdo = factories.MembershipFactory(city=other, role=Role.CDO,
                                                user__name="Otto Other").user
        coach = factories.CoachAssignmentFactory(enrollment=enrollment).coach
        staff = factories.UserFactory(is_staff=True, is_superuser=True, name="Sam Staff")
        workshop = past_session(cohort, title="Data governance basics")
        for user, town in ((cdo, city), (policy, city), (other_cdo, other)):
            attend(workshop, user, town)
    return SimpleNamespace(
        program=program, cohort=cohort, city=city, other=other, mayor=mayor, cdo=cdo, policy=policy,
        other_cdo=other_cdo, coach=coach, staff=staff, workshop=workshop,
    )
