"""Check-ins in the domain layer: drafts, logging, hours credited, who may log."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from coaching.checkins import log_checkin, save_checkin_draft
from coaching.models import CheckIn, CheckInStatus
from notifications.models import Notification
from schedule.models import HoursEntry


def _values(**overrides):
    values = {
        "happened_at": timezone.now() - datetime.timedelta(hours=2), "duration_minutes": 90,
        "mode": "video", "summary": "We agreed the inventory.", "private_notes": "Secret",
        "lead_rag": "green", "lead_why": "Vision endorsed.",
        "next_checkin_on": timezone.localdate() + datetime.timedelta(days=14),
    }
    return values | overrides


def _log(world, by="coach_a", **kwargs):
    with scope(city=world.city):
        return log_checkin(city=world.city, by=world.users[by], **kwargs)


def test_logging_a_checkin_credits_each_attendee_once(world):
    attendees = {world.users["member_a"].pk, world.users["manager_a"].pk}
    checkin = _log(world, values=_values(), attendee_ids=attendees)

    assert checkin.status == CheckInStatus.LOGGED and checkin.coach == world.users["coach_a"]
    with scopes_disabled():
        entries = HoursEntry.objects.filter(source_key=f"checkin:{checkin.pk}")
        assert {e.user_id for e in entries} == attendees
        assert {e.hours for e in entries} == {Decimal("1.50")}

    # Editing the check-in (a longer meeting, one attendee fewer) updates the ledger.
    _log(world, checkin=checkin, values={"duration_minutes": 120},
         attendee_ids={world.users["member_a"].pk})
    with scopes_disabled():
        entries = list(HoursEntry.objects.filter(source_key=f"checkin:{checkin.pk}"))
    assert [(e.user_id, e.hours) for e in entries] == [(world.users["member_a"].pk,
                                                         Decimal("2.00"))]


def test_logging_tells_the_team_once_without_the_private_notes(world):
    checkin = _log(world, values=_values(private_notes="ONLY-FOR-THE-COACH"),
                   attendee_ids={world.users["member_a"].pk, world.users["mayor_a"].pk})
    _log(world, checkin=checkin, values={"summary": "Edited."})

    with scopes_disabled():
        notes = list(Notification.objects.filter(record__event="coaching.checkin_logged"))
    # The senior team, and the mayor because they attended.
    assert {n.recipient_id for n in notes} == {world.users["member_a"].pk,
                                              world.users["manager_a"].pk,
                                              world.users["mayor_a"].pk}
    assert all("ONLY-FOR-THE-COACH" not in n.subject + n.body for n in notes)
    assert all("We agreed the inventory." in n.body for n in notes)


@pytest.mark.parametrize("overrides, field", [
    ({"summary": "  "}, "summary"),
    ({"duration_minutes": 0}, "duration_minutes"),
    ({"happened_at": timezone.now() + datetime.timedelta(days=2)}, "happened_at"),
    ({"next_checkin_on": timezone.localdate() - datetime.timedelta(days=1)}, "next_checkin_on"),
    ({"invest_rag": "red", "invest_why": ""}, "invest_why"),
])
def test_an_incomplete_checkin_is_refused_at_the_field_and_nothing_is_saved(
        world, overrides, field):
    with pytest.raises(ValidationError) as error:
        _log(world, values=_values(**overrides), attendee_ids={world.users["member_a"].pk})

    assert field in error.value.message_dict
    with scopes_disabled():
        assert not CheckIn.objects.exists()


def test_attendees_must_be_the_citys_people(world):
    with pytest.raises(ValidationError) as error:
        _log(world, values=_values(), attendee_ids={world.users["member_b"].pk})
    assert "attendees" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _log(world, values=_values(), attendee_ids=set())
    assert "attendees" in error.value.message_dict


def test_a_draft_may_be_incomplete_and_is_not_shared(world):
    with scope(city=world.city):
        draft = save_checkin_draft(city=world.city, by=world.users["coach_a"],
                                   values={"summary": "half a thought"})
        draft = save_checkin_draft(city=world.city, by=world.users["coach_a"], checkin=draft,
                                   values={"summary": "a whole thought"})
        assert CheckIn.objects.get().summary == "a whole thought"
    assert draft.status == CheckInStatus.DRAFT
    with scopes_disabled():
        assert not Notification.objects.exists()
        assert not HoursEntry.objects.exists()


def test_an_autosave_cannot_rewrite_a_logged_checkin(world):
    checkin = _log(world, values=_values(), attendee_ids={world.users["member_a"].pk})
    with scope(city=world.city), pytest.raises(ValidationError):
        save_checkin_draft(city=world.city, by=world.users["coach_a"], checkin=checkin,
                           values={"summary": "overwritten"})


@pytest.mark.parametrize("role, refused", [("member_a", 403), ("mayor_a", 403),
                                            ("coach_b", 404), ("outsider", 404)])
def test_only_the_citys_coach_and_staff_log_checkins(world, client_as, role, refused):
    # Who may log is asked at the door (cities.doors): the page and the API refuse.
    values = _values()
    response = client_as(role).post(f"/c/{world.city.slug}/coaching/checkins/new/", {
        "intent": "log", "happened_at": timezone.localtime(values["happened_at"])
        .strftime("%Y-%m-%dT%H:%M"), "duration_minutes": "90", "mode": "video",
        "attendees": [world.users["member_a"].pk], "summary": values["summary"],
    })
    assert response.status_code == refused
    api = client_as(role).post(f"/api/v1/cities/{world.city.slug}/checkins/", {
        "happened_at": values["happened_at"].isoformat(), "duration_minutes": 90,
        "attendees": [world.users["member_a"].pk], "summary": values["summary"],
    }, content_type="application/json")
    assert api.status_code == refused
    with scopes_disabled():
        assert not CheckIn.objects.exists()
    staff = _log(world, by="staff", values=_values(), attendee_ids={world.users["member_a"].pk})
    assert staff.coach is None


def test_no_attendee_is_ticked_in_advance_on_a_new_checkin(world, client):
    """A box ticked by default credits hours to whoever the coach forgets to untick: the
    new form starts with nobody ticked, even after a check-in everyone attended."""
    _log(world, values=_values(), attendee_ids={world.users["member_a"].pk,
                                                world.users["manager_a"].pk})
    client.force_login(world.users["coach_a"])

    page = client.get(f"/c/{world.city.slug}/coaching/checkins/new/").content.decode()

    boxes = [tag for tag in page.split("<input")[1:] if 'name="attendees"' in tag.split(">")[0]]
    assert len(boxes) >= 2
    assert not any("checked" in tag.split(">")[0] for tag in boxes)
    assert "Nobody is ticked in advance" in page
