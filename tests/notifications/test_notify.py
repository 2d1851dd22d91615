"""notify(): the record, the in-app notification, preferences, mandatory mail, rendering."""

import datetime

import pytest
from django.core import mail
from django_scopes import scopes_disabled

from accounts.models import Role
from notifications.models import (
    Delivery,
    EmailOutbox,
    EmailStatus,
    Notification,
    NotificationEvent,
)
from notifications.services import notify, set_preferences
from tests import factories

pytestmark = pytest.mark.django_db


def announce(recipients, about=None, mandatory=False, category="strategy", **context):
    context = {"subject": "Strategy ready for review", "body": "Please review it."} | context
    return notify(
        "program.announcement", recipients=recipients, about=about, context=context,
        category=category, mandatory=mandatory,
    )


@pytest.fixture
def city(no_scope):
    return factories.CityFactory(name="Riverton", slug="riverton")


@pytest.fixture
def mayor(city):
    return factories.MembershipFactory(
        city=city, role=Role.MAYOR, user__email="mayor@riverton.test"
    ).user


def test_every_call_is_recorded_with_who_what_and_about_which_object(city, mayor, send_on_commit):
    with send_on_commit():
        record = announce([mayor], about=city)
    record = NotificationEvent.objects.get(pk=record.pk)
    assert record.event == "program.announcement"
    assert record.about == city
    assert record.city == city
    assert "mayor@riverton.test" in record.recipients_text
    # "Was the mayor told?": by in-app notification and by e-mail.
    notification = Notification.objects.get(record=record, recipient=mayor)
    assert notification.subject == "Strategy ready for review"
    assert notification.url == city.get_absolute_url()
    email = EmailOutbox.objects.get(record=record)
    assert (email.to, email.status) == ("mayor@riverton.test", EmailStatus.SENT)
    assert [m.to for m in mail.outbox] == [["mayor@riverton.test"]]


def test_mail_is_queued_only_when_the_transaction_commits(
    city, mayor, django_capture_on_commit_callbacks, eager_celery
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        announce([mayor], about=city)
    assert EmailOutbox.objects.get().status == EmailStatus.QUEUED
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert EmailOutbox.objects.get().status == EmailStatus.SENT
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("delivery", "emailed"),
    [(Delivery.IMMEDIATELY, True), (Delivery.DAILY_DIGEST, False), (Delivery.IN_APP, False)],
)
def test_preferences_decide_whether_mail_goes_now(city, mayor, send_on_commit, delivery, emailed):
    set_preferences(user=mayor, deliveries={"strategy": delivery})
    with send_on_commit():
        announce([mayor], about=city)
    assert Notification.objects.get(recipient=mayor).delivery == delivery
    assert EmailOutbox.objects.exists() is emailed
    assert len(mail.outbox) == (1 if emailed else 0)


def test_a_preference_for_one_category_leaves_others_alone(city, mayor, send_on_commit):
    set_preferences(user=mayor, deliveries={"coaching": Delivery.IN_APP})
    with send_on_commit():
        announce([mayor], about=city, category="strategy")
    assert len(mail.outbox) == 1


def test_mandatory_mail_ignores_the_opt_out(city, mayor, send_on_commit):
    set_preferences(user=mayor, deliveries={"applications": Delivery.IN_APP})
    with send_on_commit():
        announce([mayor], about=city, category="applications", mandatory=True,
                 subject="Your application was accepted")
    assert [m.subject for m in mail.outbox] == ["Your application was accepted"]


def test_a_bare_address_gets_the_mail_only(city, send_on_commit):
    with send_on_commit():
        record = announce(["New.Person@Example.test"], about=city, category="account",
                          mandatory=True)
    assert not Notification.objects.exists()
    assert EmailOutbox.objects.get(record=record).to == "new.person@example.test"
    assert len(mail.outbox) == 1


def test_each_recipient_once_even_when_listed_twice(city, mayor, send_on_commit):
    with send_on_commit():
        announce([mayor, mayor], about=city)
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_rendered_in_each_recipients_language_and_time_zone(city, send_on_commit):
    english = factories.UserFactory(language="en", time_zone="America/Chicago")
    spanish = factories.UserFactory(language="es", time_zone="Europe/Madrid")
    noon_utc = datetime.datetime(2026, 3, 2, 12, 0, tzinfo=datetime.UTC)
    with send_on_commit():
        notify(
            "program.announcement", recipients=[english, spanish], about=city,
            context={"subject": "Session", "body": noon_utc}, category="sessions",
        )
    bodies = {m.to[0]: m.body for m in mail.outbox}
    # Noon UTC is 6 a.m. in Chicago and 13:00 in Madrid, each written the local way.
    assert "March 2, 2026, 6 a.m." in bodies[english.email]
    assert "2 de marzo de 2026" in bodies[spanish.email]
    assert "13:00" in bodies[spanish.email]


def test_html_alternative_and_attachments_are_sent(city, mayor, send_on_commit):
    attachment = {"filename": "note.txt", "mimetype": "text/plain", "content": "hi"}
    with send_on_commit():
        notify("program.announcement", recipients=[mayor], about=city,
               context={"subject": "S", "body": "B"}, category="strategy",
               attachments=[attachment])
    message = mail.outbox[0]
    assert message.alternatives[0][1] == "text/html"
    assert message.attachments[0][0] == "note.txt"
    assert EmailOutbox.objects.get().attachments == [attachment]


def test_unknown_category_is_refused(city, mayor):
    with pytest.raises(ValueError, match="category"):
        announce([mayor], about=city, category="gossip")
    assert not NotificationEvent.objects.exists()


def test_an_object_under_an_enrollment_reaches_its_city(no_scope, send_on_commit):
    assignment = factories.CoachAssignmentFactory()
    with send_on_commit():
        record = announce([assignment.coach], about=assignment, category="coaching")
    assert record.city_id == assignment.enrollment.city_id
    with scopes_disabled():
        assert Notification.objects.get().city_id == assignment.enrollment.city_id
