"""The .ics of one session and the e-mail attachment that carries it.

Moved from tests/notifications/test_digest_and_calendar.py when notifications/calendar.py
(code no one called) went: the same assertions, on the functions sessions use.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from icalendar import Calendar

from notifications.models import EmailOutbox
from notifications.services import notify
from schedule.calendar import session_ics
from schedule.notices import ics_attachment
from schedule.scheduling import cancel_session, move_session
from tests import factories

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def _session():
    return factories.SessionFactory(
        title="Convening, day 1", description="Mayors attend in person.", location="City Hall",
        starts_at=START, ends_at=START + timedelta(hours=2),
    )


def test_ics_has_a_stable_uid_the_sequence_and_the_method(no_scope):
    session = _session()
    calendar = Calendar.from_ical(session_ics(session=session))
    assert calendar["METHOD"] == "PUBLISH"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == session.uid
    assert int(event["SEQUENCE"]) == session.sequence
    assert event.decoded("DTSTART") == START
    assert str(event["LOCATION"]) == "City Hall"
    move_session(session=session, starts_at=START + timedelta(days=1))
    moved = Calendar.from_ical(session_ics(session=session)).walk("VEVENT")[0]
    assert str(moved["UID"]) == session.uid
    assert int(moved["SEQUENCE"]) == int(event["SEQUENCE"]) + 1


def test_a_cancellation_is_a_cancel(no_scope):
    session = _session()
    cancel_session(session=session)
    calendar = Calendar.from_ical(session_ics(session=session))
    assert calendar["METHOD"] == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_a_session_mail_carries_the_ics(no_scope, django_capture_on_commit_callbacks):
    user = factories.UserFactory()
    session = _session()
    with django_capture_on_commit_callbacks(execute=True):
        notify("program.announcement", recipients=[user], category="sessions",
               context={"subject": "Session scheduled", "body": "…"},
               attachments=[ics_attachment(session=session)])
    message = mail.outbox[0].message()
    calendars = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(calendars) == 1
    assert calendars[0].get_param("method") == "PUBLISH"
    assert f"UID:{session.uid}" in calendars[0].get_payload(decode=True).decode()
    assert EmailOutbox.objects.get().attachments[0]["filename"] == f"session-{session.pk}.ics"
