"""The assessment pages and API cost the same number of queries with one answer as with
every item answered and verified (and another city's assessment beside): no N+1."""

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from assessment.answering import answer_item, review_criterion
from assessment.models import Criterion, Item, Kind
from assessment.windows import open_assessment


def _fill(town, full):
    with scopes_disabled():
        baseline = open_assessment(enrollment=town.enrollment, kind=Kind.BASELINE)
        open_assessment(enrollment=town.other_enrollment, kind=Kind.BASELINE)
        items = list(Item.objects.filter(criterion__area__framework=town.framework))
        for item in items if full else items[:1]:
            answer_item(assessment=baseline, item_id=item.pk, holds=True, by=town.cdo,
                        today=town.today, note="yes", link="https://example.test/x")
        if full:
            for criterion in Criterion.objects.filter(area__framework=town.framework):
                review_criterion(assessment=baseline, criterion_id=criterion.pk,
                                 verdict="verified", comment="ok", by=town.coach,
                                 today=town.today)
    return baseline


PAGES = [
    ("overview", lambda t: "/c/riverton/assessment/", 14),
    ("assessment", lambda t: "/c/riverton/assessment/baseline/", 14),
    ("criterion", lambda t: "/c/riverton/assessment/baseline/dm-inventory/", 14),
    ("api list", lambda t: "/api/v1/cities/riverton/assessment/", 13),
]


@pytest.mark.parametrize("full", [False, True], ids=["one answer", "all answered"])
@pytest.mark.parametrize(("name", "url", "queries"), PAGES, ids=[p[0] for p in PAGES])
def test_assessment_pages_cost_the_same_at_both_sizes(town, full, name, url, queries,
                                                      django_assert_num_queries):
    _fill(town, full)
    client = Client()
    client.force_login(town.cdo)
    client.get(url(town))  # warm the per-person caches (navigation, versions)
    with django_assert_num_queries(queries):
        response = client.get(url(town))
    assert response.status_code == 200
