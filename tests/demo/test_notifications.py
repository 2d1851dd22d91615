import pytest
from django.core import mail

from demo import accounts as accounts_demo
from demo import notifications as notifications_demo
from notifications.models import EmailOutbox, EmailStatus, Notification

pytestmark = pytest.mark.django_db


def test_the_demo_leaves_unread_notifications_and_mail_in_every_state(no_scope, send_on_commit):
    demo = {}
    accounts_demo.seed(demo)
    with send_on_commit():
        notifications_demo.seed(demo)
    with send_on_commit():
        notifications_demo.seed(demo)  # safe to run twice: nothing doubles
    for email in demo["logins"]:
        user = demo["users"][email]
        assert Notification.objects.filter(recipient=user, read_at__isnull=True).count() in (2, 3)
    statuses = set(EmailOutbox.objects.values_list("status", flat=True))
    assert {EmailStatus.SENT, EmailStatus.QUEUED, EmailStatus.FAILED} <= statuses
    sent_count = EmailOutbox.objects.filter(status=EmailStatus.SENT).count()
    assert sent_count == len(mail.outbox) > 0
    assert EmailOutbox.objects.filter(subject__startswith="Reminder: the convening").count() == 1
