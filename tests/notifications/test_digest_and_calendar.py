"""The daily digest and the .ics attachments."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from icalendar import Calendar

from notifications.calendar import CalendarEvent, build_ics, ics_attachment
from notifications.digest import send_daily_digests
from notifications.models import Delivery, EmailOutbox, Notification
from notifications.services import notify, set_preferences
from tests import factories

pytestmark = pytest.mark.django_db


def announce(user, subject):
    notify("program.announcement", recipients=[user], category="coaching",
           context={"subject": subject, "body": "…"})


def test_digest_readers_get_one_mail_with_everything_since_the_last(no_scope, send_on_commit):
    reader = factories.UserFactory()
    other = factories.UserFactory()
    set_preferences(user=reader, deliveries={"coaching": Delivery.DAILY_DIGEST})
    with send_on_commit():
        announce(reader, "Check-in logged")
        announce(reader, "Action item assigned")
        announce(other, "Check-in logged")  # e-mailed immediately, not in a digest
    assert [m.to for m in mail.outbox] == [[other.email]]
    mail.outbox.clear()
    with send_on_commit():
        assert send_daily_digests() == 1
        assert send_daily_digests() == 0  # nothing new: no second digest
    [digest] = mail.outbox
    assert digest.to == [reader.email]
    assert "2 updates" in digest.subject
    assert "Check-in logged" in digest.body and "Action item assigned" in digest.body
    assert not Notification.objects.filter(recipient=reader, digested_at__isnull=True).exists()


def test_in_app_only_readers_get_no_digest(no_scope, send_on_commit):
    quiet = factories.UserFactory()
    set_preferences(user=quiet, deliveries={"coaching": Delivery.IN_APP})
    with send_on_commit():
        announce(quiet, "Check-in logged")
        assert send_daily_digests() == 0
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=quiet).count() == 1


START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
SESSION = CalendarEvent(
    uid="session-7@civic-accelerator", sequence=2, start=START, end=START + timedelta(hours=2),
    summary="Convening, day 1", description="Mayors attend in person.", location="City Hall",
)


def test_ics_has_a_stable_uid_the_sequence_and_the_method():
    calendar = Calendar.from_ical(build_ics([SESSION]))
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == "session-7@civic-accelerator"
    assert int(event["SEQUENCE"]) == 2
    assert event.decoded("DTSTART") == START
    assert str(event["LOCATION"]) == "City Hall"
    moved = Calendar.from_ical(build_ics([{**SESSION.__dict__, "sequence": 3}]))
    assert str(moved.walk("VEVENT")[0]["UID"]) == "session-7@civic-accelerator"


def test_a_cancellation_is_a_cancel():
    calendar = Calendar.from_ical(build_ics([SESSION], method="CANCEL"))
    assert calendar["METHOD"] == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def test_a_session_mail_carries_the_ics(no_scope, send_on_commit):
    user = factories.UserFactory()
    with send_on_commit():
        notify("program.announcement", recipients=[user], category="sessions",
               context={"subject": "Session scheduled", "body": "…"},
               attachments=[ics_attachment([SESSION])])
    message = mail.outbox[0].message()
    calendars = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(calendars) == 1
    assert calendars[0].get_param("method") == "REQUEST"
    assert "UID:session-7@civic-accelerator" in calendars[0].get_payload(decode=True).decode()
    assert EmailOutbox.objects.get().attachments[0]["filename"] == "invite.ics"
