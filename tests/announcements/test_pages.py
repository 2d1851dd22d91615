"""The staff pages: write, preview as one person, schedule (not in the past), send, see
what became of it; the list's query count does not grow with the data."""

import datetime
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone

from announcements.models import Announcement, AnnouncementStatus, AudienceKind
from announcements.sending import send_announcement, write_announcement
from notifications.inbox import mark_read
from notifications.models import Notification

pytestmark = pytest.mark.django_db

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


@pytest.fixture
def staff(program):
    client = Client()
    client.force_login(program.people["staff"])
    return client


def url(program, announcement=None):
    base = f"/staff/cohorts/{program.cohort.slug}/announcements/"
    return f"{base}{announcement.pk}/" if announcement else base


def test_staff_write_an_announcement_then_preview_it_as_a_spanish_mayor(program, staff):
    response = staff.post(url(program), {
        "subject_en": "Convening", "body_en": "See you in Lisbon.",
        "subject_es": "Encuentro", "body_es": "Nos vemos en Lisboa.",
        "audience": AudienceKind.MAYORS, "cities": [program.lakeside.pk, program.riverton.pk],
    })
    announcement = Announcement.objects.get()
    assert response.status_code == 302 and response["Location"] == url(program, announcement)
    assert announcement.status == AnnouncementStatus.DRAFT
    page = staff.get(url(program, announcement)).content.decode()
    assert "It will reach 2 people today." in page
    mayor = program.people["lakeside_mayor"]
    page = staff.get(url(program, announcement), {"person": mayor.pk}).content.decode()
    assert "Encuentro" in page and "Nos vemos en Lisboa." in page and "Hola" in page


def test_a_half_written_language_comes_back_with_errors_at_the_fields(program, staff):
    response = staff.post(url(program), {"subject_es": "Encuentro", "audience": "everyone"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Write the text that goes with this subject." in page
    assert "There is a problem" in page
    assert not Announcement.objects.exists()


def _draft(program, audience=AudienceKind.MAYORS):
    return write_announcement(cohort=program.cohort, author=program.people["staff"],
                              texts={"en": ("Convening", "See you in Lisbon.")},
                              audience=audience)


def test_a_past_time_is_refused_with_a_clear_message(program, staff):
    announcement = _draft(program)
    yesterday = timezone.localdate(timezone.now(), NEW_YORK) - datetime.timedelta(days=1)
    response = staff.post(url(program, announcement), {
        "action": "schedule", "date": yesterday.isoformat(), "time": "09:00"})
    assert response.status_code == 400
    assert "Choose a time in the future" in response.content.decode()
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.DRAFT


def test_the_time_is_read_in_the_programs_zone(program, staff):
    announcement = _draft(program)
    tomorrow = timezone.localdate(timezone.now(), NEW_YORK) + datetime.timedelta(days=1)
    response = staff.post(url(program, announcement), {
        "action": "schedule", "date": tomorrow.isoformat(), "time": "09:00"})
    assert response.status_code == 302
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.SCHEDULED
    assert announcement.send_at == datetime.datetime.combine(
        tomorrow, datetime.time(9, 0), tzinfo=NEW_YORK)
    assert "Scheduled for" in staff.get(url(program)).content.decode()


def test_send_now_then_the_page_shows_delivered_and_read(program, staff,
                                                        django_capture_on_commit_callbacks):
    announcement = _draft(program)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(url(program, announcement), {"action": "send"})
    assert response.status_code == 302
    mayor = program.people["riverton_mayor"]
    mark_read(user=mayor, notification_id=Notification.objects.get(recipient=mayor).pk)
    page = staff.get(url(program, announcement)).content.decode()
    assert page.count("Delivered by e-mail") == 2
    assert page.count(">Read<") == 1 and page.count("Not yet") == 1
    # Sending again changes nothing.
    response = staff.post(url(program, announcement), {"action": "send"})
    assert response.status_code == 302
    assert Notification.objects.count() == 2


def _fill(program, count):
    for n in range(count):
        announcement = write_announcement(
            cohort=program.cohort, author=program.people["staff"],
            texts={"en": (f"Note {n}", "Text.")}, audience=AudienceKind.EVERYONE)
        send_announcement(announcement=announcement)


@pytest.mark.parametrize("count", [1, 6])
def test_the_list_reads_the_same_number_of_queries_at_two_sizes(program, staff, count,
                                                                 django_assert_num_queries):
    _fill(program, count)
    staff.get(url(program))  # the session and the user are read once, as on every page
    with django_assert_num_queries(7):
        response = staff.get(url(program))
    assert response.status_code == 200
    assert response.content.decode().count("Note ") == count
