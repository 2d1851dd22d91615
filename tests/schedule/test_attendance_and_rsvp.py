"""RSVP and attendance: who may answer (asked at the door, ``cities.doors``: the session's
page and the API), capacity, the mayor-only rule, the checklist."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from schedule.attendance import mark_attendance, mayors_not_confirmed
from schedule.models import Attendance, HoursEntry, Rsvp
from schedule.rsvp import rsvp
from schedule.scheduling import schedule_session


def _session(town, *, days=7, audience="everyone", city=None, capacity=None, hours=2):
    start = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    return schedule_session(
        cohort=town.cohort, kind="convening" if audience == "mayors" else "workshop",
        title="Convening" if audience == "mayors" else "Workshop", starts_at=start,
        ends_at=start + datetime.timedelta(hours=hours), audience=audience, city=city,
        capacity=capacity,
    )


def test_a_member_answers_and_can_change_the_answer(town, no_scope):
    session = _session(town)

    rsvp(session=session, user=town.cdo, city=town.city, answer="maybe")
    rsvp(session=session, user=town.cdo, city=town.city, answer="yes")

    assert list(Rsvp.objects.values_list("user_id", "answer")) == [(town.cdo.pk, "yes")]


def _answer(user, session, city="alpha"):
    """The statuses of answering ``session`` as ``user``: on its page, then in the API."""
    client = Client()
    client.force_login(user)
    page = client.post(f"/c/{city}/schedule/{session.pk}/", {"answer": "yes"}).status_code
    api = client.post(f"/api/v1/cities/{city}/sessions/{session.pk}/rsvp/", {"answer": "yes"},
                      content_type="application/json").status_code
    return page, api


def test_people_outside_the_audience_cannot_answer(town, no_scope):
    mayors_only = _session(town, audience="mayors")
    for_beta = _session(town, audience="city", city=town.other)

    assert _answer(town.cdo, mayors_only) == (403, 403)
    assert _answer(town.cdo, for_beta) == (404, 404)  # not Alpha's session: not found there
    assert _answer(town.coach, _session(town)) == (403, 403)
    assert not Rsvp.objects.exists()


def test_a_full_session_refuses_another_yes_but_accepts_maybe(town, no_scope):
    session = _session(town, capacity=1)
    rsvp(session=session, user=town.cdo, city=town.city, answer="yes")

    with pytest.raises(ValidationError) as error:
        rsvp(session=session, user=town.policy, city=town.city, answer="yes")
    rsvp(session=session, user=town.policy, city=town.city, answer="maybe")

    assert "full" in error.value.message_dict["answer"][0]


def test_a_past_session_takes_no_more_answers(town, no_scope):
    session = _session(town, days=-3)

    with pytest.raises(ValidationError):
        rsvp(session=session, user=town.cdo, city=town.city, answer="yes")


def test_the_rsvp_form_on_the_session_page(town):
    session = _session(town)
    client = Client()
    client.force_login(town.policy)

    response = client.post(f"/c/{town.city.slug}/schedule/{session.pk}/", {"answer": "no"},
                           follow=True)

    assert "You answered: No, I cannot attend." in response.content.decode()
    bad = client.post(f"/c/{town.city.slug}/schedule/{session.pk}/", {"answer": "perhaps"})
    assert bad.status_code == 400
    with scopes_disabled():
        assert Rsvp.objects.get().answer == "no"


def test_mayor_only_sessions_refuse_a_surrogate(town, no_scope):
    convening = _session(town, audience="mayors", days=-1)

    with pytest.raises(ValidationError) as error:
        mark_attendance(session=convening, user=town.cdo, city=town.city, by=town.staff)
    mark_attendance(session=convening, user=town.mayor, city=town.city, by=town.staff)

    assert "no one can attend in their place" in error.value.message_dict["attended"][0]
    assert list(Attendance.objects.values_list("user_id", flat=True)) == [town.mayor.pk]


def test_the_checklist_refuses_a_surrogate_for_the_mayor(town):
    convening = _session(town, audience="mayors", days=-1)
    client = Client()
    client.force_login(town.staff)

    response = client.post(f"/staff/sessions/{convening.pk}/attendance/",
                           {"present": [f"{town.cdo.pk}:{town.city.pk}"]})

    assert response.status_code == 400
    assert "only mayors" in response.content.decode()
    with scopes_disabled():
        assert not Attendance.objects.exists()


def test_only_staff_or_the_host_mark_attendance(town, no_scope):
    session = _session(town, days=-1)

    client = Client()
    client.force_login(town.coach)  # who marks is asked at the door: not a coach who hosts nothing
    response = client.post(f"/staff/sessions/{session.pk}/attendance/",
                           {"present": [f"{town.cdo.pk}:{town.city.pk}"]})
    assert response.status_code == 403
    assert not Attendance.objects.exists()
    session.host = town.coach
    session.save()
    mark_attendance(session=session, user=town.cdo, city=town.city, by=town.coach)

    assert Attendance.objects.filter(marked_by=town.coach).count() == 1


def test_attendance_waits_until_the_session_has_begun(town, no_scope):
    with pytest.raises(ValidationError):
        mark_attendance(session=_session(town), user=town.cdo, city=town.city, by=town.staff)


def test_the_checklist_marks_and_unmarks_and_credits_hours(town):
    session = _session(town, days=-1, hours=2)
    client = Client()
    client.force_login(town.staff)
    url = f"/staff/sessions/{session.pk}/attendance/"

    page = client.get(url).content.decode()
    client.post(url, {"present": [f"{town.cdo.pk}:{town.city.pk}",
                                  f"{town.other_cdo.pk}:{town.other.pk}"]})
    client.post(url, {"present": [f"{town.cdo.pk}:{town.city.pk}"]})

    assert town.policy.name in page and town.other_cdo.name in page
    with scopes_disabled():
        assert set(Attendance.objects.values_list("user_id", flat=True)) == {town.cdo.pk}
        assert [(e.user_id, e.hours) for e in HoursEntry.objects.all()] == [(town.cdo.pk, 2)]


def test_staff_see_which_mayors_have_not_confirmed_the_convening(town, no_scope):
    convening = _session(town, audience="mayors", days=20)
    rsvp(session=convening, user=town.mayor, city=town.city, answer="yes")

    missing = mayors_not_confirmed(session=convening)
    client = Client()
    client.force_login(town.staff)
    page = client.get(f"/staff/cohorts/{town.cohort.slug}/").content.decode()

    assert [m.user for m in missing] == [town.other_mayor]
    assert "1 of 2 mayors has not confirmed" in page
    assert town.other_mayor.name in page
