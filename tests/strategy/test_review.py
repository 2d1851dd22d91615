"""The mayor's review: submit → in review (frozen) → changes requested | approved. Who may
submit or decide is asked at the door (``cities.doors``): asserted over HTTP."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from notifications.models import Notification
from strategy import editing
from strategy.models import Decision, Strategy, StrategyDocument, StrategyState
from strategy.review import approve_strategy, request_changes, submit_for_review


def _vision(team, text):
    strategy = Strategy.objects.get(pk=team.strategy.pk)
    return editing.update_section(strategy=strategy, section="vision", data={"vision": text},
                                  expected_revision=strategy.revision, user=team.cdo)


def test_submitting_freezes_a_version_and_tells_the_mayor(in_city):
    _vision(in_city, "Version one")
    version = submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
    assert (version.number, version.decision) == (1, Decision.PENDING)
    assert version.snapshot["vision"] == "Version one"
    assert Strategy.objects.get(pk=in_city.strategy.pk).state == StrategyState.IN_REVIEW
    told = Notification.objects.filter(recipient=in_city.mayor)
    assert [n.category for n in told] == ["strategy"]
    assert "waits for your review" in told[0].subject


def _post(team, person, path, data=None):
    client = Client()
    client.force_login(person)
    return client.post(f"/c/{team.city.slug}/strategy/{path}", data or {}).status_code


def test_only_the_mayor_may_decide(in_city):
    submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
    for person in (in_city.cdo, in_city.manager, in_city.coach):
        assert _post(in_city, person, "decide/", {"decision": "approve"}) == 403
        assert _post(in_city, person, "decide/",
                     {"decision": "request_changes", "comment": "No"}) == 403
    assert Strategy.objects.get(pk=in_city.strategy.pk).state == StrategyState.IN_REVIEW


def test_the_mayor_and_coach_may_not_submit(in_city):
    for person in (in_city.mayor, in_city.coach):
        assert _post(in_city, person, "submit/") == 403
    assert not in_city.strategy.versions.exists()


def test_requesting_changes_needs_a_comment_and_tells_the_team(in_city):
    submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
    with pytest.raises(ValidationError) as caught:
        request_changes(strategy=in_city.strategy, user=in_city.mayor, comment="  ")
    assert "comment" in caught.value.message_dict
    version = request_changes(strategy=in_city.strategy, user=in_city.mayor,
                              comment="Add transparency goals.")
    assert version.decision == Decision.CHANGES_REQUESTED
    assert version.decided_by == in_city.mayor
    strategy = Strategy.objects.get(pk=in_city.strategy.pk)
    assert strategy.state == StrategyState.CHANGES_REQUESTED
    assert strategy.comments.get(section="review").body == "Add transparency goals."
    assert Notification.objects.filter(recipient=in_city.cdo, category="strategy").exists()
    # The team can edit again and resubmit as version 2; the first stays frozen.
    _vision(in_city, "Revised")
    second = submit_for_review(strategy=strategy, user=in_city.manager)
    assert second.number == 2
    assert strategy.versions.get(number=1).snapshot["vision"] == ""


def test_approval_records_who_and_when_and_queues_the_pdf(
        in_city, django_capture_on_commit_callbacks, monkeypatch):
    queued = []
    monkeypatch.setattr("strategy.tasks.render_strategy_pdf.delay",
                        lambda *args: queued.append(args))
    submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
    with django_capture_on_commit_callbacks(execute=True):
        approve_strategy(strategy=in_city.strategy, user=in_city.mayor, comment="Go!")
    strategy = Strategy.objects.get(pk=in_city.strategy.pk)
    assert strategy.state == StrategyState.APPROVED
    assert strategy.approved_by == in_city.mayor and strategy.approved_at is not None
    assert queued == [(strategy.pk, "full", "en")]
    assert StrategyDocument.objects.filter(strategy=strategy, kind="full").count() == 1


def test_nothing_to_decide_without_a_submitted_version(in_city):
    with pytest.raises(ValidationError):
        approve_strategy(strategy=in_city.strategy, user=in_city.mayor)
    submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
    approve_strategy(strategy=in_city.strategy, user=in_city.mayor)
    with pytest.raises(ValidationError):
        approve_strategy(strategy=in_city.strategy, user=in_city.mayor)
    with pytest.raises(ValidationError):
        submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
