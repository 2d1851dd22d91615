"""Asking: after a session ends each person marked present is asked once, in the inbox and
by e-mail as their preferences say, in their language; running the task twice asks nobody
twice."""

import datetime
from zoneinfo import ZoneInfo

from django.core import mail
from django.utils import formats, translation
from django_scopes import scopes_disabled

from feedback import tasks
from feedback.answers import give_feedback
from feedback.asking import ask_for_feedback
from feedback.models import SessionFeedback
from notifications.models import EmailOutbox, Notification
from notifications.services import set_preferences
from tests.feedback.conftest import attend, past_session


def asked():
    return sorted(Notification.objects.filter(record__event="feedback.requested")
                  .values_list("recipient_id", flat=True))


def test_the_task_asks_each_attendee_once_even_when_run_twice(fb):
    assert tasks.ask.delay().get() == 3
    assert tasks.ask.delay().get() == 0
    assert asked() == sorted([fb.cdo.pk, fb.policy.pk, fb.other_cdo.pk])
    with scopes_disabled():
        assert SessionFeedback.objects.filter(asked_at__isnull=False).count() == 3
    assert EmailOutbox.objects.filter(record__event="feedback.requested").count() == 3


def test_the_mayor_who_did_not_attend_is_not_asked(fb):
    ask_for_feedback()
    assert fb.mayor.pk not in asked()


def test_the_inbox_links_to_the_answer_page_of_the_persons_city(fb):
    ask_for_feedback()
    note = Notification.objects.get(recipient=fb.cdo)
    assert note.url == f"/c/alpha/feedback/{fb.workshop.pk}/"
    assert "Data governance basics" in note.subject
    other = Notification.objects.get(recipient=fb.other_cdo)
    assert other.url == f"/c/beta/feedback/{fb.workshop.pk}/"


def test_the_e_mail_respects_the_persons_preference(fb, django_capture_on_commit_callbacks):
    set_preferences(user=fb.policy, deliveries={"feedback": "in_app"})
    with django_capture_on_commit_callbacks(execute=True):
        ask_for_feedback()
    assert fb.policy.pk in asked()  # still in the inbox
    assert set(EmailOutbox.objects.values_list("recipient_id", flat=True)) == {
        fb.cdo.pk, fb.other_cdo.pk}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([fb.cdo.email, fb.other_cdo.email])


def test_each_person_is_asked_in_their_language_and_time_zone(fb):
    """The Spanish-speaking CDO's message dates the closing in Spanish, in their zone (the
    words themselves come from the catalogue the lead merges)."""
    fb.other_cdo.language, fb.other_cdo.time_zone = "es", "America/Bogota"
    fb.other_cdo.save()
    ask_for_feedback()
    closes = fb.workshop.ends_at + datetime.timedelta(days=7)
    with translation.override("es"):
        spanish = formats.date_format(closes.astimezone(ZoneInfo("America/Bogota")),
                                      "DATETIME_FORMAT")
    assert spanish in Notification.objects.get(recipient=fb.other_cdo).body
    with translation.override("en"):
        english = formats.date_format(closes.astimezone(ZoneInfo("America/New_York")),
                                      "DATETIME_FORMAT")
    assert english in Notification.objects.get(recipient=fb.cdo).body


def test_someone_who_answered_already_is_not_asked(fb):
    give_feedback(session=fb.workshop, user=fb.cdo, city=fb.city, rating=5)
    assert ask_for_feedback() == 2
    assert fb.cdo.pk not in asked()


def test_attendance_marked_later_is_asked_at_the_next_run(fb):
    ask_for_feedback()
    attend(fb.workshop, fb.mayor, fb.city)
    assert ask_for_feedback() == 1
    assert asked().count(fb.mayor.pk) == 1


def test_sessions_not_ended_closed_or_cancelled_are_not_asked(fb):
    old = past_session(fb.cohort, days_ago=8)
    cancelled = past_session(fb.cohort, days_ago=1, is_cancelled=True)
    later = past_session(fb.cohort, days_ago=-1)  # ends tomorrow
    for session in (old, cancelled, later):
        attend(session, fb.mayor, fb.city)
    ask_for_feedback()
    assert fb.mayor.pk not in asked()
    ask_for_feedback(now=later.ends_at + datetime.timedelta(minutes=1))
    assert asked().count(fb.mayor.pk) == 1
