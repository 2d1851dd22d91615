"""The API: the caller's own feedback on the sessions they attended, and answering it."""

from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from feedback.models import SessionFeedback


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_list_holds_the_callers_attended_sessions_with_their_answer(fb):
    client = api(fb.cdo)
    (item,) = client.get("/api/v1/cities/alpha/feedback/").json()["results"]
    assert (item["session"], item["answered"], item["is_open"], item["rating"]) == (
        fb.workshop.pk, False, True, None)
    answer = client.put(f"/api/v1/cities/alpha/sessions/{fb.workshop.pk}/feedback/",
                        {"rating": 4, "most_useful": "The rubric"}, format="json")
    assert answer.status_code == 200
    assert (answer.json()["rating"], answer.json()["most_useful"]) == (4, "The rubric")
    (item,) = client.get("/api/v1/cities/alpha/feedback/").json()["results"]
    assert item["answered"] and item["rating"] == 4


def test_the_mayor_who_did_not_attend_gets_the_reason_at_the_field(fb):
    url = f"/api/v1/cities/alpha/sessions/{fb.workshop.pk}/feedback/"
    state = api(fb.mayor).get(url).json()
    assert (state["attended"], state["is_open"]) == (False, False)
    assert "only on sessions you attended" in state["reason"]
    response = api(fb.mayor).put(url, {"rating": 4}, format="json")
    assert response.status_code == 400
    assert "only on sessions you attended" in response.json()["rating"][0]
    assert api(fb.mayor).get("/api/v1/cities/alpha/feedback/").json()["results"] == []


def test_a_rating_of_six_is_refused_and_changes_nothing(fb):
    response = api(fb.cdo).put(f"/api/v1/cities/alpha/sessions/{fb.workshop.pk}/feedback/",
                               {"rating": 6}, format="json")
    assert response.status_code == 400 and "rating" in response.json()
    with scopes_disabled():
        assert not SessionFeedback.objects.exists()
