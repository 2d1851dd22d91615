"""The token endpoint: brute force, the shared sign-in lockout, two-factor and unconfirmed
e-mail addresses (issue 18)."""

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django_scopes import scopes_disabled
from rest_framework.authtoken.models import Token

from applications.models import Application, ApplicationState
from tests import factories
from tests.factories import PASSWORD, UserFactory
from tests.tenancy import build_world
from tests.totp import current_code

pytestmark = pytest.mark.django_db
SECRET = "JBSWY3DPEHPK3PXP"


def _token(client, **body):
    headers = {}
    if "forwarded_for" in body:
        headers["HTTP_X_FORWARDED_FOR"] = body.pop("forwarded_for")
    return client.post("/api/v1/auth/token/", body, content_type="application/json", **headers)


def _form_login(client, email, password):
    return client.post("/accounts/login/", {"login": email, "password": password})


def _current_code():
    return current_code(SECRET)


def test_a_new_forwarded_for_value_on_each_try_does_not_escape_the_limit(client):
    statuses = [
        _token(client, email=f"guess{n}@example.test", password="guess",
               forwarded_for=f"203.0.113.{n}").status_code
        for n in range(12)
    ]
    assert statuses[:10] == [400] * 10
    assert statuses[-1] == 429


def test_an_account_the_form_locked_gets_no_token_even_with_the_right_password(client):
    user = UserFactory()
    for _attempt in range(5):
        _form_login(client, user.email, "wrong")
    response = _token(Client(REMOTE_ADDR="198.51.100.7"), email=user.email, password=PASSWORD)
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.json()["detail"]
    assert not Token.objects.filter(user=user).exists()


def test_failures_at_the_token_endpoint_lock_the_sign_in_form(client):
    user = UserFactory()
    for _attempt in range(5):
        assert _token(client, email=user.email.upper(), password="wrong").status_code == 400
    response = _form_login(Client(REMOTE_ADDR="198.51.100.7"), user.email, PASSWORD)
    assert response.status_code == 200  # the form again, not a redirect into the portal
    assert "Too many failed login attempts" in response.content.decode()


def test_a_right_password_does_not_reset_the_count(client):
    user = UserFactory()
    for _attempt in range(4):
        _token(client, email=user.email, password="wrong")
    assert _token(client, email=user.email, password=PASSWORD).status_code == 200
    _token(client, email=user.email, password="wrong")
    assert _token(client, email=user.email, password=PASSWORD).status_code == 429


def test_wrong_or_missing_authenticator_codes_count_as_failures(client):
    user = UserFactory()
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    missing = _token(client, email=user.email, password=PASSWORD)
    assert missing.status_code == 400
    assert "authenticator" in missing.json()["code"][0]
    for _attempt in range(4):
        assert _token(client, email=user.email, password=PASSWORD, code="000000").status_code == 400
    locked = _token(client, email=user.email, password=PASSWORD, code=_current_code())
    assert locked.status_code == 429
    assert not Token.objects.filter(user=user).exists()


def test_the_current_code_gives_a_token(client):
    user = UserFactory()
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    response = _token(client, email=user.email, password=PASSWORD, code=_current_code())
    assert response.status_code == 200, response.content


def test_a_token_of_a_coach_who_must_set_up_two_factor_does_nothing(settings):
    world = build_world()
    coach = world.users["coach_a"]
    with scopes_disabled():
        factories.CheckInFactory(city=world.city, private_notes="Between us.")
    token = Token.objects.create(user=coach)  # issued before two-factor was required
    settings.CIVIC_REQUIRE_MFA = True
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    for path in ("/api/v1/cities/alphaville/checkins/", "/api/v1/cities/",
                 "/api/v1/applications/", "/api/v1/cities/alphaville/action-items/"):
        response = api.get(path)
        assert response.status_code == 403, path
        assert response.json() == {
            "detail": "Set up two-factor authentication before using the API."
        }
        assert "Between us." not in response.content.decode()
    Authenticator.objects.create(user=coach, type=Authenticator.Type.TOTP, data={"secret": SECRET})
    assert api.get("/api/v1/cities/alphaville/checkins/").status_code == 200


def test_every_api_view_refuses_people_who_must_set_up_two_factor():
    """Class-level: every API view authenticates only through classes that enforce
    two-factor set-up (or authenticates nobody, like the token endpoint)."""
    from accounts.authentication import RequireMFAMixin
    from tests.accounts.api_views import api_view_classes

    views = api_view_classes()
    assert len(views) > 10
    for path, view in views:
        for authentication in view().get_authenticators():
            assert isinstance(authentication, RequireMFAMixin), (path, authentication)


def test_an_unconfirmed_address_gets_no_token(client):
    user = UserFactory(verified=False)
    response = _token(client, email=user.email, password=PASSWORD)
    assert response.status_code == 400
    assert "Confirm this e-mail address first" in response.json()["email"][0]
    assert not Token.objects.filter(user=user).exists()


def test_an_unconfirmed_address_cannot_submit_an_application_through_the_api():
    application = factories.ApplicationFactory(applicant=UserFactory(verified=False),
                                               population=200_000)
    token = Token.objects.create(user=application.applicant)  # issued before the fix
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.post(f"/api/v1/applications/{application.pk}/submit/")
    assert response.status_code == 400
    assert "Confirm your e-mail address before submitting" in str(response.json())
    application.refresh_from_db()
    assert application.state == ApplicationState.DRAFT
    assert Application.objects.filter(state=ApplicationState.SUBMITTED).count() == 0
