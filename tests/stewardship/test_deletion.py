"""A person deletes their account: their personal data goes, their city's records stay and
show a "Former member"; the only administrator of a team must hand over first."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled
from rest_framework.authtoken.models import Token

from accounts.models import Membership, Role
from coaching.models import ActionItem, CheckIn
from notifications.models import Notification, NotificationPreference
from notifications.services import notify
from schedule.models import Attendance, HoursEntry, Rsvp
from showcases.models import Showcase
from stewardship.deletion import delete_account
from strategy.models import StrategyVersion
from tests import factories
from tests.factories import PASSWORD

User = get_user_model()


def _reload(user):
    return User.objects.get(pk=user.pk)


@pytest.fixture
def leaver(world):
    """City A's CDO (not an administrator), with devices, a token, mail and answers."""
    user = world.users["member_a"]
    with scopes_disabled():
        Membership.objects.filter(user=user).update(is_city_admin=False)
        past = factories.SessionFactory(
            cohort=world.cohort,
            audience="city",
            city=world.city,
            starts_at=timezone.now() - datetime.timedelta(days=30),
            ends_at=timezone.now() - datetime.timedelta(days=30, hours=-1),
        )
        factories.RsvpFactory(session=past, city=world.city, user=user)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    Token.objects.create(user=user)
    NotificationPreference.objects.create(user=user, category="sessions", delivery="in_app")
    notify(
        "program.announcement",
        recipients=[user],
        category="sessions",
        context={"subject": "Hello", "body": "Welcome", "announcement": None},
    )
    return user


def test_a_person_deletes_their_account_with_their_password(world, leaver):
    email = leaver.email
    elsewhere = Client()
    elsewhere.force_login(leaver)  # signed in on another device too
    client = Client()
    client.force_login(leaver)
    response = client.post("/account/delete/", {"password": PASSWORD}, follow=True)
    assert "Your account has been deleted." in response.content.decode()

    user = _reload(leaver)
    assert user.email.endswith("@deleted.invalid") and email not in user.email
    assert user.name == "" and not user.is_active and not user.has_usable_password()
    assert str(user) == "Former member"
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    assert not Token.objects.filter(user=user).exists()
    assert not Notification.objects.filter(recipient=user).exists()
    assert not NotificationPreference.objects.filter(user=user).exists()
    from django.contrib.sessions.models import Session

    assert not [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    assert "Sign in" in elsewhere.get("/").content.decode()
    assert not Client().login(email=email, password=PASSWORD)


def test_the_city_keeps_its_records_with_a_former_member(world, leaver, client_as):
    delete_account(user=leaver)
    with scopes_disabled():
        assert not Membership.objects.filter(user=leaver).exists()
        checkin = CheckIn.objects.get(pk=world.extra["a"]["checkin"].pk)
        assert list(checkin.attendees.all()) == [leaver]
        assert Showcase.objects.get(pk=world.extra["a"]["showcase"].pk).created_by == leaver
        assert (
            StrategyVersion.objects.get(strategy=world.extra["a"]["strategy"]).submitted_by
            == leaver
        )
        assert Attendance.objects.filter(user=leaver).count() == 1
        assert HoursEntry.objects.filter(user=leaver).count() == 1
        # Answers to past sessions stay; to sessions still to come they go.
        assert [r.session.starts_at < timezone.now() for r in Rsvp.objects.filter(user=leaver)] == [
            True
        ]
        # Open action items go back to the team to reassign.
        assert ActionItem.objects.get(title="ALPHA action").owner is None
    page = client_as("mayor_a").get(f"/c/{world.city.slug}/coaching/checkins/{checkin.pk}/")
    assert page.status_code == 200
    assert "Former member" in page.content.decode()
    assert leaver.email not in page.content.decode()


def test_a_wrong_password_deletes_nothing(world, leaver):
    client = Client()
    client.force_login(leaver)
    response = client.post("/account/delete/", {"password": "not-it"})
    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    assert _reload(leaver).is_active and _reload(leaver).email == leaver.email


def test_the_only_administrator_must_hand_over_first(world):
    admin = world.users["member_a"]  # the only administrator of city A (see conftest)
    client = Client()
    client.force_login(admin)
    page = client.get("/account/delete/").content.decode()
    assert "You are the only administrator of Alphaville" in page
    response = client.post("/account/delete/", {"password": PASSWORD})
    assert response.status_code == 400
    assert _reload(admin).is_active
    with scopes_disabled():
        Membership.objects.filter(user=world.users["mayor_a"]).update(is_city_admin=True)
    response = client.post("/account/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not _reload(admin).is_active


def test_the_last_person_of_a_team_may_leave(db):
    with scopes_disabled():
        alone = factories.MembershipFactory(role=Role.CDO, is_city_admin=True).user
    delete_account(user=alone)
    assert not _reload(alone).is_active


def test_an_account_is_deleted_only_once(world, leaver):
    delete_account(user=leaver)
    with pytest.raises(ValidationError):
        delete_account(user=_reload(leaver))


def test_staff_delete_accounts_from_the_admin(world, leaver, client_as):
    admin_of_a = world.users["member_a"]
    with scopes_disabled():
        Membership.objects.filter(user=world.users["mayor_a"]).update(is_city_admin=False)
        Membership.objects.filter(user=admin_of_a).update(is_city_admin=True)
    other = world.users["coach_b"]
    response = client_as("staff").post(
        "/admin/accounts/user/",
        {
            "action": "delete_accounts",
            "_selected_action": [admin_of_a.pk, other.pk],
        },
        follow=True,
    )
    body = response.content.decode()
    assert "1 account deleted." in body
    assert "only administrator of Alphaville" in body
    assert _reload(admin_of_a).is_active
    assert not _reload(other).is_active and str(_reload(other)) == "Former member"
