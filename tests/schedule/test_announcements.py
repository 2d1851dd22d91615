"""New sessions, copies, weekly series and copied plans are announced to the people
invited (by the session's audience), once per person for a batch, through notify() with
the .ics; each person's preference decides how."""

import datetime

import icalendar
from django.test import Client

from notifications.models import EmailOutbox, Notification, NotificationPreference
from schedule.scheduling import (
    copy_cohort_plan,
    create_weekly_series,
    duplicate_session,
    schedule_session,
)
from tests import factories
from tests.schedule.conftest import at

EVENT = "session.announced"


def _add(town, title, starts_at, audience="everyone", **extra):
    return schedule_session(
        cohort=town.cohort, kind=extra.pop("kind", "workshop"), title=title,
        starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=1),
        audience=audience, **extra,
    )


def _told():
    return sorted(Notification.objects.filter(record__event=EVENT)
                  .values_list("recipient_id", flat=True))


def _events(email):
    (attachment,) = email.attachments
    return icalendar.Calendar.from_ical(attachment["content"]).walk("VEVENT")


def test_a_new_session_is_announced_to_its_audience_with_the_ics(town, no_scope,
                                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = _add(town, "Mayors' call", at(2027, 1, 12, 17), audience="mayors")

    assert _told() == sorted([town.mayor.pk, town.other_mayor.pk])
    email = EmailOutbox.objects.get(to=town.mayor.email, record__event=EVENT)
    assert "New session: Mayors' call" in email.subject
    assert [str(e["UID"]) for e in _events(email)] == [session.uid]


def test_a_senior_team_keynote_is_not_announced_to_mayors(town, no_scope):
    _add(town, "Keynote", at(2027, 1, 12, 12), audience="senior_teams", kind="keynote")

    assert _told() == sorted([town.cdo.pk, town.policy.pk, town.other_cdo.pk])


def test_a_weekly_series_is_one_message_per_person_with_every_date(
    town, no_scope, django_capture_on_commit_callbacks
):
    session = _add(town, "Office hours", at(2027, 1, 12, 11), audience="senior_teams")
    Notification.objects.all().delete()
    EmailOutbox.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        copies = create_weekly_series(session=session, weeks=12)

    assert len(copies) == 11
    assert _told() == sorted([town.cdo.pk, town.policy.pk, town.other_cdo.pk])  # once each
    email = EmailOutbox.objects.get(to=town.cdo.email, record__event=EVENT)
    assert "11 new sessions" in email.subject
    assert sorted(str(e["UID"]) for e in _events(email)) == sorted(c.uid for c in copies)


def test_a_copy_is_announced(town, no_scope):
    session = _add(town, "Workshop", at(2027, 1, 12, 14))
    Notification.objects.all().delete()

    duplicate_session(session=session, days=7)

    assert _told() == sorted([town.mayor.pk, town.cdo.pk, town.policy.pk, town.other_mayor.pk,
                              town.other_cdo.pk])


def test_a_copied_plan_tells_each_person_once_about_their_sessions(town, no_scope):
    _add(town, "Kick-off", at(2026, 10, 6, 18))
    _add(town, "Mayors' dinner", at(2026, 10, 7, 18), audience="mayors", kind="convening")
    new = factories.CohortFactory(starts_on=datetime.date(2027, 4, 1),
                                  ends_on=datetime.date(2027, 9, 30))
    newcomer = factories.EnrollmentFactory(cohort=new).city
    mayor = factories.MembershipFactory(city=newcomer, role="mayor").user
    cdo = factories.MembershipFactory(city=newcomer, role="cdo").user
    Notification.objects.all().delete()

    copy_cohort_plan(source=town.cohort, target=new)

    assert _told() == sorted([mayor.pk, cdo.pk])  # the new cohort's people, once each
    assert "2 new sessions" in Notification.objects.get(recipient=mayor).subject
    assert "New session: Kick-off" in Notification.objects.get(recipient=cdo).subject


def test_a_person_who_wants_no_mail_gets_it_in_the_inbox_only(town, no_scope,
                                                             django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=town.cdo, category="sessions",
                                          delivery="in_app")
    with django_capture_on_commit_callbacks(execute=True):
        _add(town, "Workshop", at(2027, 1, 12, 14))

    assert town.cdo.pk in _told()
    assert not EmailOutbox.objects.filter(to=town.cdo.email).exists()
    assert EmailOutbox.objects.filter(to=town.policy.email, record__event=EVENT).exists()


def test_the_staff_series_form_tells_each_person_once(town, no_scope):
    session = _add(town, "Clinic", at(2027, 1, 12, 11), audience="mayors")
    Notification.objects.all().delete()
    client = Client()
    client.force_login(town.staff)

    response = client.post(f"/staff/sessions/{session.pk}/", {
        "action": "series", "series-weeks": "4",
    })

    assert response.status_code == 302
    assert _told() == sorted([town.mayor.pk, town.other_mayor.pk])


def test_a_session_added_in_the_admin_is_announced(town, no_scope):
    client = Client()
    client.force_login(town.staff)

    response = client.post("/admin/cohorts/session/add/", {
        "cohort": town.cohort.pk, "kind": "keynote", "title": "Admin keynote",
        "starts_at_0": "2027-01-12", "starts_at_1": "12:00", "ends_at_0": "2027-01-12",
        "ends_at_1": "13:00", "time_zone": "America/New_York", "audience": "senior_teams",
        "materials-TOTAL_FORMS": "0", "materials-INITIAL_FORMS": "0",
    })

    assert response.status_code == 302
    assert _told() == sorted([town.cdo.pk, town.policy.pk, town.other_cdo.pk])
