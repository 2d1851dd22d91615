import pytest
from allauth.mfa.models import Authenticator
from django_scopes import scopes_disabled

from accounts.models import Role
from tests.factories import (
    PASSWORD,
    CoachAssignmentFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_login_by_email_lands_a_member_on_their_city(client):
    with scopes_disabled():
        member = MembershipFactory(role=Role.MAYOR, city__slug="hometown").user
    response = client.post(
        "/accounts/login/", {"login": member.email.upper(), "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/c/hometown/"


def test_wrong_password_is_refused_with_a_message(client):
    user = UserFactory()
    response = client.post("/accounts/login/", {"login": user.email, "password": "nope"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()


def test_staff_must_set_up_totp_when_required(client, settings):
    settings.CIVIC_REQUIRE_MFA = True
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    for path in ("/staff/", "/admin/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/api/v1/cities/").status_code == 403


def test_coach_must_set_up_totp_when_required_but_city_members_need_not(client, settings):
    settings.CIVIC_REQUIRE_MFA = True
    with scopes_disabled():
        coach = CoachAssignmentFactory().coach
        member = MembershipFactory().user
    client.force_login(coach)
    assert client.get("/coach/")["Location"] == "/accounts/2fa/totp/activate/"
    client.force_login(member)
    assert client.get("/").status_code == 302
    assert client.get("/").headers["Location"].startswith("/c/")


def test_staff_with_totp_passes(client, settings):
    settings.CIVIC_REQUIRE_MFA = True
    staff = UserFactory(is_staff=True)
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(staff)
    assert client.get("/staff/").status_code == 200


def test_mfa_is_off_in_the_local_demo(client, settings):
    assert settings.CIVIC_REQUIRE_MFA is False
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/staff/").status_code == 200


def test_an_applicant_without_a_city_lands_on_their_applications(client):
    from tests.factories import ApplicationFactory

    application = ApplicationFactory()
    client.force_login(application.applicant)
    assert client.get("/")["Location"] == "/apply/applications/"


def test_a_person_with_no_city_and_no_application_is_told_how_to_join(client):
    client.force_login(UserFactory())
    assert "Open the invitation" in client.get("/").content.decode()
