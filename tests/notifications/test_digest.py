"""The daily digest (the .ics attachments' tests are in tests/cohorts/test_session_ics.py)."""

import pytest
from django.core import mail

from notifications.digest import send_daily_digests
from notifications.models import Delivery, Notification
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
