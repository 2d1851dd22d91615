"""The builder and reading pages over HTTP: saves, conflicts, review actions, PDFs, API."""

import json

import pytest
from django.test import Client
from django_scopes import scope, scopes_disabled
from rest_framework.authtoken.models import Token

from caching.data_versions import forget_data
from strategy.models import DocumentStatus, Strategy, StrategyDocument, StrategyState
from strategy.review import submit_for_review
from tests import factories
from tests.strategy.conftest import add_initiatives


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def base(team):
    return f"/c/{team.city.slug}/strategy/"


def fresh(team):
    with scopes_disabled():
        return Strategy.objects.get(pk=team.strategy.pk)


def test_saving_a_step_without_javascript(team):
    client = client_for(team.cdo)
    page = client.get(base(team) + "step/component-governance/")
    assert page.status_code == 200
    assert b"Choose the current maturity" in page.content  # what is missing
    assert b"No data policy or owner" in page.content  # the rubric beside the choice
    response = client.post(base(team) + "step/component-governance/", {
        "revision": fresh(team).revision, "current_maturity": "2", "target_state": "Stewards",
        "goals": "Adopt a policy", "then": "next"})
    assert response.status_code == 302
    assert response["Location"].endswith("/step/component-quality/")
    with scope(city=team.city):
        plan = fresh(team).components.get(key="governance")
    assert (plan.current_maturity, plan.target_state) == (2, "Stewards")


def test_a_conflicting_form_post_shows_both_versions_and_overwrites_nothing(team):
    revision = fresh(team).revision
    first, second = client_for(team.cdo), client_for(team.manager)
    assert first.post(base(team) + "step/vision/", {
        "revision": revision, "vision": "Dana's words", "priorities": ""}).status_code == 302
    response = second.post(base(team) + "step/vision/", {
        "revision": revision, "vision": "Sam's words", "priorities": ""})
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else saved this section while you were editing." in body
    assert "Dana&#x27;s words" in body and "Sam&#x27;s words" in body
    assert fresh(team).vision == "Dana's words"
    # The re-rendered form carries the new revision: saving again keeps Sam's text knowingly.
    assert f'name="revision" value="{revision + 1}"' in body
    again = second.post(base(team) + "step/vision/", {
        "revision": revision + 1, "vision": "Both our words", "priorities": ""})
    assert again.status_code == 302
    assert fresh(team).vision == "Both our words"


def test_autosave_returns_the_revision_and_a_conflict_with_both_versions(team):
    revision = fresh(team).revision
    client = client_for(team.cdo)
    ok = client.post(base(team) + "autosave/", json.dumps({
        "section": "vision", "revision": revision, "fields": {"vision": "Typed"}}),
        content_type="application/json")
    assert ok.status_code == 200
    assert ok.json()["revision"] == revision + 1
    assert ok.json()["message"].startswith("Saved at")
    stale = client_for(team.manager).post(base(team) + "autosave/", json.dumps({
        "section": "vision", "revision": revision, "fields": {"vision": "Other"}}),
        content_type="application/json")
    assert stale.status_code == 409
    assert stale.json()["theirs"]["vision"] == "Typed"
    assert stale.json()["yours"]["vision"] == "Other"
    assert fresh(team).vision == "Typed"
    bad = client.post(base(team) + "autosave/", json.dumps({
        "section": "component-use", "revision": revision + 1,
        "fields": {"current_maturity": "9"}}), content_type="application/json")
    assert bad.status_code == 400
    assert "current_maturity" in bad.json()["errors"]


def test_the_api_patches_through_the_same_rules_and_answers_409_on_conflict(team):
    token, _ = Token.objects.get_or_create(user=team.cdo)
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    url = f"/api/v1/cities/{team.city.slug}/strategy/"
    current = api.get(url).json()
    assert [s["key"] for s in current["sections"]][:2] == ["vision", "component-governance"]
    revision = current["revision"]
    patched = api.patch(url, {"section": "vision", "revision": revision,
                              "fields": {"vision": "From the API"}},
                        content_type="application/json")
    assert patched.status_code == 200 and patched.json()["vision"] == "From the API"
    conflict = api.patch(url, {"section": "vision", "revision": revision,
                               "fields": {"vision": "Stale"}}, content_type="application/json")
    assert conflict.status_code == 409
    assert conflict.json()["theirs"] == {"vision": "From the API", "priorities": ""}
    bad = api.patch(url, {"section": "component-use", "revision": revision + 1,
                          "fields": {"current_maturity": 0}}, content_type="application/json")
    assert bad.status_code == 400 and "current_maturity" in bad.json()
    assert fresh(team).vision == "From the API"


def test_the_mayor_requests_changes_with_a_comment_at_the_field(team):
    with scope(city=team.city):
        submit_for_review(strategy=team.strategy, user=team.cdo)
    mayor = client_for(team.mayor)
    read = mayor.get(base(team) + "read/")
    assert b"waits for the mayor" in read.content and b"Send decision" in read.content
    missing = mayor.post(base(team) + "decide/", {"decision": "request_changes", "comment": ""})
    assert missing.status_code == 400
    assert b"Tell the team what to change." in missing.content
    assert fresh(team).state == StrategyState.IN_REVIEW
    done = mayor.post(base(team) + "decide/", {"decision": "request_changes",
                                              "comment": "More on transparency"})
    assert done.status_code == 302
    assert fresh(team).state == StrategyState.CHANGES_REQUESTED
    overview = client_for(team.cdo).get(base(team))
    assert b"More on transparency" in overview.content


