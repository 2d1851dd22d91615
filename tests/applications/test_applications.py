"""The application's life cycle: who may move it (asked at the door, ``cities.doors``: the
portal, the API and the admin), where it may go, what it leaves behind."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import Invitation, Membership, Role
from applications import lifecycle as domain
from applications.models import Application, ApplicationState
from cities.models import City
from cohorts.models import Enrollment
from notifications.models import EmailOutbox, Notification
from tests import factories

pytestmark = pytest.mark.django_db
S = ApplicationState


@pytest.fixture
def staff():
    return factories.UserFactory(is_staff=True)


@pytest.fixture
def application():
    app = factories.ApplicationFactory.build(
        cohort=factories.OpenCohortFactory(), applicant=factories.UserFactory())
    return domain.save_draft(application=app, by=app.applicant)


def submitted(application):
    return domain.submit_application(application=application, by=application.applicant)


def test_a_draft_is_saved_even_when_ineligible():
    applicant = factories.UserFactory()
    app = factories.ApplicationFactory.build(
        cohort=factories.OpenCohortFactory(), applicant=applicant, population=100_000)
    domain.save_draft(application=app, by=applicant)
    assert app.pk and app.state == S.DRAFT and app.eligible is False


def test_submission_refused_naming_every_failed_rule(application):
    application.population = 100_000
    application.monthly_commitment_hours = 4.5
    application.has_cdo = False
    application.team = application.team[:2]
    with pytest.raises(ValidationError) as error:
        domain.submit_application(application=application, by=application.applicant)
    errors = error.value.message_dict
    assert set(errors) == {"population", "has_cdo", "monthly_commitment_hours", "team"}
    assert "100,000" in errors["population"][0]
    application.refresh_from_db()
    assert application.state == S.DRAFT


def test_submit_notifies_staff_and_records_history(application, staff):
    submitted(application)
    application.refresh_from_db()
    assert application.state == S.SUBMITTED and application.submitted_at
    note = Notification.objects.get(recipient=staff, record__event="application.submitted")
    assert note.url == f"/admin/cities/application/{application.pk}/change/"
    assert application.city_name in note.subject
    reasons = list(application.history.values_list("history_change_reason", flat=True))
    assert reasons[:2] == ["submitted", "draft saved"]


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_only_the_applicant_submits(application, staff):
    stranger = _client(factories.UserFactory())  # as today: not found, like any other's
    assert stranger.post(f"/api/v1/applications/{application.pk}/submit/").status_code == 404
    assert stranger.post(f"/apply/applications/{application.pk}/",
                         {"intent": "submit"}).status_code == 404
    team = _client(staff)  # staff read every application; submitting is the applicant's
    assert team.post(f"/api/v1/applications/{application.pk}/submit/").status_code == 403
    assert team.post(f"/apply/applications/{application.pk}/",
                     {"intent": "submit"}).status_code == 403
    application.refresh_from_db()
    assert application.state == S.DRAFT


def _admin_action(user, action, application):
    return _client(user).post("/admin/cities/application/", {
        "action": action, "_selected_action": [application.pk]})


def test_closed_window_refuses_submission(application):
    cohort = application.cohort
    cohort.applications_close_at = timezone.now() - datetime.timedelta(minutes=1)
    cohort.save()
    with pytest.raises(ValidationError, match="closed"):
        submitted(application)


@pytest.mark.parametrize("decide, state, event", [
    (domain.waitlist_application, S.WAITLISTED, "application.waitlisted"),
    (domain.decline_application, S.DECLINED, "application.declined"),
    (domain.accept_application, S.ACCEPTED, "application.accepted"),
])
def test_decisions_notify_the_applicant_mandatorily(application, staff, decide, state, event):
    submitted(application)
    domain.start_review(application=application, by=staff)
    decide(application=application, by=staff)
    application.refresh_from_db()
    assert application.state == state and application.decided_by == staff
    note = Notification.objects.get(recipient=application.applicant, record__event=event)
    assert note.record.mandatory
    assert EmailOutbox.objects.filter(to=application.applicant.email).exists()


def test_applicants_cannot_decide(application):
    submitted(application)
    for action in ("accept", "start_review"):
        response = _admin_action(application.applicant, action, application)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    application.refresh_from_db()
    assert application.state == S.SUBMITTED


def test_a_draft_cannot_be_decided(application, staff):
    with pytest.raises(ValidationError):
        domain.decline_application(application=application, by=staff)


def test_withdraw_until_a_decision(application, staff):
    submitted(application)
    domain.start_review(application=application, by=staff)
    domain.withdraw_application(application=application, by=application.applicant)
    assert application.state == S.WITHDRAWN

    other = factories.ApplicationFactory(state=S.SUBMITTED)
    domain.waitlist_application(application=other, by=staff)
    with pytest.raises(ValidationError, match="decision"):
        domain.withdraw_application(application=other, by=other.applicant)


def test_submitted_application_is_no_longer_editable(application):
    submitted(application)
    application.population = 200_000
    with pytest.raises(ValidationError):
        domain.save_draft(application=application, by=application.applicant)


# --- duplicates and matching -------------------------------------------------------------

def test_the_same_city_cannot_apply_twice_to_a_cohort(application):
    twin = factories.ApplicationFactory.build(
        cohort=application.cohort, applicant=factories.UserFactory(),
        city_name=application.city_name.upper(), country=application.country,
        region=application.region)
    with pytest.raises(ValidationError) as error:
        domain.save_draft(application=twin, by=twin.applicant)
    assert "already applied" in error.value.message_dict["city_name"][0]
    assert not Application.objects.filter(applicant=twin.applicant).exists()


def test_after_a_withdrawal_the_city_may_apply_again(application):
    domain.withdraw_application(application=application, by=application.applicant)
    again = factories.ApplicationFactory.build(
        cohort=application.cohort, applicant=factories.UserFactory(),
        city_name=application.city_name, country=application.country, region=application.region)
    domain.save_draft(application=again, by=again.applicant)
    assert again.pk


def test_an_existing_city_is_matched_not_recreated(staff):
    with scopes_disabled():
        city = factories.CityFactory(name="Riverton", country="US", region="Ohio",
                                     population=100)
    app = factories.ApplicationFactory.build(
        cohort=factories.OpenCohortFactory(), applicant=factories.UserFactory(),
        city_name="riverton", country="united states", region="OHIO", population=300_000)
    domain.save_draft(application=app, by=app.applicant)
    assert app.city == city
    submitted(app)
    domain.accept_application(application=app, by=staff)
    assert City.objects.filter(name__iexact="riverton").count() == 1
    city.refresh_from_db()
    assert city.population == 300_000


def test_a_city_already_enrolled_cannot_apply(staff):
    cohort = factories.OpenCohortFactory()
    with scopes_disabled():
        city = factories.CityFactory(name="Enrolled", country="PE", region="")
        factories.EnrollmentFactory(city=city, cohort=cohort)
    app = factories.ApplicationFactory.build(cohort=cohort, applicant=factories.UserFactory(),
                                             city_name="Enrolled", country="Peru", region="")
    with pytest.raises(ValidationError, match="already enrolled"):
        domain.save_draft(application=app, by=app.applicant)


# --- admission ---------------------------------------------------------------------------

def test_admission_creates_city_enrolls_and_invites_everyone(application, staff):
    submitted(application)
    domain.accept_application(application=application, by=staff)
    application.refresh_from_db()
    city = application.city
    assert city.name == application.city_name and city.population == application.population
    with scopes_disabled():
        assert Enrollment.objects.filter(city=city, cohort=application.cohort).exists()
        roles = dict(Invitation.objects.filter(city=city).values_list("email", "role"))
    expected = {application.mayor_email: Role.MAYOR}
    expected |= {m["email"]: m["role"] for m in application.team}
    assert roles == expected
    for email in expected:
        mail = EmailOutbox.objects.get(to=email, record__event="application.invitation")
        with scopes_disabled():
            token = Invitation.objects.get(email=email).token
        assert f"/invitations/{token}/" in mail.body_text
        assert mail.record.mandatory


def test_capacity_is_enforced_unless_overridden(staff):
    cohort = factories.OpenCohortFactory(capacity=1)
    first, second = (factories.ApplicationFactory(cohort=cohort, state=S.SUBMITTED)
                     for _ in range(2))
    domain.accept_application(application=first, by=staff)
    with pytest.raises(ValidationError) as error:
        domain.accept_application(application=second, by=staff)
    assert "full" in error.value.message_dict["override_capacity"][0]
    second.refresh_from_db()
    assert second.state == S.SUBMITTED
    with scopes_disabled():
        assert Enrollment.objects.filter(cohort=cohort).count() == 1
    domain.accept_application(application=second, by=staff, override_capacity=True)
    with scopes_disabled():
        assert Enrollment.objects.filter(cohort=cohort).count() == 2


def test_admit_city_is_staff_only(application):
    submitted(application)
    response = _admin_action(application.applicant, "accept", application)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    with scopes_disabled():
        assert not Enrollment.objects.filter(cohort=application.cohort).exists()


def test_invited_cdo_accepts_and_becomes_a_member(application, staff, client):
    submitted(application)
    domain.accept_application(application=application, by=staff)
    cdo_email = next(m["email"] for m in application.team if m["role"] == Role.CDO)
    with scopes_disabled():
        invitation = Invitation.objects.get(email=cdo_email)
    user = factories.UserFactory(email=cdo_email)
    client.force_login(user)
    response = client.post(f"/invitations/{invitation.token}/")
    assert response.status_code == 302
    assert response["Location"] == application.city.get_absolute_url()
    with scopes_disabled():
        assert Membership.objects.get(user=user).role == Role.CDO
    assert client.get(response["Location"]).status_code == 200


def test_missing_answers_are_named_at_submission(application):
    application.mayor_email = ""
    application.priorities = "  "
    with pytest.raises(ValidationError) as error:
        submitted(application)
    assert set(error.value.message_dict) == {"mayor_email", "priorities"}
    assert "mayor's e-mail" in error.value.message_dict["mayor_email"][0]
