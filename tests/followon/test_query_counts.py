"""The year-after pages cost the same number of queries at 2 and 12 initiatives (and as
many metrics and cities): no N+1."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from accounts.models import Role
from caching.data_versions import forget_data
from followon.phase import start_follow_on
from followon.updates import record_quarter
from strategy.editing import start_strategy
from tests import factories


def _city(cohort, n, size, staff):
    with scopes_disabled():
        city = factories.CityFactory()
        enrollment = factories.EnrollmentFactory(city=city, cohort=cohort)
        cdo = factories.MembershipFactory(city=city, role=Role.CDO).user
        factories.CoachAssignmentFactory(enrollment=enrollment, coach=staff["coach"])
        follow_on = start_follow_on(enrollment=enrollment,
                                    on=timezone.localdate() - datetime.timedelta(days=200))
        plan = start_strategy(city=city, user=cdo).components.get(key="governance")
        initiatives = [factories.InitiativeFactory(component=plan) for _ in range(size)]
        metrics = [factories.MetricFactory(component=plan) for _ in range(size)]
    with scope(city=city):
        for quarter in (1, 2):  # quarter 1 complete; quarter 2 half-recorded
            record_quarter(
                follow_on=follow_on, quarter=quarter, today=timezone.localdate(), by=cdo,
                initiatives={i.pk: {"status": "in_progress", "note": f"Q{quarter}",
                                    "evidence_link": "https://example.org/e"}
                             for i in initiatives[: size if quarter == 1 else size // 2]},
                metrics={m.pk: {"actual": str(quarter)} for m in metrics})
    return city, cdo


@pytest.fixture
def sized(db):
    def build(size):
        cohort = factories.CohortFactory(
            starts_on=timezone.localdate() - datetime.timedelta(days=400),
            ends_on=timezone.localdate() - datetime.timedelta(days=220))
        people = {"coach": factories.UserFactory(),
                  "staff": factories.UserFactory(is_staff=True, is_superuser=True)}
        cities = [_city(cohort, n, size, people) for n in range(size // 2 + 1)]
        forget_data()
        return cohort, cities, people
    return build


PAGES = [
    ("year after", lambda c, cities, p: cities[0][1],
     lambda c, cities, p: f"/c/{cities[0][0].slug}/year-after/", 14),
    ("year after, a past quarter", lambda c, cities, p: cities[0][1],
     lambda c, cities, p: f"/c/{cities[0][0].slug}/year-after/?quarter=1", 14),
    ("alumni", lambda c, cities, p: p["staff"],
     lambda c, cities, p: f"/staff/cohorts/{c.slug}/alumni/", 12),
    ("late", lambda c, cities, p: p["staff"], lambda c, cities, p: "/staff/year-after/late/", 11),
    # The coach's home with a late follow-on city and the assignments' column: 15 statements,
    # 13 queries and the request's savepoint and release (the door, the page's versions and
    # the header ask once between them which cities the person coaches:
    # cities.access.coached_city_ids).
    ("coach home", lambda c, cities, p: p["coach"], lambda c, cities, p: "/coach/", 15),
    ("api updates", lambda c, cities, p: cities[0][1],
     lambda c, cities, p: f"/api/v1/cities/{cities[0][0].slug}/year-after/initiative-updates/",
     9),
]


@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize(("name", "who", "url", "queries"), PAGES, ids=[p[0] for p in PAGES])
def test_year_after_pages_do_not_grow(sized, size, name, who, url, queries,
                                      django_assert_num_queries):
    cohort, cities, people = sized(size)
    client = Client()
    client.force_login(who(cohort, cities, people))
    with django_assert_num_queries(queries):
        response = client.get(url(cohort, cities, people))
    assert response.status_code == 200
