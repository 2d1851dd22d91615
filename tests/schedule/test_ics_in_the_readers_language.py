"""A session's .ics in an e-mail is in its reader's language (the reader of an e-mail is its
recipient): every way a session mail goes out - announced, moved, cancelled, reminded -
carries a calendar whose category (the session's kind, a label we ship) is in the
recipient's language, and the session's own title as staff typed it."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from icalendar import Calendar

from notifications.models import EmailOutbox
from notifications.reminders import run_reminder_sweep
from schedule.models import SessionKind
from schedule.notices import announce_sessions
from schedule.scheduling import cancel_session, move_session
from tests import factories
from tests.notifications.reminder_helpers import only_rule

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "es", "pt-br")


@pytest.fixture
def readers(no_scope):
    enrollment = factories.EnrollmentFactory()
    people = {}
    for language in LANGUAGES:
        people[language] = factories.UserFactory(language=language)
        factories.MembershipFactory(user=people[language], city=enrollment.city)
    session = factories.SessionFactory(cohort=enrollment.cohort, kind=SessionKind.CONVENING,
                                       title="Data walk at City Hall")
    return session, people


def _calendars_by_language(people):
    found = {}
    for email in EmailOutbox.objects.filter(recipient__in=people.values()):
        for attachment in email.attachments:
            if attachment["mimetype"] == "text/calendar":
                found.setdefault(email.recipient.language, []).append(
                    Calendar.from_ical(attachment["content"]))
    return found


def _assert_in_each_language(session, people):
    found = _calendars_by_language(people)
    assert set(found) == set(LANGUAGES)
    for language, calendars in found.items():
        with translation.override(language):
            kind = str(SessionKind.CONVENING.label)
        for calendar in calendars:
            [event] = calendar.walk("VEVENT")
            assert [str(c) for c in event["CATEGORIES"].cats] == [kind], language
            assert str(event["SUMMARY"]) == "Data walk at City Hall"


def test_an_announced_session(readers):
    session, people = readers
    announce_sessions(sessions=[session])
    _assert_in_each_language(session, people)


def test_a_moved_session(readers):
    session, people = readers
    move_session(session=session, starts_at=session.starts_at + timedelta(days=1))
    _assert_in_each_language(session, people)


def test_a_cancelled_session(readers):
    session, people = readers
    cancel_session(session=session)
    _assert_in_each_language(session, people)


def test_a_session_reminder(readers):
    session, people = readers
    only_rule(offset=timedelta(hours=24))
    run_reminder_sweep(now=session.starts_at - timedelta(hours=23, minutes=55))
    _assert_in_each_language(session, people)


def test_the_labels_differ_so_the_check_can_fail():
    labels = set()
    for language in LANGUAGES:
        with translation.override(language):
            labels.add(str(SessionKind.CONVENING.label))
    assert len(labels) == 3 and timezone.now()
