"""Feedback pages and the API list cost the same number of queries with 3 and 30 sessions
that ended (each attended, asked and mostly answered by several people): no N+1."""

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from caching.data_versions import forget_data
from feedback.answers import give_feedback
from feedback.asking import ask_for_feedback
from tests.feedback.conftest import attend, past_session


def _fill(fb, size):
    kinds = ["workshop", "keynote", "coaching", "office_hours"]
    for n in range(size):
        session = past_session(fb.cohort, days_ago=1 + n % 5, kind=kinds[n % 4],
                               host=fb.coach)
        for user, city in ((fb.cdo, fb.city), (fb.policy, fb.city), (fb.other_cdo, fb.other)):
            attend(session, user, city)
    ask_for_feedback()
    with scopes_disabled():
        for n, session in enumerate(fb.cohort.sessions.order_by("pk")):
            if n % 3:
                give_feedback(session=session, user=fb.cdo, city=fb.city, rating=1 + n % 5,
                              most_useful=f"Useful {n}", to_change=f"Change {n}")
                give_feedback(session=session, user=fb.other_cdo, city=fb.other, rating=4)
    return session


PAGES = [
    ("mine", "cdo", lambda fb, s: "/c/alpha/feedback/", 9),
    ("answer", "cdo", lambda fb, s: f"/c/alpha/feedback/{s.pk}/", 11),
    ("staff cohort", "staff", lambda fb, s: "/staff/cohorts/fb-cohort/feedback/", 7),
    ("staff session", "staff", lambda fb, s: f"/staff/cohorts/fb-cohort/feedback/{s.pk}/", 7),
    ("host session", "coach", lambda fb, s: f"/staff/cohorts/fb-cohort/feedback/{s.pk}/", 8),
    ("api list", "cdo", lambda fb, s: "/api/v1/cities/alpha/feedback/", 9),
]


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize(("name", "who", "url", "queries"), PAGES, ids=[p[0] for p in PAGES])
def test_page_queries_do_not_grow_with_sessions(fb, size, name, who, url, queries,
                                                django_assert_num_queries):
    last = _fill(fb, size)
    client = Client()
    client.force_login(getattr(fb, who))
    path = url(fb, last)
    assert client.get(path).status_code == 200  # warm per-process caches
    forget_data(everything=True)

    with django_assert_num_queries(queries):
        response = client.get(path)

    assert response.status_code == 200
