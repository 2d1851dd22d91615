"""Staff type and read a session's times in the session's own zone, wherever they enter
them: the admin's add and change forms, the staff session page (move, duplicate, series)
and the admin's copy actions. Program staff here live in New York (UTC-5 in January); the
session is planned in Mexico City (UTC-6): 13:30 typed must stay 13:30 in Mexico City.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from notifications.models import Notification
from schedule.models import Session
from schedule.scheduling import schedule_session
from tests.schedule.conftest import at

MEXICO_CITY = ZoneInfo("America/Mexico_City")


def _form(town, **changes):
    data = {
        "cohort": town.cohort.pk, "kind": "workshop", "title": "Admin workshop",
        "starts_at_0": "2027-01-12", "starts_at_1": "13:30", "ends_at_0": "2027-01-12",
        "ends_at_1": "15:00", "time_zone": "America/Mexico_City", "audience": "everyone",
        "materials-TOTAL_FORMS": "0", "materials-INITIAL_FORMS": "0",
    }
    return data | changes


def _in_mexico_city(town, hour=13, minute=30):
    start = at(2027, 1, 12, hour, minute, zone=MEXICO_CITY)
    return schedule_session(
        cohort=town.cohort, kind="workshop", title="Admin workshop", starts_at=start,
        ends_at=start + datetime.timedelta(minutes=90), time_zone="America/Mexico_City",
    )


def _value(html, name):
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    assert match, f"no input {name}"
    return re.search(r'value="([^"]*)"', match.group(0)).group(1)


@pytest.fixture
def staff_client(town):
    assert town.staff.time_zone == "America/New_York"
    client = Client()
    client.force_login(town.staff)
    return client


def test_the_admin_reads_a_new_sessions_times_in_its_own_zone(town, staff_client):
    response = staff_client.post("/admin/cohorts/session/add/", _form(town))

    assert response.status_code == 302
    session = Session.objects.get()
    assert session.starts_at == at(2027, 1, 12, 13, 30, zone=MEXICO_CITY)
    assert session.ends_at == at(2027, 1, 12, 15, zone=MEXICO_CITY)


@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
def test_the_admin_change_form_shows_the_sessions_own_time(town, staff_client, language):
    town.staff.language = language
    town.staff.save(update_fields=["language"])
    session = _in_mexico_city(town)

    page = staff_client.get(f"/admin/cohorts/session/{session.pk}/change/").content.decode()

    assert (_value(page, "starts_at_0"), _value(page, "starts_at_1")) == ("2027-01-12", "13:30")
    assert (_value(page, "ends_at_0"), _value(page, "ends_at_1")) == ("2027-01-12", "15:00")


def test_saving_the_change_form_untouched_does_not_move_the_session(town, staff_client):
    session = _in_mexico_city(town)

    response = staff_client.post(f"/admin/cohorts/session/{session.pk}/change/",
                                 _form(town, title="Renamed"))

    moved = Session.objects.get()
    assert response.status_code == 302
    assert (moved.title, moved.starts_at, moved.sequence) == (
        "Renamed", session.starts_at, 0)
    assert not Notification.objects.filter(record__event="session.moved").exists()


def test_changing_the_zone_keeps_the_wall_clock_time_and_tells_the_audience(town,
                                                                            staff_client):
    session = _in_mexico_city(town)
    page = staff_client.get(f"/admin/cohorts/session/{session.pk}/change/").content.decode()
    assert "Changing the zone keeps the wall-clock times" in page

    response = staff_client.post(f"/admin/cohorts/session/{session.pk}/change/",
                                 _form(town, time_zone="America/New_York"))

    moved = Session.objects.get()
    assert response.status_code == 302
    assert (moved.time_zone, moved.starts_at) == ("America/New_York", at(2027, 1, 12, 13, 30))
    assert (moved.uid, moved.sequence) == (session.uid, 1)
    assert Notification.objects.filter(record__event="session.moved").exists()


def test_a_time_the_clocks_skip_is_refused_at_the_field(town, staff_client):
    response = staff_client.post("/admin/cohorts/session/add/", _form(
        town, time_zone="America/New_York", starts_at_0="2027-03-14", starts_at_1="02:30",
        ends_at_0="2027-03-14", ends_at_1="04:00"))

    assert response.status_code == 200
    assert "This time does not exist on that day" in response.content.decode()
    assert not Session.objects.exists()


def test_the_staff_page_refuses_a_time_the_clocks_skip(town, staff_client):
    session = schedule_session(
        cohort=town.cohort, kind="workshop", title="Workshop", starts_at=at(2027, 3, 10, 9),
        ends_at=at(2027, 3, 10, 10), time_zone="America/New_York",
    )

    response = staff_client.post(f"/staff/sessions/{session.pk}/", {
        "action": "move", "move-date": "2027-03-14", "move-time": "02:30"})

    assert response.status_code == 400
    assert "This time does not exist on that day" in response.content.decode()
    assert Session.objects.get().starts_at == at(2027, 3, 10, 9)


def test_calendar_fields_are_read_only_in_the_admin(town, staff_client):
    session = _in_mexico_city(town)
    page = staff_client.get(f"/admin/cohorts/session/{session.pk}/change/").content.decode()
    assert session.uid in page
    assert 'name="uid"' not in page and 'name="sequence"' not in page

    staff_client.post(f"/admin/cohorts/session/{session.pk}/change/",
                      _form(town, uid="forged@elsewhere", sequence="99"))

    after = Session.objects.get()
    assert (after.uid, after.sequence) == (session.uid, 0)


def test_the_admin_list_shows_the_start_in_the_sessions_zone(town, staff_client):
    _in_mexico_city(town)

    page = staff_client.get("/admin/cohorts/session/").content.decode()

    assert "2027-01-12 13:30 America/Mexico_City" in page


def test_the_staff_session_page_shows_and_reads_the_sessions_own_time(town, staff_client):
    session = _in_mexico_city(town)

    page = staff_client.get(f"/staff/sessions/{session.pk}/").content.decode()
    moved = staff_client.post(f"/staff/sessions/{session.pk}/", {
        "action": "move", "move-date": "2027-01-13", "move-time": "14:00"})
    copied = staff_client.post(f"/staff/sessions/{session.pk}/", {
        "action": "duplicate", "duplicate-date": "2027-01-20", "duplicate-time": "09:15"})

    assert (_value(page, "move-date"), _value(page, "move-time")) == ("2027-01-12", "13:30")
    assert (_value(page, "duplicate-date"), _value(page, "duplicate-time")) == (
        "2027-01-19", "13:30")
    assert (moved.status_code, copied.status_code) == (302, 302)
    starts = sorted(s.starts_at for s in Session.objects.all())
    assert starts == [at(2027, 1, 13, 14, zone=MEXICO_CITY),
                      at(2027, 1, 20, 9, 15, zone=MEXICO_CITY)]


def test_series_and_admin_copies_keep_the_wall_clock_time_in_the_sessions_zone(
        town, staff_client):
    session = _in_mexico_city(town)

    staff_client.post(f"/staff/sessions/{session.pk}/", {"action": "series",
                                                          "series-weeks": "2"})
    staff_client.post("/admin/cohorts/session/", {
        "action": "duplicate_next_week", "_selected_action": [session.pk]})

    local = sorted((s.starts_at.astimezone(MEXICO_CITY).date().isoformat(),
                    f"{s.starts_at.astimezone(MEXICO_CITY):%H:%M}")
                   for s in Session.objects.all())
    assert local == [("2027-01-12", "13:30"), ("2027-01-19", "13:30"),
                     ("2027-01-19", "13:30")]


def test_the_showcase_schedule_lists_sessions_at_their_own_time(town):
    from showcases.forms import ScheduleForm

    session = _in_mexico_city(town)

    form = ScheduleForm(sessions=[session])

    assert dict(form.fields["session"].choices)[session.pk] == (
        "Admin workshop — 2027-01-12 13:30 America/Mexico_City")