def test_a_coach_comments_but_cannot_decide(team):
    with scope(city=team.city):
        submit_for_review(strategy=team.strategy, user=team.cdo)
    coach = client_for(team.coach)
    assert coach.post(base(team) + "comments/", {"section": "vision", "body": "Nice",
                                                 "next": base(team) + "read/"}).status_code == 302
    assert b"Nice" in coach.get(base(team) + "read/").content
    assert coach.post(base(team) + "decide/", {"decision": "approve"}).status_code == 403
    assert fresh(team).state == StrategyState.IN_REVIEW


def test_the_pdf_page_says_preparing_then_offers_the_download(
        team, django_capture_on_commit_callbacks, monkeypatch):
    client = client_for(team.cdo)
    queued = []
    monkeypatch.setattr("strategy.tasks.render_strategy_pdf.delay",
                        lambda *args: queued.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(base(team) + "brief/")
    assert first.status_code == 200
    assert b"Preparing the PDF" in first.content and b"data-refresh-seconds" in first.content
    assert queued == [(team.strategy.pk, "brief", "en")]  # queued, not rendered in the request
    with scopes_disabled():
        assert StrategyDocument.objects.get().status == DocumentStatus.PENDING
    monkeypatch.undo()
    from strategy.tasks import render_strategy_pdf

    render_strategy_pdf.apply(args=queued[0])  # what the worker does
    ready = client.get(base(team) + "brief/")
    assert b"Download the PDF" in ready.content and b"data-refresh-seconds" not in ready.content
    with scopes_disabled():
        document = StrategyDocument.objects.get()
    download = client.get(base(team) + f"documents/{document.pk}/")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_api_pdf_answers_202_then_the_pdf(team, django_capture_on_commit_callbacks):
    token, _ = Token.objects.get_or_create(user=team.coach)
    api = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    url = f"/api/v1/cities/{team.city.slug}/strategy/pdf/?kind=brief"
    with django_capture_on_commit_callbacks(execute=False):
        pending = api.get(url)
    assert pending.status_code == 202 and pending.json()["status"] == "pending"
    from strategy.tasks import render_strategy_pdf

    render_strategy_pdf.apply(args=(team.strategy.pk, "brief", "en"))
    ready = api.get(url)
    assert ready.status_code == 200 and ready["Content-Type"] == "application/pdf"


def _query_count(django_assert_num_queries, client, url, expected):
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("count", [3, 40])
def test_builder_and_reading_view_query_counts_do_not_grow(team, count, django_assert_num_queries):
    with scope(city=team.city):
        initiatives = add_initiatives(team.strategy, count)
        for initiative in initiatives[:count // 2]:
            factories.MetricFactory(component=initiative.component)
        submit_for_review(strategy=team.strategy, user=team.cdo)
    client = client_for(team.cdo)
    client.get(base(team))  # warm the session
    forget_data(everything=True)  # render the overview afresh below: no cached page
    _query_count(django_assert_num_queries, client, base(team) + "step/component-governance/", 15)
    _query_count(django_assert_num_queries, client, base(team) + "step/roadmap/", 14)
    _query_count(django_assert_num_queries, client, base(team) + "step/metrics/", 14)
    # (+2: the template and its components, to show the frozen shipped texts in the reader's
    # language)
    _query_count(django_assert_num_queries, client, base(team) + "versions/1/", 11)
    _query_count(django_assert_num_queries, client, base(team) + "read/", 14)
    _query_count(django_assert_num_queries, client, base(team), 13)
    response = _query_count(django_assert_num_queries, client, base(team) + "tracking/", 13)
    assert response.content.count(b'name="status-') == count


def test_bad_initiative_input_is_shown_at_the_field_and_nothing_is_added(team):
    client = client_for(team.cdo)
    response = client.post(base(team) + "components/use/initiatives/add/", {
        "revision": fresh(team).revision, "title": "", "year": "5", "status": "planned"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "This field is required." in body and "Select a valid choice." in body
    with scope(city=team.city):
        assert not fresh(team).components.get(key="use").initiatives.exists()
    added = client.post(base(team) + "components/use/initiatives/add/", {
        "revision": fresh(team).revision, "title": "RiverStat", "year": "1",
        "quarters": ["2", "3"], "status": "planned", "practice_areas": ["evaluations"]})
    assert added.status_code == 302
    with scope(city=team.city):
        initiative = fresh(team).components.get(key="use").initiatives.get()
    assert (initiative.quarters, initiative.practice_areas) == ([2, 3], ["evaluations"])


def test_a_metric_is_added_and_shown_in_the_metrics_step(team):
    client = client_for(team.cdo)
    response = client.post(base(team) + "components/quality/metrics/add/", {
        "revision": fresh(team).revision, "name": "Documented datasets", "baseline": "2",
        "target_year_1": "6", "target_year_2": "12", "target_year_3": "20",
        "data_source": "Inventory", "frequency": "quarterly"})
    assert response.status_code == 302
    page = client.get(base(team) + "step/metrics/")
    assert b"Documented datasets" in page.content
    missing = client.post(base(team) + "components/quality/metrics/add/", {
        "revision": fresh(team).revision, "name": "", "frequency": "hourly"})
    assert missing.status_code == 400
    assert b"This field is required." in missing.content


def test_the_coach_sees_progress_against_the_plan_without_editing(team):
    with scope(city=team.city):
        initiatives = add_initiatives(team.strategy, 2)
        initiatives[0].status = "done"
        initiatives[0].save()
    page = client_for(team.coach).get(base(team) + "tracking/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Done: 1" in body and "Planned: 1" in body
    assert 'name="status-' not in body  # read-only for the coach
    assert client_for(team.coach).post(base(team) + "tracking/", {
        f"status-{initiatives[1].pk}": "done"}).status_code == 403
