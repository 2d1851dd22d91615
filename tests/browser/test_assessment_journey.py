"""The data-practice assessment in a real browser (axe and the HTML checker on every page):
Riverton's CDO answers the baseline with evidence, the coach verifies a criterion and
questions nothing else, the score counts it, and an unmet criterion becomes an initiative
of the strategy in one click."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from tests.browser.conftest import login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_as(page, live_server, email):
    page.context.clear_cookies()
    return login(page, live_server, email)


def submit(page, button_name):
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name=button_name).first.click()
    snap(page)


def _fresh_open_baseline():
    """Riverton's baseline, open today and not answered yet (the demo cohort's baseline
    window has passed: the journey runs as if in the cohort's first month, when the
    strategy is being drafted; the demo's waits for the mayor, and a strategy with the
    mayor takes no new initiative)."""
    from assessment.models import Assessment, Criterion
    from strategy.models import Strategy, StrategyState

    with scopes_disabled():
        baseline = Assessment.objects.get(city__slug="riverton", kind="baseline")
        Strategy.objects.filter(city__slug="riverton").update(state=StrategyState.DRAFTING)
        baseline.answers.all().delete()
        baseline.reviews.all().delete()
        today = timezone.localdate()
        Assessment.objects.filter(pk=baseline.pk).update(
            opens_on=today - datetime.timedelta(days=2),
            closes_on=today + datetime.timedelta(days=25), summary={})
        criteria = list(Criterion.objects.filter(area__framework=baseline.framework, requires=[])
                        .order_by("area__order", "order").prefetch_related("items"))
    return baseline, criteria[0], criteria[1]


@requires_chromium
def test_a_team_answers_the_baseline_the_coach_verifies_and_a_gap_becomes_an_initiative(
        page, live_server, demo, tmp_path):
    from assessment.models import Answer, Review
    from strategy.models import Initiative

    baseline, first, second = _fresh_open_baseline()
    first_text = first.text["en"]
    second_text = second.text["en"]

    # 1. The CDO opens the assessment from the city menu's address and the baseline.
    sign_in_as(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{live_server.url}/c/riverton/assessment/", expect_status=200)
    assert "open now" in page.inner_text("table")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Baseline").click()
    snap(page)
    assert "0 of" in page.inner_text("#score-heading + p")

    # 2. Answers every item of the first criterion, a file and a link as evidence.
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name=first_text).click()
    snap(page)
    items = page.locator("form fieldset.card")
    evidence = tmp_path / "inventory.csv"
    evidence.write_text("dataset,owner\nparcels,GIS\npermits,Building\n", encoding="utf-8")
    for n in range(items.count()):
        items.nth(n).get_by_label("Yes, this holds").check()
    items.nth(0).get_by_label("Link to evidence").fill("https://data.riverton.example/inventory")
    items.nth(0).get_by_label("File as evidence").set_input_files(str(evidence))
    items.nth(0).get_by_label("Note").fill("Kept by the CDO's office, reviewed in March.")
    submit(page, "Save the answers")
    assert "Your answers are saved." in page.inner_text("body")
    assert "Waiting for the coach" in page.inner_text("main")
    with scopes_disabled():
        assert Answer.objects.filter(assessment=baseline, holds=True).count() == first.items.count()

    # 3. The coach verifies the criterion.
    sign_in_as(page, live_server, "coach@demo.test")
    visit(page, f"{live_server.url}/c/riverton/assessment/baseline/{first.key}/",
          expect_status=200)
    assert "inventory.csv" in page.inner_text("main")
    page.get_by_label("Verified").check()
    submit(page, "Save the verdict")
    assert "Your verdict is saved." in page.inner_text("body")
    with scopes_disabled():
        assert Review.objects.get(assessment=baseline, criterion=first).verdict == "verified"

    # 4. The team sees it met and counted; turns an unmet criterion into an initiative.
    sign_in_as(page, live_server, "cdo@riverton.demo.test")
    visit(page, f"{live_server.url}/c/riverton/assessment/baseline/", expect_status=200)
    card = page.locator(f"#criterion-{first.key}")
    assert "Met, verified by the coach" in card.inner_text()
    assert "1 of" in page.inner_text("#score-heading + p")
    with page.expect_navigation(wait_until="load"):
        page.locator(f"#criterion-{second.key}").get_by_role(
            "button", name="Add to the strategy as an initiative").click()
    snap(page)
    assert path_of(page) == "/c/riverton/assessment/baseline/"
    assert "Added to your strategy's roadmap as an initiative." in page.inner_text("body")
    with scopes_disabled():
        initiative = Initiative.objects.get(component__strategy__city__slug="riverton",
                                            title=second_text[:200])
    assert initiative.practice_areas == [second.area.key]
    visit(page, f"{live_server.url}/c/riverton/strategy/step/roadmap/", expect_status=200)
    assert second_text[:40] in page.inner_text("main")
