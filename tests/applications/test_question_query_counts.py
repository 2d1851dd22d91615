"""The pages of a cohort's own questions cost the same number of queries with 3 questions
(and answers) as with 30: no N+1."""

import pytest
from django.test import Client

from applications.answers import clean_answer, record_answers
from caching.data_versions import forget_data
from tests import factories
from tests.applications.question_world import add_every_kind

pytestmark = pytest.mark.django_db


def _fill(cohort, application, rounds):
    """``rounds`` × one question of each kind (9 kinds), each answered but the file."""
    values = {"short_text": "Data office", "long_text": "one two", "number": "3",
              "yes_no": "yes", "single_choice": "1", "multiple_choice": ["1", "2"],
              "date": "2026-05-01", "link": "https://example.org"}
    for _ in range(rounds):
        questions = add_every_kind(cohort)
        record_answers(application=application, answers={
            questions[kind]: clean_answer(question=questions[kind], value=value)
            for kind, value in values.items()})


PAGES = [
    ("questions", "staff", lambda a: f"/staff/cohorts/{a.cohort.slug}/questions/", 7),
    ("preview", "staff", lambda a: f"/staff/cohorts/{a.cohort.slug}/questions/preview/"
     "?language=es", 6),
    ("add", "staff", lambda a: f"/staff/cohorts/{a.cohort.slug}/questions/add/", 8),
    ("form", "applicant", lambda a: a.get_absolute_url(), 7),
    ("detail staff", "staff", lambda a: a.get_absolute_url(), 6),
]


@pytest.mark.parametrize("rounds", [1, 4])
@pytest.mark.parametrize(("name", "who", "url", "queries"), PAGES, ids=[p[0] for p in PAGES])
def test_question_pages_do_not_grow_with_questions(rounds, name, who, url, queries,
                                                   django_assert_num_queries):
    application = factories.ApplicationFactory()
    _fill(application.cohort, application, rounds)
    client = Client()
    client.force_login(application.applicant if who == "applicant"
                       else factories.UserFactory(is_staff=True, is_superuser=True))
    client.get(url(application))
    forget_data(everything=True)

    with django_assert_num_queries(queries):
        response = client.get(url(application))

    assert response.status_code == 200
    assert response.content.decode().count(">Department") == (0 if name == "add" else rounds)
