"""Announcements: languages, audiences, scheduling, sending once, preferences vs required."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from announcements.audience import audience_of
from announcements.models import Announcement, AnnouncementStatus, AudienceKind, Recipient
from announcements.sending import (
    dispatch_due_announcements,
    preview_announcement,
    schedule_announcement,
    send_announcement,
    write_announcement,
)
from notifications.models import Delivery, EmailOutbox, EmailStatus, Notification
from notifications.services import set_preferences

pytestmark = pytest.mark.django_db

TEXTS = {
    "en": ("Convening in Lisbon", "We meet in Lisbon on 12 May."),
    "es": ("Encuentro en Lisboa", "Nos vemos en Lisboa el 12 de mayo."),
}


def write(program, audience=AudienceKind.EVERYONE, texts=TEXTS, **kwargs):
    return write_announcement(cohort=program.cohort, author=program.people["staff"],
                              texts=texts, audience=audience, **kwargs)


def emails_of(people):
    return sorted(person.user.email for person in people)


def test_a_spanish_speaking_mayor_gets_the_spanish_version(program, send_on_commit):
    announcement = write(program, AudienceKind.MAYORS)
    with send_on_commit():
        send_announcement(announcement=announcement)
    spanish = Notification.objects.get(recipient=program.people["lakeside_mayor"])
    english = Notification.objects.get(recipient=program.people["riverton_mayor"])
    assert spanish.subject == "Encuentro en Lisboa"
    assert "Nos vemos en Lisboa" in spanish.body and "Hola" in spanish.body
    assert english.subject == "Convening in Lisbon"
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address["mayor@lakeside.test"].subject == "Encuentro en Lisboa"
    assert by_address["mayor@riverton.test"].subject == "Convening in Lisbon"
    languages = dict(Recipient.objects.values_list("user__email", "language"))
    assert languages == {"mayor@lakeside.test": "es", "mayor@riverton.test": "en"}


def test_a_language_not_written_falls_back_to_english_then_the_first_written(program):
    announcement = write(program, AudienceKind.CDOS)
    # The Portuguese-speaking CDO: no Portuguese version, so the program's English.
    assert preview_announcement(announcement=announcement,
                                user=program.people["lakeside_cdo"]).subject == (
        "Convening in Lisbon")
    only_spanish = write(program, AudienceKind.CDOS, texts={"es": TEXTS["es"]})
    assert preview_announcement(announcement=only_spanish,
                                user=program.people["riverton_cdo"]).subject == (
        "Encuentro en Lisboa")


@pytest.mark.parametrize(("audience", "expected"), [
    (AudienceKind.EVERYONE, ["cdo@lakeside.test", "cdo@riverton.test", "cm@riverton.test",
                             "coach@program.test", "mayor@lakeside.test",
                             "mayor@riverton.test"]),
    (AudienceKind.MAYORS, ["mayor@lakeside.test", "mayor@riverton.test"]),
    (AudienceKind.SENIOR_TEAMS, ["cdo@lakeside.test", "cdo@riverton.test",
                                 "cm@riverton.test"]),
    (AudienceKind.CDOS, ["cdo@lakeside.test", "cdo@riverton.test"]),
    (AudienceKind.COACHES, ["coach@program.test"]),
])
def test_each_audience_reaches_its_people_and_no_withdrawn_city(program, audience, expected):
    assert emails_of(audience_of(write(program, audience))) == expected


def test_particular_cities_narrow_the_audience(program):
    announcement = write(program, AudienceKind.MAYORS, cities=[program.lakeside])
    assert emails_of(audience_of(announcement)) == ["mayor@lakeside.test"]


def test_a_withdrawn_city_is_in_the_audience_until_its_withdrawal_day(program):
    announcement = write(program, AudienceKind.MAYORS)
    before = timezone.localdate() - datetime.timedelta(days=11)
    assert "mayor@oldtown.test" in emails_of(audience_of(announcement, day=before))
    assert "mayor@oldtown.test" not in emails_of(audience_of(announcement))


def test_a_deactivated_account_is_not_told(program):
    program.people["riverton_mayor"].is_active = False
    program.people["riverton_mayor"].save()
    assert emails_of(audience_of(write(program, AudienceKind.MAYORS))) == [
        "mayor@lakeside.test"]


def test_writing_needs_one_language_with_subject_and_text(program):
    with pytest.raises(ValidationError) as error:
        write(program, texts={"en": ("", "")})
    assert "subject_en" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        write(program, texts={"en": ("Subject", ""), "es": ("", "Texto")})
    assert set(error.value.message_dict) == {"body_en", "subject_es"}


def test_cities_outside_the_cohort_are_refused(program):
    from tests import factories

    with pytest.raises(ValidationError) as error:
        write(program, cities=[factories.CityFactory()])
    assert "cities" in error.value.message_dict


def test_a_past_time_is_refused_with_a_clear_message(program):
    announcement = write(program)
    with pytest.raises(ValidationError) as error:
        schedule_announcement(announcement=announcement,
                              send_at=timezone.now() - datetime.timedelta(minutes=5))
    assert "Choose a time in the future" in error.value.message_dict["send_at"][0]
    assert Announcement.objects.get(pk=announcement.pk).status == AnnouncementStatus.DRAFT


def test_a_scheduled_announcement_waits_for_its_time(program, send_on_commit):
    now = timezone.now()
    announcement = schedule_announcement(announcement=write(program, AudienceKind.MAYORS),
                                         send_at=now + datetime.timedelta(hours=1))
    assert dispatch_due_announcements(now=now) == 0
    assert not Recipient.objects.exists()
    with send_on_commit():
        assert dispatch_due_announcements(now=now + datetime.timedelta(hours=1)) == 1
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.SENT
    assert Recipient.objects.count() == 2 and len(mail.outbox) == 2


def test_dispatching_twice_reaches_each_person_once(program, send_on_commit):
    now = timezone.now()
    schedule_announcement(announcement=write(program), send_at=now + datetime.timedelta(minutes=1))
    later = now + datetime.timedelta(minutes=2)
    with send_on_commit():
        assert dispatch_due_announcements(now=later) == 1
        assert dispatch_due_announcements(now=later) == 0
    assert Recipient.objects.count() == 6
    assert Notification.objects.count() == 6
    assert EmailOutbox.objects.count() == 6
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        Recipient.objects.values_list("user__email", flat=True))


def test_sending_what_was_sent_already_sends_nothing(program, send_on_commit):
    announcement = write(program, AudienceKind.MAYORS)
    stale = Announcement.objects.get(pk=announcement.pk)  # a colleague's copy of the page
    with send_on_commit():
        assert len(send_announcement(announcement=announcement)) == 2
        assert send_announcement(announcement=stale) is None
    assert len(mail.outbox) == 2
    with pytest.raises(ValidationError):
        schedule_announcement(announcement=stale,
                              send_at=timezone.now() + datetime.timedelta(days=1))


def test_preferences_are_respected_unless_the_announcement_is_required(program,
                                                                        send_on_commit):
    mayor = program.people["riverton_mayor"]
    set_preferences(user=mayor, deliveries={"announcements": Delivery.IN_APP})
    with send_on_commit():
        send_announcement(announcement=write(program, AudienceKind.MAYORS))
    row = Recipient.objects.get(user=mayor)
    assert row.email is None and row.notification.delivery == Delivery.IN_APP
    assert "mayor@riverton.test" not in [m.to[0] for m in mail.outbox]

    mail.outbox.clear()
    with send_on_commit():
        send_announcement(announcement=write(program, AudienceKind.MAYORS, required=True))
    row = Recipient.objects.filter(user=mayor).latest("pk")
    assert row.email.status == EmailStatus.SENT
    assert "mayor@riverton.test" in [m.to[0] for m in mail.outbox]
