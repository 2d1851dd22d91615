"""The reminder sweep: due reminders go out once, stale ones never, moved ones again."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.invitations import INVITATION_VALID_FOR, invite_member
from accounts.models import Role
from notifications import reminders
from notifications.models import (
    EmailOutbox,
    Notification,
    ReminderDelivery,
    ReminderKind,
    ReminderRule,
)
from notifications.reminders import (
    ReminderSource,
    override_reminder_source,
    run_reminder_sweep,
)
from tests import factories
from tests.notifications.reminder_helpers import KIND, city_moment_source, only_rule

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


@pytest.fixture
def riverton(no_scope):
    city = factories.CityFactory(name="Riverton")
    mayor = factories.MembershipFactory(city=city, role=Role.MAYOR).user
    return city, mayor


def test_a_due_reminder_is_sent_once_however_often_the_sweep_runs(riverton, send_on_commit):
    city, mayor = riverton
    rule = only_rule(offset=timedelta(hours=24))
    source = city_moment_source({city.pk: NOW + timedelta(hours=23)}, {city.pk: [mayor]})
    with override_reminder_source(source), send_on_commit():
        assert run_reminder_sweep(now=NOW) == 1
        assert run_reminder_sweep(now=NOW) == 0
        assert run_reminder_sweep(now=NOW + timedelta(minutes=5)) == 0
    assert ReminderDelivery.objects.get().rule == rule
    assert Notification.objects.filter(recipient=mayor).count() == 1
    assert [m.subject for m in mail.outbox] == ["Your session starts soon"]


def test_nothing_is_sent_before_it_is_due(riverton, send_on_commit):
    city, mayor = riverton
    only_rule(offset=timedelta(hours=24))
    start = NOW + timedelta(hours=25)
    source = city_moment_source({city.pk: start}, {city.pk: [mayor]})
    with override_reminder_source(source), send_on_commit():
        assert run_reminder_sweep(now=NOW) == 0
        assert run_reminder_sweep(now=start - timedelta(hours=24)) == 1
    assert len(mail.outbox) == 1


def test_after_downtime_the_sweep_catches_up_with_what_is_still_relevant(no_scope, send_on_commit):
    """Down for ten hours: a reminder due 3 hours ago still goes; one due 9 hours ago is
    stale (the source says 6 hours is too late) and is skipped for good."""
    recent, old = factories.CityFactory(), factories.CityFactory()
    mayor_recent, mayor_old = factories.UserFactory(), factories.UserFactory()
    only_rule(offset=timedelta(hours=24))
    source = city_moment_source(
        {recent.pk: NOW + timedelta(hours=21), old.pk: NOW + timedelta(hours=15)},
        {recent.pk: [mayor_recent], old.pk: [mayor_old]},
        stale_after=timedelta(hours=6),
    )
    with override_reminder_source(source), send_on_commit():
        assert run_reminder_sweep(now=NOW) == 1
    assert [m.to for m in mail.outbox] == [[mayor_recent.email]]
    assert not Notification.objects.filter(recipient=mayor_old).exists()


def test_moving_the_moment_re_arms_the_reminder(riverton, send_on_commit):
    city, mayor = riverton
    only_rule(offset=timedelta(hours=24))
    moments = {city.pk: NOW + timedelta(hours=20)}
    source = city_moment_source(moments, {city.pk: [mayor]})
    with override_reminder_source(source), send_on_commit():
        assert run_reminder_sweep(now=NOW) == 1
        moments[city.pk] = NOW + timedelta(days=3)  # the session moved
        assert run_reminder_sweep(now=NOW) == 0
        assert run_reminder_sweep(now=NOW + timedelta(days=2)) == 1
    assert ReminderDelivery.objects.count() == 2
    assert len(mail.outbox) == 2


def test_a_crash_before_commit_loses_nothing(riverton, send_on_commit):
    """The claim and the notification commit together: a failed batch is retried whole."""
    city, mayor = riverton
    only_rule(offset=timedelta(hours=24))
    source = city_moment_source({city.pk: NOW + timedelta(hours=23)}, {city.pk: [mayor]})
    with override_reminder_source(source), send_on_commit():
        with mock.patch.object(reminders, "deliver_messages", side_effect=RuntimeError("crash")):
            with pytest.raises(RuntimeError):
                run_reminder_sweep(now=NOW)
        assert not ReminderDelivery.objects.exists()
        assert run_reminder_sweep(now=NOW + timedelta(minutes=5)) == 1
    assert len(mail.outbox) == 1


def test_an_inactive_rule_sends_nothing(riverton, send_on_commit):
    city, mayor = riverton
    rule = only_rule(offset=timedelta(hours=24))
    rule.active = False
    rule.save()
    source = city_moment_source({city.pk: NOW + timedelta(hours=23)}, {city.pk: [mayor]})
    with override_reminder_source(source), send_on_commit():
        assert run_reminder_sweep(now=NOW) == 0


@pytest.mark.parametrize("size", [3, 12])
def test_a_batch_costs_the_same_number_of_queries_at_any_size(no_scope, size):
    cities = [factories.CityFactory() for _ in range(size)]
    people = {city.pk: [factories.UserFactory(), factories.UserFactory()] for city in cities}
    only_rule(offset=timedelta(hours=24))
    source = city_moment_source({c.pk: NOW + timedelta(hours=23) for c in cities}, people)
    with override_reminder_source(source), CaptureQueriesContext(connection) as queries:
        assert run_reminder_sweep(now=NOW) == 2 * size
    # rules, cities, savepoint, claims insert, claims select, records, preferences,
    # notifications, outbox, release savepoint, stalled mail
    assert len(queries) == 11


def test_batches_split_a_large_sweep(no_scope):
    cities = [factories.CityFactory() for _ in range(5)]
    only_rule(offset=timedelta(hours=24))
    source = city_moment_source(
        {c.pk: NOW + timedelta(hours=23) for c in cities},
        {c.pk: [factories.UserFactory()] for c in cities},
    )
    with override_reminder_source(source):
        assert run_reminder_sweep(now=NOW, batch_size=2) == 5
        assert run_reminder_sweep(now=NOW, batch_size=2) == 0
    assert EmailOutbox.objects.count() == 5


def test_an_invitation_not_accepted_is_reminded_once(no_scope, send_on_commit):
    city = factories.CityFactory(name="Lakeside")
    only_rule(offset=timedelta(days=3), kind=ReminderKind.INVITATION_NOT_ACCEPTED)
    invitation = invite_member(city=city, email="cdo@lakeside.test", role=Role.CDO)
    issued = invitation.expires_at - INVITATION_VALID_FOR
    with send_on_commit():
        assert run_reminder_sweep(now=issued + timedelta(days=2)) == 0
        assert run_reminder_sweep(now=issued + timedelta(days=3, minutes=5)) == 1
        assert run_reminder_sweep(now=issued + timedelta(days=3, minutes=10)) == 0
    [message] = mail.outbox
    assert message.to == ["cdo@lakeside.test"]
    assert "Lakeside" in message.subject
    assert f"/invitations/{invitation.token}/" in message.body


def test_an_accepted_invitation_is_not_reminded(no_scope, send_on_commit):
    city = factories.CityFactory()
    only_rule(offset=timedelta(days=3), kind=ReminderKind.INVITATION_NOT_ACCEPTED)
    invitation = invite_member(city=city, email="cdo@lakeside.test", role=Role.CDO)
    invitation.accepted_at = timezone.now()
    invitation.save()
    issued = invitation.expires_at - INVITATION_VALID_FOR
    with send_on_commit():
        assert run_reminder_sweep(now=issued + timedelta(days=3, minutes=5)) == 0
    assert mail.outbox == []


def test_the_senior_team_can_be_told_an_invitation_is_still_open(no_scope, send_on_commit):
    city = factories.CityFactory(name="Lakeside")
    manager = factories.MembershipFactory(city=city, role=Role.CITY_MANAGER).user
    factories.MembershipFactory(city=city, role=Role.MAYOR)
    rule = only_rule(offset=timedelta(days=3), kind=ReminderKind.INVITATION_NOT_ACCEPTED)
    rule.audience = "senior_team"
    rule.save()
    invitation = invite_member(city=city, email="cdo@lakeside.test", role=Role.CDO)
    issued = invitation.expires_at - INVITATION_VALID_FOR
    with send_on_commit():
        assert run_reminder_sweep(now=issued + timedelta(days=3, minutes=5)) == 1
    assert [m.to for m in mail.outbox] == [[manager.email]]
    assert "has not accepted" in mail.outbox[0].subject
    assert invitation.token not in mail.outbox[0].body


def test_a_failing_source_does_not_hold_up_the_other_rules(riverton, send_on_commit):
    city, mayor = riverton
    ReminderRule.objects.update(active=False)
    ReminderRule.objects.create(name="Broken", kind=ReminderKind.SHOWCASE_DEADLINE,
                                offset=timedelta(days=1))
    ReminderRule.objects.create(name="Working", kind=KIND, offset=timedelta(hours=24))

    def broken(**kwargs):
        raise LookupError("a bug in a source")

    failing = ReminderSource(kind=ReminderKind.SHOWCASE_DEADLINE, find_due=broken,
                             event="program.announcement", category="showcases",
                             stale_after=timedelta(hours=1))
    working = city_moment_source({city.pk: NOW + timedelta(hours=23)}, {city.pk: [mayor]})
    with override_reminder_source(failing), override_reminder_source(working):
        with send_on_commit(), pytest.raises(LookupError):
            run_reminder_sweep(now=NOW)
    assert len(mail.outbox) == 1
