"""The portal schedule: what a city sees and how it reads bad input."""

from django.test import Client
from django_scopes import scopes_disabled

from schedule.scheduling import cancel_session
from tests import factories


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_bad_month_is_explained_and_this_month_shown(town):
    response = _client(town.cdo).get(f"/c/{town.city.slug}/schedule/?view=month&month=2027-13")

    assert response.status_code == 200
    assert "“2027-13” is not a month; use YYYY-MM." in response.content.decode()


def test_another_citys_own_session_is_not_found(town):
    with scopes_disabled():
        beta_only = factories.SessionFactory(cohort=town.cohort, audience="city",
                                             city=town.other, title="Beta coaching")
        factories.SessionFactory(cohort=town.cohort, title="For everyone")

    listing = _client(town.cdo).get(f"/c/{town.city.slug}/schedule/").content.decode()
    detail = _client(town.cdo).get(f"/c/{town.city.slug}/schedule/{beta_only.pk}/")

    assert "For everyone" in listing and "Beta coaching" not in listing
    assert detail.status_code == 404


def test_a_cancelled_session_is_marked_and_takes_no_answers(town):
    with scopes_disabled():
        session = factories.SessionFactory(cohort=town.cohort, title="Dropped workshop")
        cancel_session(session=session)
    client = _client(town.cdo)

    listing = client.get(f"/c/{town.city.slug}/schedule/").content.decode()
    answer = client.post(f"/c/{town.city.slug}/schedule/{session.pk}/", {"answer": "yes"})

    assert "Cancelled" in listing
    assert answer.status_code == 400
    assert "This session has been cancelled." in answer.content.decode()
