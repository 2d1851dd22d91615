"""Every page and API list of the review panel costs the same number of queries with 3 and
12 applications under review (each with three reviews: submitted, draft, conflicted): no
N+1."""

import pytest
from django.test import Client

from caching.data_versions import forget_data
from reviews.assignment import assign_reviewer, declare_conflict
from reviews.scoring import save_scores, submit_review
from tests import factories


@pytest.fixture
def sized(db):
    def build(size):
        cohort = factories.OpenCohortFactory(slug="sized", capacity=20)
        earlier = factories.CohortFactory(slug="earlier")
        criteria = [factories.CriterionFactory(cohort=cohort, weight=w) for w in (3, 2, 1)]
        staff = factories.UserFactory(is_staff=True)
        reviewers = [factories.ReviewerFactory().user for _ in range(3)]
        factories.ReviewerFactory(user=None, accepted_at=None)  # an open invitation
        for n in range(size):
            application = factories.ApplicationFactory(
                cohort=cohort, state="under_review", city_name=f"Town {n}")
            factories.ApplicationFactory(cohort=earlier, city_name=f"Town {n}",
                                         state="declined")
            done, draft, conflicted = (
                assign_reviewer(application=application, reviewer=r, by=staff)
                for r in reviewers)
            for assignment in (done, draft):
                save_scores(assignment=assignment,
                            scores={c.pk: (1 + (n + c.pk) % 5, "ok") for c in criteria})
            submit_review(assignment=done)
            declare_conflict(assignment=conflicted, reason="Conflict.")
        return cohort, staff, reviewers[0], done
    return build


PAGES = [
    ("meeting", "staff", lambda c, a: f"/staff/cohorts/{c.slug}/review/", 12),
    ("rubric", "staff", lambda c, a: f"/staff/cohorts/{c.slug}/rubric/", 6),
    ("assignments", "staff", lambda c, a: f"/staff/cohorts/{c.slug}/reviewers/", 10),
    ("reviewers", "staff", lambda c, a: "/staff/reviewers/", 5),
    ("application reviews", "staff",
     lambda c, a: f"/staff/applications/{a.application_id}/reviews/", 11),
    ("ranking api", "staff", lambda c, a: f"/api/v1/cohorts/{c.slug}/ranking/", 12),
    ("reviews api", "staff", lambda c, a: "/api/v1/reviews/", 11),
    ("my reviews", "reviewer", lambda c, a: "/review/", 7),
    ("my reviews api", "reviewer", lambda c, a: "/api/v1/reviews/", 13),
    ("review", "reviewer", lambda c, a: f"/review/{a.pk}/", 12),
]


@pytest.mark.parametrize("size", [3, 12])
@pytest.mark.parametrize(("name", "who", "url", "queries"), PAGES, ids=[p[0] for p in PAGES])
def test_review_pages_do_not_grow_with_applications(sized, size, name, who, url, queries,
                                                    django_assert_num_queries):
    cohort, staff, reviewer, last = sized(size)
    client = Client()
    client.force_login(staff if who == "staff" else reviewer)
    path = url(cohort, last)
    client.get(path)  # warm caches that are per process (content types, sites)
    forget_data(everything=True)

    with django_assert_num_queries(queries):
        response = client.get(path)

    assert response.status_code == 200
