"""A city that withdraws: the day and the reason are required, it is not invited to later
sessions (but was to earlier ones), and cohort health lists it without red flags."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.formats import date_format
from django_scopes import scopes_disabled

from accounts.models import Role
from cohorts.admin import EnrollmentForm
from cohorts.enrollment import withdraw_enrollment
from dashboards.health import WITHDRAWN, cohort_health
from schedule.audience import invited_membership, invitees
from tests.factories import (
    CityFactory,
    CohortFactory,
    EnrollmentFactory,
    MembershipFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(no_scope):
    cohort = CohortFactory()
    city = CityFactory()
    enrollment = EnrollmentFactory(city=city, cohort=cohort)
    member = MembershipFactory(city=city, role=Role.CDO).user
    return enrollment, member


def test_the_day_must_fall_within_the_cohort_and_a_reason_is_required(enrolled):
    enrollment, _member = enrolled
    with pytest.raises(ValidationError) as error:
        withdraw_enrollment(enrollment=enrollment,
                            on=enrollment.cohort.starts_on - timedelta(days=1), reason=" ")
    assert set(error.value.message_dict) == {"withdrawn_on", "withdrawal_reason"}
    enrollment.refresh_from_db()
    assert enrollment.withdrawn_on is None


def test_a_withdrawn_city_is_invited_to_sessions_before_the_day_and_not_after(enrolled):
    enrollment, member = enrolled
    cohort = enrollment.cohort
    day = cohort.starts_on + timedelta(days=20)
    before = SessionFactory(cohort=cohort, starts_at=_at(day - timedelta(days=5)))
    after = SessionFactory(cohort=cohort, starts_at=_at(day + timedelta(days=5)))
    withdraw_enrollment(enrollment=enrollment, on=day, reason="Budget frozen")

    with scopes_disabled():
        assert member in invitees(session=before)
        assert member not in invitees(session=after)
        assert invited_membership(session=before, user=member, city=enrollment.city)
        assert invited_membership(session=after, user=member, city=enrollment.city) is None


def test_cohort_health_shows_a_withdrawn_city_without_colours(enrolled):
    enrollment, _member = enrolled
    cohort = enrollment.cohort
    withdraw_enrollment(enrollment=enrollment, on=cohort.starts_on, reason="Budget frozen")
    [row] = cohort_health(cohort=cohort, today=cohort.starts_on + timedelta(days=60))
    assert row.reds == 0
    assert {cell.rag for cell in row.cells.values()} == {WITHDRAWN}


def test_the_admin_form_shows_the_rule_at_the_field(enrolled):
    enrollment, _member = enrolled
    form = EnrollmentForm(instance=enrollment, data={
        "city": enrollment.city_id, "cohort": enrollment.cohort_id,
        "withdrawn_on": (enrollment.cohort.ends_on + timedelta(days=1)).isoformat(),
        "withdrawal_reason": "",
    })
    assert not form.is_valid()
    assert set(form.errors) == {"withdrawn_on", "withdrawal_reason"}


def _at(day):
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    return datetime.combine(day, time(15), ZoneInfo("UTC"))


def test_the_health_page_says_when_a_city_withdrew_in_the_readers_language(enrolled, client):
    enrollment, _member = enrolled
    cohort = enrollment.cohort
    withdraw_enrollment(enrollment=enrollment, on=cohort.starts_on, reason="Budget frozen")
    client.force_login(UserFactory(is_staff=True))
    client.cookies["django_language"] = "es"
    body = client.get(f"/staff/cohorts/{cohort.slug}/health/").content.decode()
    with translation.override("es"):
        day = date_format(cohort.starts_on, "DATE_FORMAT")
    assert f'<span class="help">Se retiró el {day}</span></th>' in body
