"""The showcase's states, who may move it (at the door: pages and API), its history and who
is told."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from notifications.models import Notification
from showcases import workflow
from showcases.models import Showcase, State
from tests import factories

FIELDS = {
    "title": "Pothole data routine", "practice_type": "data_routine", "pillar": "lead",
    "what_changed": "Crews get a daily list ranked by risk.",
    "who_involved": "Public works and the data office.",
    "impact": "Repairs within 48 hours up from 40% to 65%.", "impact_kind": "measured",
    "sustainment_owner": "Public works director",
    "sustainment_how": "Daily list generated automatically; monthly review.",
}


@pytest.fixture
def draft(team):
    import datetime

    with scope(city=team.city):
        showcase = workflow.save_draft(
            city=team.city, by=team.cdo,
            fields=FIELDS | {"sustainment_review_on": datetime.date(2027, 6, 1)},
        )
        factories.EvidenceLinkFactory(showcase=showcase)
    return showcase


def told(user, event):
    with scopes_disabled():
        return Notification.objects.filter(recipient=user, record__event=event).exists()


def reasons(showcase):
    return [h.history_change_reason for h in showcase.history.order_by("history_date")]


def test_the_full_round_trip(team, draft):
    with scope(city=team.city):
        workflow.submit_showcase(showcase=draft, by=team.cdo)
        assert told(team.coach, "showcase.submitted")
        assert not told(team.other_coach, "showcase.submitted")

        workflow.request_revision(showcase=draft, by=team.coach, strengths="Clear owner.",
                                  suggestions="Add the before/after numbers.")
        assert draft.state == State.FEEDBACK_GIVEN and draft.revision_requested
        assert told(team.cdo, "showcase.revision_requested")
        with pytest.raises(ValidationError):
            workflow.accept_showcase(showcase=draft, by=team.coach)

        workflow.save_draft(city=team.city, by=team.cdo, showcase=draft,
                            fields={"impact": "Repairs within 48h: 40% → 65% (Jan–Mar)."})
        workflow.resubmit(showcase=draft, by=team.cdo)
        assert draft.state == State.REVISED and not draft.revision_requested
        assert told(team.coach, "showcase.resubmitted")

        workflow.accept_showcase(showcase=draft, by=team.coach)
        assert told(team.cdo, "showcase.accepted")
        scheduled(draft, team, starts_in=datetime.timedelta(hours=-1))
        workflow.present_showcase(showcase=draft, by=team.staff)

        draft.refresh_from_db()
        assert draft.feedback.count() == 1
    assert draft.state == State.PRESENTED
    assert reasons(draft) == ["created", "submitted", "revision requested", "edited",
                              "resubmitted", "accepted", "presented"]


def test_submission_needs_every_part_and_evidence(team):
    with scope(city=team.city):
        showcase = workflow.save_draft(city=team.city, by=team.cdo, fields={
            "title": "Half done", "practice_type": "policy", "pillar": "invest",
            "what_changed": "An open data policy.",
        })
        with pytest.raises(ValidationError) as error:
            workflow.submit_showcase(showcase=showcase, by=team.cdo)
        showcase.refresh_from_db()
    assert {"impact", "sustainment_owner", "evidence"} <= set(error.value.message_dict)
    assert showcase.state == State.DRAFT


def test_a_draft_needs_a_title_and_a_known_pillar(team):
    with scope(city=team.city), pytest.raises(ValidationError) as error:
        workflow.save_draft(city=team.city, by=team.cdo, fields={
            "title": "", "practice_type": "data_routine", "pillar": "dance",
            "what_changed": "x",
        })
        assert not Showcase.objects.exists()
    assert {"title", "pillar"} <= set(error.value.message_dict)


def _refusals(team, user, draft, page_posts, api_posts):
    """The status of each POST to the showcase's pages and API actions, as ``user``."""
    client = Client()
    client.force_login(user)
    page = f"/c/{team.city.slug}/showcases/{draft.pk}/"
    api = f"/api/v1/cities/{team.city.slug}/showcases/{draft.pk}/"
    codes = [client.post(page + path, data).status_code for path, data in page_posts]
    codes += [client.post(api + path, data, content_type="application/json").status_code
              for path, data in api_posts]
    return set(codes)


def _refused(who):
    """As today: another city's people do not find the showcase; the city's others may not."""
    return {404} if who.startswith("other_") else {403}


@pytest.mark.parametrize("who", ["mayor", "coach", "staff", "other_cdo"])
def test_only_the_senior_team_drafts_and_submits(team, draft, who):
    user = getattr(team, who)
    codes = _refusals(team, user, draft, [("edit/", {"title": "x"}), ("submit/", {})],
                      [("submit/", {})])
    patch = Client()
    patch.force_login(user)
    codes.add(patch.patch(f"/api/v1/cities/{team.city.slug}/showcases/{draft.pk}/",
                          {"title": "x"}, content_type="application/json").status_code)
    assert codes == _refused(who)
    with scope(city=team.city):
        draft.refresh_from_db()
    assert draft.state == State.DRAFT and draft.title == FIELDS["title"]


