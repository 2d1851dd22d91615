"""An invitation link, opened by someone not signed in, sends them on to sign up with the
invited address filled in, exactly as invited: an address with ``+`` (``ana+cdo@…``) came
out of a hand-built query string as ``ana cdo@…``, which the sign-up then refused."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from accounts.invitations import invite_member
from accounts.models import Role
from reviews.reviewers import invite_reviewer
from tests.factories import CityFactory, UserFactory

ADDRESS = "ana+cdo&team=x@example.test"


def _city_invitation():
    invitation = invite_member(city=CityFactory(), email=ADDRESS, role=Role.CDO)
    return f"/invitations/{invitation.token}/"


def _reviewer_invitation():
    reviewer = invite_reviewer(email=ADDRESS, by=UserFactory(is_staff=True))
    return f"/review/invitations/{reviewer.token}/"


@pytest.mark.parametrize("link", [_city_invitation, _reviewer_invitation],
                         ids=["city team", "review panel"])
def test_the_invitation_sends_the_exact_address_on_to_sign_up(link, db):
    response = Client().post(link())
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == "/accounts/signup/"
    assert parse_qs(target.query) == {"email": [ADDRESS]}
