"""The portal pages: what each person sees, bad input, and constant query counts."""

import pytest
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from showcases.models import Showcase, State
from tests import factories
from tests.showcases.conftest import login


def make_showcases(team, n, *, published=False):
    with scopes_disabled():
        for i in range(n):
            showcase = factories.ShowcaseFactory(
                city=team.city, state=State.ACCEPTED, title=f"Routine #{i}",
                round=factories.ShowcaseRoundFactory(cohort=team.cohort),
                publication_consent=published,
                published_at=timezone.now() if published else None,
            )
            factories.EvidenceLinkFactory(showcase=showcase)
            factories.FeedbackFactory(showcase=showcase, coach=team.coach)


@pytest.mark.parametrize("n", [1, 12])
def test_the_showcase_list_costs_the_same_at_any_size(client, team, n,
                                                      django_assert_num_queries):
    make_showcases(team, n)
    login(client, team.cdo)
    with django_assert_num_queries(11):
        response = client.get("/c/riverton/showcases/")
    assert response.content.decode().count("Routine #") == n


@pytest.mark.parametrize("n", [1, 12])
def test_the_library_costs_the_same_at_any_size(client, team, n, django_assert_num_queries):
    make_showcases(team, n, published=True)
    login(client, team.other_cdo)
    with django_assert_num_queries(11):
        response = client.get("/library/")
    assert response.content.decode().count("Routine #") == n


@pytest.mark.parametrize("n", [1, 12])
def test_the_staff_page_costs_the_same_at_any_size(client, team, n,
                                                   django_assert_num_queries):
    make_showcases(team, n)
    login(client, team.staff)
    with django_assert_num_queries(10):
        response = client.get("/staff/showcases/")
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 12])
def test_the_api_list_costs_the_same_at_any_size(client, team, n, django_assert_num_queries):
    make_showcases(team, n)
    login(client, team.cdo)
    with django_assert_num_queries(9):
        response = client.get("/api/v1/cities/riverton/showcases/")
    assert response.json()["count"] == n


def test_the_team_drafts_a_showcase_through_the_form(client, team):
    login(client, team.cdo)
    response = client.post("/c/riverton/showcases/new/", {
        "title": "Open permits data", "practice_type": "policy", "pillar": "invest",
        "what_changed": "Permits are published weekly.", "impact_kind": "expected",
    })
    assert response.status_code == 302
    with scope(city=team.city):
        showcase = Showcase.objects.get()
    assert showcase.state == State.DRAFT and showcase.created_by == team.cdo
    page = client.get(response["Location"]).content.decode()
    assert "Open permits data" in page and "Submit to coach" in page


def test_bad_input_is_shown_at_the_field_and_nothing_is_saved(client, team):
    login(client, team.cdo)
    response = client.post("/c/riverton/showcases/new/", {
        "title": "", "practice_type": "policy", "pillar": "juggling", "what_changed": "x",
    })
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_title_error"' in page and 'id="id_pillar_error"' in page
    assert 'aria-describedby="id_title_error"' in page  # the field points at its error
    with scope(city=team.city):
        assert not Showcase.objects.exists()


def test_submitting_an_incomplete_showcase_explains_what_is_missing(client, team):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city, impact="")
    response = login(client, team.cdo).post(f"/c/riverton/showcases/{showcase.pk}/submit/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Impact: Fill this in before you submit." in page
    assert "Add at least one piece of evidence" in page
    showcase.refresh_from_db()
    assert showcase.state == State.DRAFT


def test_the_coach_requests_a_revision_from_the_page(client, team):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city, state=State.SUBMITTED)
    login(client, team.coach)
    empty = client.post(f"/c/riverton/showcases/{showcase.pk}/feedback/", {"strengths": ""})
    assert empty.status_code == 400
    response = client.post(f"/c/riverton/showcases/{showcase.pk}/feedback/", {
        "strengths": "Strong owner.", "suggestions": "Show the baseline.",
        "revision_requested": "on",
    })
    assert response.status_code == 302
    showcase.refresh_from_db()
    assert showcase.state == State.FEEDBACK_GIVEN and showcase.revision_requested
    page = login(client, team.cdo).get(f"/c/riverton/showcases/{showcase.pk}/").content.decode()
    assert "Show the baseline." in page and "Resubmit to coach" in page


def test_the_mayor_sees_but_cannot_edit(client, team):
    with scopes_disabled():
        showcase = factories.ShowcaseFactory(city=team.city)
    login(client, team.mayor)
    page = client.get(f"/c/riverton/showcases/{showcase.pk}/").content.decode()
    assert showcase.title in page and "Submit to coach" not in page
    assert client.get(f"/c/riverton/showcases/{showcase.pk}/edit/").status_code == 403
