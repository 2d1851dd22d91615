import pytest
from allauth.mfa.models import Authenticator
from django_scopes import scopes_disabled

from tests.factories import PASSWORD, CityFactory, MembershipFactory, UserFactory
from tests.totp import current_code

pytestmark = pytest.mark.django_db


def _token(client, **body):
    return client.post("/api/v1/auth/token/", body, content_type="application/json")


def test_email_and_password_give_a_token_that_authenticates(client):
    with scopes_disabled():
        member = MembershipFactory(city=CityFactory(slug="mine")).user
    CityFactory(slug="theirs")
    response = _token(client, email=member.email, password=PASSWORD)
    assert response.status_code == 200
    token = response.json()["token"]
    listing = client.get("/api/v1/cities/", HTTP_AUTHORIZATION=f"Token {token}").json()
    assert listing["count"] == 1
    assert set(listing) == {"count", "next", "previous", "results"}
    assert listing["results"][0]["slug"] == "mine"


def test_wrong_password_is_a_json_error_on_the_field(client):
    user = UserFactory()
    response = _token(client, email=user.email, password="wrong")
    assert response.status_code == 400
    assert "password" in response.json()


def test_missing_fields_are_named(client):
    response = _token(client)
    assert response.status_code == 400
    assert set(response.json()) == {"email", "password"}


def test_a_user_with_totp_needs_the_current_code(client):
    user = UserFactory()
    secret = "JBSWY3DPEHPK3PXP"
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": secret})
    assert _token(client, email=user.email, password=PASSWORD).status_code == 400
    code = current_code(secret)
    response = _token(client, email=user.email, password=PASSWORD, code=code)
    assert response.status_code == 200, response.content


def test_staff_without_totp_get_no_token_when_mfa_is_required(client, settings):
    settings.CIVIC_REQUIRE_MFA = True
    staff = UserFactory(is_staff=True)
    response = _token(client, email=staff.email, password=PASSWORD)
    assert response.status_code == 400
    assert "code" in response.json()


def test_unknown_city_and_invisible_city_look_the_same(client):
    with scopes_disabled():
        member = MembershipFactory().user
    other = CityFactory(slug="hidden")
    client.force_login(member)
    hidden = client.get(f"/api/v1/cities/{other.slug}/")
    missing = client.get("/api/v1/cities/does-not-exist/")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
