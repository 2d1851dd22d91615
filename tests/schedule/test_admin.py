"""Staff fill the calendar in the admin too: the same rules, and moves tell the audience."""

from django.test import Client

from notifications.models import Notification
from schedule.models import Session


def _form(town, **changes):
    data = {
        "cohort": town.cohort.pk, "kind": "workshop", "title": "Admin workshop",
        "starts_at_0": "2027-01-12", "starts_at_1": "12:00", "ends_at_0": "2027-01-12",
        "ends_at_1": "13:00", "time_zone": "America/New_York", "audience": "everyone",
        "materials-TOTAL_FORMS": "0", "materials-INITIAL_FORMS": "0",
    }
    return data | changes


def test_a_one_city_session_without_a_city_is_refused_at_the_field(town):
    client = Client()
    client.force_login(town.staff)

    response = client.post("/admin/cohorts/session/add/", _form(town, audience="city"))

    assert response.status_code == 200
    assert "Choose the city this session is for." in response.content.decode()
    assert not Session.objects.exists()


def test_moving_in_the_admin_keeps_the_uid_and_tells_the_audience(town):
    client = Client()
    client.force_login(town.staff)
    client.post("/admin/cohorts/session/add/", _form(town))
    session = Session.objects.get()

    response = client.post(f"/admin/cohorts/session/{session.pk}/change/", _form(
        town, starts_at_0="2027-01-14", ends_at_0="2027-01-14"))

    moved = Session.objects.get()
    assert response.status_code == 302
    assert (moved.uid, moved.sequence, moved.starts_at.day) == (session.uid, 1, 14)
    assert Notification.objects.filter(record__event="session.moved").count() == 5
