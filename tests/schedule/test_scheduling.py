"""Filling the cohort calendar: warnings, duplicate, weekly series, copying a plan, moving
and cancelling (which tells the audience, with an .ics)."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from notifications.models import EmailOutbox, Notification
from schedule.checks import session_warnings
from schedule.scheduling import (
    cancel_session,
    copy_cohort_plan,
    duplicate_session,
    move_session,
    schedule_session,
)
from tests import factories
from tests.schedule.conftest import at


def _add(town, title, starts_at, hours=1, **extra):
    return schedule_session(
        cohort=town.cohort, kind=extra.pop("kind", "workshop"), title=title,
        starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=hours), **extra,
    )


def test_overlap_for_the_same_audience_is_a_warning(town, no_scope):
    first = _add(town, "Keynote", at(2027, 1, 12, 12), hours=2)
    clash = _add(town, "Workshop", at(2027, 1, 12, 13))
    mayors = _add(town, "Mayors' call", at(2027, 1, 12, 13), audience="mayors")
    team = _add(town, "Team clinic", at(2027, 1, 12, 13), audience="senior_teams",
                kind="office_hours")

    assert session_warnings(session=clash) == [
        "Overlaps “Keynote” for the same audience.",
        "Overlaps “Mayors' call” for the same audience.",
        "Overlaps “Team clinic” for the same audience.",
    ]
    # Mayors and senior teams are different people: no clash between those two.
    assert "Team clinic" not in " ".join(session_warnings(session=mayors))
    assert session_warnings(session=first) and session_warnings(session=team)


def test_sessions_for_two_different_cities_do_not_clash(town, no_scope):
    alpha = _add(town, "Alpha coaching", at(2027, 1, 12, 12), audience="city", city=town.city,
                 kind="coaching")
    _add(town, "Beta coaching", at(2027, 1, 12, 12), audience="city", city=town.other,
         kind="coaching")

    assert session_warnings(session=alpha) == []


def test_a_session_outside_the_cohort_dates_is_a_warning(town, no_scope):
    late = _add(town, "After the end", at(2027, 7, 2, 12))

    assert session_warnings(session=late) == [
        "Outside the cohort's dates (2026-10-01 – 2027-06-30)."
    ]


def test_warnings_show_on_the_staff_cohort_calendar(town):
    _add(town, "Keynote", at(2027, 1, 12, 12), hours=2)
    _add(town, "Workshop", at(2027, 1, 12, 13))
    client = Client()
    client.force_login(town.staff)

    page = client.get(f"/staff/cohorts/{town.cohort.slug}/").content.decode()

    assert "Overlaps “Keynote” for the same audience." in page


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_at": at(2027, 1, 12, 11)}, "ends_at"),
        ({"audience": "city"}, "city"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"starts_at": datetime.datetime(2027, 1, 12, 12)}, "starts_at"),
    ],
)
def test_scheduling_refuses_bad_input_at_the_field(town, no_scope, changes, field):
    values = dict(cohort=town.cohort, kind="workshop", title="Bad", starts_at=at(2027, 1, 12, 12),
                  ends_at=at(2027, 1, 12, 13)) | changes

    with pytest.raises(ValidationError) as error:
        schedule_session(**values)

    assert field in error.value.message_dict
    assert not town.cohort.sessions.exists()


def test_a_one_city_session_needs_a_city_of_the_cohort(town, no_scope):
    stranger = factories.CityFactory()

    with pytest.raises(ValidationError) as error:
        _add(town, "Coaching", at(2027, 1, 12, 12), audience="city", city=stranger)

    assert "not in the cohort" in error.value.message_dict["city"][0]


def test_duplicate_gets_a_new_uid_and_copies_the_details(town, no_scope):
    from curriculum.models import Material

    session = _add(town, "Workshop", at(2027, 1, 12, 12), location="City Hall")
    Material.objects.create(session=session, title="Slides", url="https://slides.example.test")

    copy = duplicate_session(session=session, starts_at=at(2027, 2, 2, 9))

    assert copy.uid != session.uid
    assert (copy.title, copy.location) == ("Workshop", "City Hall")
    assert copy.ends_at == at(2027, 2, 2, 10)
    assert [m.title for m in copy.materials.all()] == ["Slides"]


def test_copying_last_cohorts_plan_shifts_it_to_the_new_dates(town, no_scope):
    _add(town, "Kick-off", at(2026, 10, 6, 18))
    cancelled = _add(town, "Dropped", at(2026, 10, 8, 12))
    cancel_session(session=cancelled)
    _add(town, "Alpha coaching", at(2026, 10, 9, 9), audience="city", city=town.city,
         kind="coaching")
    new = factories.CohortFactory(starts_on=town.cohort.starts_on + datetime.timedelta(days=182),
                                  ends_on=town.cohort.ends_on + datetime.timedelta(days=182))

    copies = copy_cohort_plan(source=town.cohort, target=new)

    assert [(c.title, c.starts_at) for c in copies] == [("Kick-off", at(2027, 4, 6, 18))]
    assert copies[0].cohort == new


def test_moving_tells_the_audience_with_an_updated_ics(town, no_scope,
                                                        django_capture_on_commit_callbacks):
    session = _add(town, "Workshop", at(2027, 1, 12, 12), audience="senior_teams")

    with django_capture_on_commit_callbacks(execute=True):
        move_session(session=session, starts_at=at(2027, 1, 14, 12), reason="Room change")

    told = set(Notification.objects.filter(record__event="session.moved")
               .values_list("recipient_id", flat=True))
    assert told == {town.cdo.pk, town.policy.pk, town.other_cdo.pk}
    email = EmailOutbox.objects.get(to=town.cdo.email, record__event="session.moved")
    assert "Room change" in email.body_text
    (attachment,) = email.attachments
    event = icalendar.Calendar.from_ical(attachment["content"]).walk("VEVENT")[0]
    assert (str(event["UID"]), int(event["SEQUENCE"])) == (session.uid, 1)


def test_cancelling_tells_the_audience(town, no_scope):
    session = _add(town, "Alpha coaching", at(2027, 1, 12, 12), audience="city",
                   city=town.city, kind="coaching")

    cancel_session(session=session, reason="Coach away")

    cancelled = Notification.objects.filter(record__event="session.cancelled")
    assert set(cancelled.values_list("recipient_id", flat=True)) == {
        town.mayor.pk, town.cdo.pk, town.policy.pk
    }
    assert "Cancelled: Alpha coaching" in cancelled.first().subject


def test_the_staff_session_page_moves_a_session(town):
    session = _add(town, "Workshop", at(2027, 1, 12, 12))
    client = Client()
    client.force_login(town.staff)

    response = client.post(f"/staff/sessions/{session.pk}/", {
        "action": "move", "move-date": "2027-01-19", "move-time": "15:30",
    })
    bad = client.post(f"/staff/sessions/{session.pk}/", {
        "action": "series", "series-weeks": "40",
    })

    session.refresh_from_db()
    assert response.status_code == 302
    assert session.starts_at == at(2027, 1, 19, 15, 30)
    assert bad.status_code == 400
    assert town.cohort.sessions.count() == 1
