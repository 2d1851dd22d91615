"""The personal calendar feed and the per-session .ics download."""

import datetime

import icalendar
from django.test import Client
from django_scopes import scopes_disabled

from schedule.scheduling import cancel_session, move_session, schedule_session
from tests import factories
from tests.schedule.conftest import at


def _schedule(town, title, starts_at, **extra):
    return schedule_session(
        cohort=town.cohort, kind="keynote", title=title, starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1), **extra,
    )


def _events(content):
    calendar = icalendar.Calendar.from_ical(content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_has_one_event_per_session_of_the_users_cohort(town):
    sessions = [_schedule(town, f"Keynote {n}", at(2027, 1, 5 + n, 12)) for n in range(3)]
    own = _schedule(town, "Alpha only", at(2027, 1, 20, 9), audience="city", city=town.city)
    _schedule(town, "Beta only", at(2027, 1, 21, 9), audience="city", city=town.other)
    with scopes_disabled():
        elsewhere = factories.SessionFactory(title="Another cohort's session")

    response = Client().get(f"/calendar/{town.cdo.calendar_token}.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = _events(response.content)
    assert set(events) == {s.uid for s in [*sessions, own]}
    assert elsewhere.uid not in events
    assert [str(e["SUMMARY"]) for e in events.values()].count("Keynote 0") == 1


def test_uids_are_stable_and_a_moved_session_keeps_its_uid(town):
    session = _schedule(town, "Keynote", at(2027, 2, 2, 12))
    url = f"/calendar/{town.cdo.calendar_token}.ics"
    before = _events(Client().get(url).content)

    move_session(session=session, starts_at=at(2027, 2, 4, 15))
    after = _events(Client().get(url).content)

    assert set(before) == set(after) == {session.uid}
    event = after[session.uid]
    assert event.decoded("DTSTART") == at(2027, 2, 4, 15)
    assert int(event["SEQUENCE"]) == int(before[session.uid]["SEQUENCE"]) + 1


def test_a_cancelled_session_stays_in_the_feed_marked_cancelled(town):
    session = _schedule(town, "Keynote", at(2027, 2, 2, 12))
    cancel_session(session=session, reason="Speaker ill")

    event = _events(Client().get(f"/calendar/{town.cdo.calendar_token}.ics").content)[session.uid]

    assert str(event["STATUS"]) == "CANCELLED"


def test_a_regenerated_token_retires_the_old_feed_address(town):
    old = town.cdo.calendar_token
    client = Client()
    client.force_login(town.cdo)

    response = client.post("/calendar/")
    town.cdo.refresh_from_db()

    assert response.status_code == 302
    assert town.cdo.calendar_token != old
    assert Client().get(f"/calendar/{old}.ics").status_code == 404
    assert Client().get(f"/calendar/{town.cdo.calendar_token}.ics").status_code == 200
    page = client.get("/calendar/").content.decode()
    assert f"/calendar/{town.cdo.calendar_token}.ics" in page


def test_the_session_download_is_one_event_with_the_sessions_uid(town):
    session = _schedule(town, "Keynote", at(2027, 2, 2, 12))
    client = Client()
    client.force_login(town.cdo)

    response = client.get(f"/c/{town.city.slug}/schedule/{session.pk}/ics")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert list(_events(response.content)) == [session.uid]


def test_each_persons_feed_carries_the_sessions_they_are_invited_to(town):
    keynote = _schedule(town, "Senior teams' keynote", at(2027, 1, 5, 12),
                        audience="senior_teams")
    mayors = _schedule(town, "Mayors' call", at(2027, 1, 6, 17), audience="mayors")
    everyone = _schedule(town, "Workshop", at(2027, 1, 7, 12))
    own = _schedule(town, "Alpha coaching", at(2027, 1, 8, 9), audience="city", city=town.city)
    client = Client()

    mayor = set(_events(client.get(f"/calendar/{town.mayor.calendar_token}.ics").content))
    cdo = set(_events(client.get(f"/calendar/{town.cdo.calendar_token}.ics").content))

    assert mayor == {mayors.uid, everyone.uid, own.uid}  # no senior-team-only keynote
    assert cdo == {keynote.uid, everyone.uid, own.uid}  # no mayors-only call


def test_the_whole_cohort_on_request(town):
    keynote = _schedule(town, "Senior teams' keynote", at(2027, 1, 5, 12),
                        audience="senior_teams")
    mayors = _schedule(town, "Mayors' call", at(2027, 1, 6, 17), audience="mayors")
    _schedule(town, "Beta only", at(2027, 1, 8, 9), audience="city", city=town.other)
    client = Client()

    feed = client.get(f"/calendar/{town.mayor.calendar_token}.ics?sessions=all")
    other = client.get(f"/calendar/{town.mayor.calendar_token}.ics?sessions=nonsense")

    assert set(_events(feed.content)) == {keynote.uid, mayors.uid}  # still not Beta's own
    assert set(_events(other.content)) == {mayors.uid}


def test_the_settings_page_documents_the_whole_cohort_address(town):
    client = Client()
    client.force_login(town.mayor)

    page = client.get("/calendar/").content.decode()

    assert f"/calendar/{town.mayor.calendar_token}.ics?sessions=all" in page
    assert "sessions you are invited to" in page
