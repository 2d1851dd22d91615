import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django_scopes import scopes_disabled

from accounts.invitations import accept_invitation, invite_member
from accounts.models import Membership, Role, User
from tests.factories import PASSWORD, CityFactory, UserFactory

pytestmark = pytest.mark.django_db


def _signup(client, email, password="A-long-enough-passphrase-42"):
    return client.post(
        "/accounts/signup/", {"email": email, "password1": password, "password2": password}
    )


def test_signup_without_an_invitation_is_closed(client):
    response = _signup(client, "stranger@example.test")
    assert not User.objects.filter(email="stranger@example.test").exists()
    assert b"Sign Up Closed" in response.content or response.status_code in (302, 403)


def test_invited_person_signs_up_joins_the_city_and_lands_on_its_home(client):
    city = CityFactory(name="Riverbend", slug="riverbend")
    invitation = invite_member(city=city, email="New.CDO@example.test", role=Role.CDO)

    page = client.get(f"/invitations/{invitation.token}/")
    assert page.status_code == 200
    assert "Riverbend" in page.content.decode()
    client.post(f"/invitations/{invitation.token}/")
    response = _signup(client, "new.cdo@example.test")

    user = User.objects.get(email="new.cdo@example.test")
    with scopes_disabled():
        membership = Membership.objects.get(user=user)
    assert (membership.city, membership.role) == (city, Role.CDO)
    assert EmailAddress.objects.get(user=user).verified
    assert response.status_code == 302
    landing = client.get(response["Location"], follow=True)
    assert landing.redirect_chain[-1][0] == "/c/riverbend/"
    assert not mail.outbox or all("confirm" not in m.subject.lower() for m in mail.outbox)


def test_an_invitation_cannot_be_accepted_by_another_address(client):
    city = CityFactory()
    invitation = invite_member(city=city, email="mayor@example.test", role=Role.MAYOR)
    someone_else = UserFactory(email="intruder@example.test")
    client.force_login(someone_else)
    response = client.post(f"/invitations/{invitation.token}/")
    assert "was sent to mayor@example.test" in response.content.decode()
    with scopes_disabled():
        assert not Membership.objects.filter(user=someone_else).exists()


def test_an_accepted_invitation_cannot_be_reused(client):
    city = CityFactory()
    invitation = invite_member(city=city, email="a@example.test", role=Role.POLICY_LEAD)
    accept_invitation(invitation=invitation, user=UserFactory(email="a@example.test"))
    assert client.get(f"/invitations/{invitation.token}/").status_code == 404


def test_inviting_twice_renews_the_open_invitation():
    city = CityFactory()
    first = invite_member(city=city, email="x@example.test", role=Role.CDO)
    second = invite_member(city=city, email="X@example.test", role=Role.EQUITY_LEAD)
    assert first.pk == second.pk
    assert second.role == Role.EQUITY_LEAD


def test_existing_member_signs_in_and_accepts(client):
    city = CityFactory(slug="second-city")
    user = UserFactory(email="both@example.test")
    invitation = invite_member(city=city, email=user.email, role=Role.COMMUNICATIONS_LEAD)
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    response = client.post(f"/invitations/{invitation.token}/")
    assert response.status_code == 302 and response["Location"] == "/c/second-city/"


def test_an_invited_cdo_becomes_the_citys_chief_data_officer():
    city = CityFactory()
    invitation = invite_member(city=city, email="cdo@example.test", role=Role.CDO)
    user = UserFactory(email="cdo@example.test")
    accept_invitation(invitation=invitation, user=user)
    city.refresh_from_db()
    assert city.chief_data_officer == user


def test_the_invitation_page_names_the_address_to_sign_in_with(client):
    invitation = invite_member(city=CityFactory(name="Riverbend"), email="cdo@example.test",
                               role=Role.CDO)
    page = client.get(f"/invitations/{invitation.token}/").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Sign in with cdo@example.test and open this link again." in text
    assert f'?next=/invitations/{invitation.token}/"' in page
