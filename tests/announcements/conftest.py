"""A cohort of three cities (one withdrawn) with people in every role, for announcements."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import Role
from tests import factories


def build_cohort():
    """Riverton and Lakeside in the cohort; Oldtown withdrew ten days ago."""
    with scopes_disabled():
        cohort = factories.CohortFactory(slug="spring", time_zone="America/New_York")
        riverton = factories.CityFactory(name="Riverton", slug="riverton")
        lakeside = factories.CityFactory(name="Lakeside", slug="lakeside")
        oldtown = factories.CityFactory(name="Oldtown", slug="oldtown")
        enrollments = {c.slug: factories.EnrollmentFactory(city=c, cohort=cohort)
                       for c in (riverton, lakeside, oldtown)}
        left = enrollments["oldtown"]
        left.withdrawn_on = timezone.localdate() - datetime.timedelta(days=10)
        left.withdrawal_reason = "Budget"
        left.save()

        def member(city, role, email, language="en"):
            return factories.MembershipFactory(
                city=city, role=role, user__email=email, user__language=language).user

        people = {
            "riverton_mayor": member(riverton, Role.MAYOR, "mayor@riverton.test"),
            "riverton_cdo": member(riverton, Role.CDO, "cdo@riverton.test"),
            "riverton_manager": member(riverton, Role.CITY_MANAGER, "cm@riverton.test"),
            "lakeside_mayor": member(lakeside, Role.MAYOR, "mayor@lakeside.test", "es"),
            "lakeside_cdo": member(lakeside, Role.CDO, "cdo@lakeside.test", "pt-br"),
            "oldtown_mayor": member(oldtown, Role.MAYOR, "mayor@oldtown.test"),
            "coach": factories.CoachAssignmentFactory(
                enrollment=enrollments["riverton"], coach__email="coach@program.test").coach,
            "staff": factories.UserFactory(email="staff@program.test", is_staff=True),
        }
        # The coach coaches Lakeside too: told once.
        factories.CoachAssignmentFactory(enrollment=enrollments["lakeside"],
                                         coach=people["coach"])
    return SimpleNamespace(cohort=cohort, riverton=riverton, lakeside=lakeside,
                           oldtown=oldtown, people=people)


@pytest.fixture
def program(db):
    return build_cohort()


@pytest.fixture
def send_on_commit(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the outbox's mail) at the end of the block (tasks run
    in-process in tests)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
