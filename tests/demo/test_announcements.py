import pytest
from django.core.management import call_command

from announcements.models import Announcement, AnnouncementStatus, Recipient

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_has_a_sent_and_a_scheduled_announcement():
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)  # safe to run twice: nothing doubles
    statuses = sorted(Announcement.objects.values_list("status", flat=True))
    assert statuses == [AnnouncementStatus.SCHEDULED, AnnouncementStatus.SENT]
    sent = Announcement.objects.get(status=AnnouncementStatus.SENT)
    assert Recipient.objects.filter(announcement=sent).count() > 10
    spanish = Recipient.objects.filter(announcement=sent, language="es").first()
    assert spanish is not None and spanish.notification.subject == "Bienvenidos a la cohorte"
