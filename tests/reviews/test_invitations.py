"""Outside reviewers are invited by e-mail, sign up from the link, and become reviewers with
no city and no staff access."""

from django_scopes import scopes_disabled

from notifications.models import EmailOutbox
from reviews.models import Reviewer
from reviews.reviewers import invite_reviewer
from tests import factories
from tests.reviews.conftest import client_of


def test_an_invited_reviewer_signs_up_from_the_link_and_becomes_a_reviewer(db, client):
    staff = factories.UserFactory(is_staff=True)
    response = client_of(staff).post("/staff/reviewers/", {"email": "Outside@Example.test",
                                                           "name": "Olga Outside"})
    assert response.status_code == 302
    reviewer = Reviewer.objects.get(email="outside@example.test")
    mail = EmailOutbox.objects.get(to="outside@example.test",
                                   record__event="review.invitation")
    assert f"/review/invitations/{reviewer.token}/" in mail.body_text

    assert client.get(f"/review/invitations/{reviewer.token}/").status_code == 200
    signup = client.get("/accounts/signup/")  # open only with the invitation in hand
    assert signup.status_code == 200 and b"password1" in signup.content
    client.post("/accounts/signup/", {"email": "outside@example.test",
                                      "password1": "a-long-secret-42", "password2":
                                      "a-long-secret-42"})

    reviewer.refresh_from_db()
    assert reviewer.user is not None and reviewer.user.email == "outside@example.test"
    with scopes_disabled():
        assert not reviewer.user.is_staff and not reviewer.user.memberships.exists()


def test_signing_up_is_closed_without_an_invitation(db, client):
    assert b"password1" not in client.get("/accounts/signup/").content


def test_someone_else_cannot_accept_a_reviewer_invitation(db):
    staff = factories.UserFactory(is_staff=True)
    reviewer = invite_reviewer(email="invited@example.test", by=staff)
    intruder = factories.UserFactory(email="intruder@example.test")

    response = client_of(intruder).post(f"/review/invitations/{reviewer.token}/")

    assert response.status_code == 400
    reviewer.refresh_from_db()
    assert reviewer.user is None