@pytest.mark.parametrize("who", ["cdo", "mayor", "staff", "other_coach"])
def test_only_the_citys_coach_gives_feedback_and_accepts(team, draft, who):
    user = getattr(team, who)
    with scope(city=team.city):
        workflow.submit_showcase(showcase=draft, by=team.cdo)
    codes = _refusals(team, user, draft,
                      [("feedback/", {"strengths": "Nice"}), ("accept/", {})],
                      [("feedback/", {"strengths": "Nice"}), ("accept/", {})])
    assert codes == _refused(who)
    with scope(city=team.city):
        draft.refresh_from_db()
        assert draft.state == State.SUBMITTED and not draft.feedback.exists()


def test_a_submitted_showcase_is_locked_for_the_team(team, draft):
    with scope(city=team.city):
        workflow.submit_showcase(showcase=draft, by=team.cdo)
        with pytest.raises(ValidationError):
            workflow.save_draft(city=team.city, by=team.cdo, fields={"title": "Sneaky"},
                                showcase=draft)
        draft.refresh_from_db()
    assert draft.title == FIELDS["title"]


def test_feedback_needs_strengths(team, draft):
    with scope(city=team.city):
        workflow.submit_showcase(showcase=draft, by=team.cdo)
        with pytest.raises(ValidationError) as error:
            workflow.give_feedback(showcase=draft, by=team.coach, strengths="  ")
    assert "strengths" in error.value.message_dict


def scheduled(showcase, team, *, starts_in):
    """Put ``showcase`` (accepted) in a slot of a showcase session starting ``starts_in``
    from now."""
    from showcases.scheduling import place_in_slot

    start = timezone.now() + starts_in
    session = factories.SessionFactory(cohort=team.cohort, kind="showcase", starts_at=start,
                                       ends_at=start + datetime.timedelta(hours=2))
    with scopes_disabled():
        return place_in_slot(showcase=showcase, session=session, by=team.staff)


def accepted(showcase, team):
    workflow.submit_showcase(showcase=showcase, by=team.cdo)
    workflow.accept_showcase(showcase=showcase, by=team.coach)
    return showcase


def test_a_showcase_cannot_be_presented_before_it_has_a_slot(team, draft):
    with scope(city=team.city):
        accepted(draft, team)
        with pytest.raises(ValidationError) as error:
            workflow.present_showcase(showcase=draft, by=team.staff)
    assert "no slot in a showcase session" in error.value.message_dict["state"][0]
    draft.refresh_from_db()
    assert draft.state == State.ACCEPTED and draft.presented_at is None


def test_a_showcase_cannot_be_presented_before_its_session_starts(team, draft):
    with scope(city=team.city):
        accepted(draft, team)
        slot = scheduled(draft, team, starts_in=datetime.timedelta(days=3))
        with pytest.raises(ValidationError) as error:
            workflow.present_showcase(showcase=draft, by=team.coach)
        assert "once its session has started" in error.value.message_dict["state"][0]
        draft.refresh_from_db()
        assert draft.state == State.ACCEPTED
        workflow.present_showcase(showcase=draft, by=team.coach,
                                  now=slot.session.starts_at + datetime.timedelta(minutes=5))
    assert draft.state == State.PRESENTED


def test_the_page_says_why_marking_presented_early_is_refused(client, team, draft):
    with scope(city=team.city):
        accepted(draft, team)
    client.force_login(team.coach)
    response = client.post(f"/c/{team.city.slug}/showcases/{draft.pk}/present/", follow=True)
    assert "no slot in a showcase session" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == State.ACCEPTED


def test_a_draft_cannot_be_accepted_or_presented(team, draft):
    with scope(city=team.city):
        with pytest.raises(ValidationError):
            workflow.accept_showcase(showcase=draft, by=team.coach)
        with pytest.raises(ValidationError):
            workflow.present_showcase(showcase=draft, by=team.staff)


def test_the_conversation_tells_the_other_side(team, draft):
    with scope(city=team.city):
        workflow.post_message(showcase=draft, by=team.coach, body="Can you add a chart?")
        workflow.post_message(showcase=draft, by=team.cdo, body="Added!")
        with pytest.raises(ValidationError):
            workflow.post_message(showcase=draft, by=team.cdo, body="   ")
        assert [m.body for m in draft.messages.all()] == ["Can you add a chart?", "Added!"]
    assert told(team.cdo, "showcase.message") and told(team.coach, "showcase.message")


def test_deadline_reminder_goes_to_cities_that_have_not_submitted(team, draft):
    import datetime

    from django.utils import timezone

    from notifications.models import ReminderRule
    from notifications.reminders import run_reminder_sweep

    with scopes_disabled():
        # The default rule (a data migration): three days before, to the senior team.
        assert ReminderRule.objects.filter(kind="showcase_deadline", active=True).count() == 1
        deadline = timezone.now() + datetime.timedelta(days=3) - datetime.timedelta(minutes=5)
        showcase_round = factories.ShowcaseRoundFactory(cohort=team.cohort,
                                                        submission_deadline=deadline)
        submitted = factories.ShowcaseFactory(city=team.other, round=showcase_round,
                                              state="submitted")
        assert submitted
    first = run_reminder_sweep()
    assert told(team.cdo, "showcase.deadline")
    assert not told(team.mayor, "showcase.deadline")
    assert not told(team.other_cdo, "showcase.deadline")
    second = run_reminder_sweep()
    assert (first, second) == (1, 0)
    with scopes_disabled():
        assert Notification.objects.filter(record__event="showcase.deadline").count() == 1
