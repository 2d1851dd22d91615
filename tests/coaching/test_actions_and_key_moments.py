"""Action items and the mayor's key moments in the domain layer (who may act: at the door,
``cities.doors``, asserted here over HTTP)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from accounts.models import Role
from coaching.actions import (
    complete_action_item,
    create_action_item,
    drop_action_item,
    reopen_action_item,
)
from coaching.key_moments import answer_mayor_request, request_mayor_decision
from coaching.models import ActionItem, ActionItemStatus, MayorRequest
from notifications.models import Notification
from tests import factories

SOON = timezone.localdate() + datetime.timedelta(days=7)


def _create(world, by="coach_a", owner="member_a", **kwargs):
    with scope(city=world.city):
        return create_action_item(
            city=world.city, by=world.users[by], title=kwargs.pop("title", "Publish it"),
            owner=world.users[owner] if owner else None, due_on=kwargs.pop("due_on", SOON),
            **kwargs,
        )


def _events(event):
    with scopes_disabled():
        return list(Notification.objects.filter(record__event=event))


def test_the_coach_creates_an_item_and_its_owner_is_told(world):
    item = _create(world)
    assert item.status == ActionItemStatus.OPEN and item.created_by == world.users["coach_a"]
    assert [n.recipient for n in _events("coaching.action_item_assigned")] == [
        world.users["member_a"]
    ]


def test_the_coach_may_own_an_item(world):
    item = _create(world, owner="coach_a")
    assert item.owner == world.users["coach_a"]
    assert _events("coaching.action_item_assigned") == []  # nobody to tell but oneself


@pytest.mark.parametrize("kwargs, field", [
    ({"owner": "member_b"}, "owner"),
    ({"owner": "coach_b"}, "owner"),
    ({"owner": None}, "owner"),
    ({"title": ""}, "title"),
    ({"due_on": timezone.localdate() - datetime.timedelta(days=1)}, "due_on"),
])
def test_a_bad_item_is_refused_at_the_field(world, kwargs, field):
    with pytest.raises(ValidationError) as error:
        _create(world, **kwargs)
    assert field in error.value.message_dict
    with scopes_disabled():
        assert not ActionItem.objects.exists()


@pytest.mark.parametrize("role, refused", [("member_a", 403), ("mayor_a", 403),
                                            ("coach_b", 404)])
def test_only_the_coach_and_staff_create_items(world, client_as, role, refused):
    response = client_as(role).post(
        f"/c/{world.city.slug}/coaching/action-items/new/",
        {"item-title": "Publish it", "item-owner": world.users["member_a"].pk,
         "item-due_on": SOON.isoformat()},
    )
    assert response.status_code == refused
    with scopes_disabled():
        assert not ActionItem.objects.exists()


def test_the_owner_closes_their_item_and_others_of_the_team_may_not(world, client_as):
    item = _create(world)
    response = client_as("mayor_a").post(
        f"/c/{world.city.slug}/coaching/action-items/{item.pk}/", {"intent": "done"})
    assert response.status_code == 403
    with scope(city=world.city):
        item.refresh_from_db()
        assert item.status == ActionItemStatus.OPEN
        complete_action_item(item=item, by=world.users["member_a"])
        item.refresh_from_db()
        assert item.status == ActionItemStatus.DONE and item.closed_at
        with pytest.raises(ValidationError):
            drop_action_item(item=item, by=world.users["coach_a"])
        reopen_action_item(item=item, by=world.users["coach_a"])
        drop_action_item(item=item, by=world.users["coach_a"])
        item.refresh_from_db()
        assert item.status == ActionItemStatus.DROPPED
        assert [h.status for h in item.history.order_by("history_date")] == [
            "open", "done", "open", "dropped"
        ]


def _ask(world, by="coach_a", **kwargs):
    with scope(city=world.city):
        return request_mayor_decision(
            city=world.city, by=world.users[by], question=kwargs.get("question", "Open data?"),
            context="Context.", deadline=kwargs.get("deadline", SOON),
        )


def test_the_coach_asks_the_mayor_and_the_mayor_is_told(world):
    request = _ask(world)
    assert request.requested_by == world.users["coach_a"] and not request.is_answered
    assert [n.recipient for n in _events("coaching.mayor_request")] == [world.users["mayor_a"]]


def test_an_inactive_mayor_is_not_asked(world):
    with scopes_disabled():
        factories.MembershipFactory(city=world.city, role=Role.MAYOR, user__is_active=False)
    _ask(world)
    assert [n.recipient for n in _events("coaching.mayor_request")] == [world.users["mayor_a"]]


@pytest.mark.parametrize("kwargs, field", [
    ({"question": " "}, "question"),
    ({"deadline": timezone.localdate() - datetime.timedelta(days=1)}, "deadline"),
])
def test_a_bad_request_is_refused_at_the_field(world, kwargs, field):
    with pytest.raises(ValidationError) as error:
        _ask(world, **kwargs)
    assert field in error.value.message_dict


def test_only_the_mayor_answers_once_and_the_answer_is_in_the_history(world, client_as):
    request = _ask(world)
    for role in ("member_a", "coach_a", "staff"):
        response = client_as(role).post(
            f"/c/{world.city.slug}/coaching/requests/{request.pk}/answer/",
            {f"answer-{request.pk}-answer": "Yes"})
        assert response.status_code == 403
    with scope(city=world.city):
        request.refresh_from_db()
        assert not request.is_answered
        with pytest.raises(ValidationError):
            answer_mayor_request(request=request, by=world.users["mayor_a"], answer=" ")
        answer_mayor_request(request=request, by=world.users["mayor_a"], answer="Yes, go.")
        with pytest.raises(ValidationError):
            answer_mayor_request(request=request, by=world.users["mayor_a"], answer="No")
        request = MayorRequest.objects.get()
        latest = request.history.order_by("-history_date").first()
    assert request.answer == "Yes, go." and request.answered_by == world.users["mayor_a"]
    assert latest.answer == "Yes, go." and latest.history_user == world.users["mayor_a"]
    assert world.users["coach_a"] in [n.recipient for n in _events("coaching.mayor_answered")]


def test_possible_owners_are_the_citys_active_team_and_coaches_each_once(world):
    from coaching.actions import possible_owner_ids, possible_owners

    with scopes_disabled():
        gone = factories.MembershipFactory(city=world.city, role=Role.CDO,
                                           user__is_active=False).user
        # A coach who also sits on the team is offered once.
        factories.MembershipFactory(city=world.city, role=Role.CDO, user=world.users["coach_a"])
        owners = list(possible_owners(city=world.city))
    names = [(user.name, user.email) for user in owners]
    assert names == sorted(names)
    assert len(owners) == len(set(owners))
    assert {world.users["member_a"], world.users["mayor_a"], world.users["coach_a"]} <= set(owners)
    assert not {world.users["member_b"], world.users["coach_b"], gone} & set(owners)
    with scopes_disabled():
        assert possible_owner_ids(city=world.city) == {user.pk for user in owners}
