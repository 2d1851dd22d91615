"""The assessment pages: the team answers with evidence, the coach verifies or questions,
a gap becomes a strategy initiative; bad input is refused where it was typed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_scopes import scopes_disabled

from assessment.models import Answer, GapInitiative, Item, Kind, Review
from assessment.windows import open_assessment
from strategy.models import Initiative


def _client(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def baseline(town):
    with scopes_disabled():
        return open_assessment(enrollment=town.enrollment, kind=Kind.BASELINE)


def _item(town, key):
    with scopes_disabled():
        return Item.objects.get(key=key, criterion__area__framework=town.framework)


def test_the_overview_opens_the_baseline_from_the_cohort_dates(town):
    response = _client(town.cdo).get("/c/riverton/assessment/")
    assert response.status_code == 200
    with scopes_disabled():
        assessment = town.enrollment.assessments.get()
    assert assessment.kind == Kind.BASELINE and assessment.opens_on == town.cohort.starts_on
    assert "Baseline" in response.content.decode()


def test_the_team_answers_items_with_a_link_a_note_and_a_file(
        town, baseline, django_capture_on_commit_callbacks):
    listed, owner = _item(town, "dm-inventory-list"), _item(town, "dm-inventory-owner")
    with django_capture_on_commit_callbacks(execute=True):  # the file is stored on commit
        response = _client(town.cdo).post("/c/riverton/assessment/baseline/dm-inventory/", {
            f"item-{listed.pk}-holds": "yes", f"item-{listed.pk}-note": "On the intranet",
            f"item-{listed.pk}-link": "https://data.riverton.test/inventory",
            f"item-{owner.pk}-holds": "yes",
            f"item-{owner.pk}-file": SimpleUploadedFile("owners.csv",
                                                        b"set,owner\nparcels,GIS\n"),
        })
    assert response.status_code == 302
    with scopes_disabled():
        answers = {a.item_id: a for a in Answer.objects.filter(assessment=baseline)}
    assert answers[listed.pk].holds and answers[listed.pk].note == "On the intranet"
    assert answers[owner.pk].original_name == "owners.csv" and answers[owner.pk].size > 0
    page = _client(town.coach).get("/c/riverton/assessment/baseline/dm-inventory/")
    assert "owners.csv" in page.content.decode()
    download = _client(town.mayor).get(
        f"/c/riverton/assessment/baseline/files/{answers[owner.pk].pk}/")
    assert download.status_code == 200 and download["Content-Disposition"].startswith(
        "attachment")


def test_a_file_that_is_not_what_it_says_is_refused_and_nothing_is_saved(town, baseline):
    listed, owner = _item(town, "dm-inventory-list"), _item(town, "dm-inventory-owner")
    response = _client(town.cdo).post("/c/riverton/assessment/baseline/dm-inventory/", {
        f"item-{listed.pk}-holds": "yes",
        f"item-{owner.pk}-holds": "yes",
        f"item-{owner.pk}-file": SimpleUploadedFile("owners.pdf", b"\x00\x01\x02 junk"),
    })
    assert response.status_code == 400
    assert "is not really a PDF" in response.content.decode()
    with scopes_disabled():
        assert not Answer.objects.filter(assessment=baseline).exists()


def test_a_link_that_is_not_a_web_address_is_refused_at_its_field(town, baseline):
    listed = _item(town, "dm-inventory-list")
    response = _client(town.cdo).post("/c/riverton/assessment/baseline/dm-inventory/", {
        f"item-{listed.pk}-holds": "yes", f"item-{listed.pk}-link": "javascript:alert(1)"})
    assert response.status_code == 400
    assert f'id="id_item-{listed.pk}-link_error"' in response.content.decode() or (
        "Enter a valid URL" in response.content.decode())
    with scopes_disabled():
        assert not Answer.objects.filter(assessment=baseline).exists()


def test_the_coach_verifies_and_the_score_counts_it(town, baseline):
    policy = _item(town, "od-policy-adopted")
    _client(town.cdo).post("/c/riverton/assessment/baseline/od-policy/",
                           {f"item-{policy.pk}-holds": "yes"})
    before = _client(town.cdo).get("/c/riverton/assessment/baseline/").content.decode()
    assert "Waiting for the coach" in before
    response = _client(town.coach).post("/c/riverton/assessment/baseline/od-policy/review/",
                                        {"review-verdict": "verified"})
    assert response.status_code == 302
    after = _client(town.cdo).get("/c/riverton/assessment/baseline/").content.decode()
    assert "Met, verified by the coach" in after
    assert "1 of 4" in after and "(25%)" in after


def test_a_question_needs_a_comment_and_changing_an_answer_sends_it_back(town, baseline):
    policy = _item(town, "od-policy-adopted")
    coach = _client(town.coach)
    _client(town.cdo).post("/c/riverton/assessment/baseline/od-policy/",
                           {f"item-{policy.pk}-holds": "yes"})
    refused = coach.post("/c/riverton/assessment/baseline/od-policy/review/",
                         {"review-verdict": "questioned", "review-comment": " "})
    assert refused.status_code == 400 and "Say what is missing" in refused.content.decode()
    coach.post("/c/riverton/assessment/baseline/od-policy/review/",
               {"review-verdict": "verified"})
    _client(town.cdo).post("/c/riverton/assessment/baseline/od-policy/",
                           {f"item-{policy.pk}-holds": "yes",
                            f"item-{policy.pk}-note": "Signed by the council"})
    with scopes_disabled():
        assert not Review.objects.filter(assessment=baseline).exists()


def test_a_coach_of_another_city_cannot_verify(town, baseline):
    response = _client(town.other_coach).post(
        "/c/riverton/assessment/baseline/od-policy/review/", {"review-verdict": "verified"})
    assert response.status_code == 404
    with scopes_disabled():
        assert not Review.objects.exists()


def test_a_gap_becomes_a_tagged_strategy_initiative_once(town, baseline):
    client = _client(town.cdo)
    response = client.post("/c/riverton/assessment/baseline/od-portal/initiative/")
    assert response.status_code == 302
    client.post("/c/riverton/assessment/baseline/od-portal/initiative/")
    with scopes_disabled():
        initiative = Initiative.objects.get(component__strategy__city=town.city)
        assert GapInitiative.objects.get().initiative == initiative
    assert initiative.title == "Data is published on a portal"
    assert initiative.practice_areas == ["open_data"]
    assert initiative.component.key == "transparency" and initiative.year == 1
    page = client.get("/c/riverton/assessment/baseline/").content.decode()
    assert "Already in your strategy as an initiative." in page


def test_the_api_lists_the_city_assessments_with_scores(town, baseline):
    response = _client(town.cdo).get("/api/v1/cities/riverton/assessment/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    first = body["results"][0]
    assert first["kind"] == "baseline" and first["score"]["total"] == 4
    assert {a["area"] for a in first["score"]["areas"]} == {"data_management", "open_data"}
    other = _client(town.other_cdo).get("/api/v1/cities/riverton/assessment/")
    assert other.status_code == 404


def test_the_strategy_shows_the_assessment_beside_the_maturity(town, baseline):
    policy = _item(town, "od-policy-adopted")
    _client(town.cdo).post("/c/riverton/assessment/baseline/od-policy/",
                           {f"item-{policy.pk}-holds": "yes"})
    _client(town.coach).post("/c/riverton/assessment/baseline/od-policy/review/",
                             {"review-verdict": "verified"})
    client = _client(town.cdo)
    client.post("/c/riverton/strategy/start/")
    page = client.get("/c/riverton/strategy/step/component-transparency/").content.decode()
    assert ("Data-practice assessment (Baseline): Open Data, 1 of 2 criteria met and "
            "verified.") in page
    governance = client.get("/c/riverton/strategy/step/component-governance/").content.decode()
    assert "Data-practice assessment" not in governance  # no area of the test framework
