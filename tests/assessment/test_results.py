"""scores_for_cohort: per city and kind, the verified score, in a fixed number of queries."""

import datetime

import pytest
from django_scopes import scopes_disabled

from assessment.answering import answer_item, review_criterion
from assessment.models import Item, Kind
from assessment.results import scores_for_cohort, scores_of
from assessment.windows import open_assessment, window
from tests import factories


def _answer(town, assessment, keys, verify):
    items = {i.key: i for i in Item.objects.filter(criterion__area__framework=town.framework)}
    for key in keys:
        answer_item(assessment=assessment, item_id=items[key].pk, holds=True, by=town.cdo,
                    today=assessment.opens_on)
    for criterion_id in {items[k].criterion_id for k in verify}:
        review_criterion(assessment=assessment, criterion_id=criterion_id, verdict="verified",
                         comment="", by=town.coach, today=assessment.opens_on)


def test_scores_per_city_and_kind_count_only_what_the_coach_verified(town):
    with scopes_disabled():
        mine = open_assessment(enrollment=town.enrollment, kind=Kind.BASELINE)
        theirs = open_assessment(enrollment=town.other_enrollment, kind=Kind.BASELINE)
        # inventory 2 of 3 (verified), quality 1 of 2 (verified), policy (not verified)
        _answer(town, mine, ["dm-inventory-list", "dm-inventory-owner", "dm-quality-checks",
                             "od-policy-adopted"], verify=["dm-inventory-list",
                                                           "dm-quality-checks"])
        _answer(town, theirs, ["od-policy-adopted"], verify=["od-policy-adopted"])
        scores = scores_for_cohort(town.cohort)
        as_answered = scores_of([mine], verified_only=False)[mine.pk]
    assert set(scores) == {town.city.pk, town.other.pk}
    baseline = scores[town.city.pk]["baseline"]
    assert "end" not in scores[town.city.pk]
    assert baseline.met == {"dm-inventory", "dm-quality"}
    assert baseline.areas["data_management"].met == 2
    assert baseline.areas["open_data"].met == 0
    assert baseline.percent == 50 and baseline.tier is None
    assert as_answered.met == {"dm-inventory", "dm-quality", "od-policy"}
    assert as_answered.tier["key"] == "advanced"  # 3 of 4 = 75 %
    assert scores[town.other.pk]["baseline"].met == {"od-policy"}


@pytest.mark.parametrize("cities", [2, 12])
def test_scores_for_cohort_take_five_queries_at_any_size(town, cities,
                                                         django_assert_num_queries):
    with scopes_disabled():
        for n in range(cities):
            enrollment = factories.EnrollmentFactory(cohort=town.cohort)
            for kind in (Kind.BASELINE, Kind.END):
                assessment = open_assessment(enrollment=enrollment, kind=kind)
                _answer(town, assessment, ["od-policy-adopted", "dm-inventory-list"],
                        verify=["od-policy-adopted"])
    with django_assert_num_queries(5):
        scores = scores_for_cohort(town.cohort)
    assert len(scores) == cities
    assert all(s["end"].met == {"od-policy"} for s in scores.values())


def test_the_baseline_opens_in_the_first_month_and_the_end_in_the_last(town):
    town.cohort.starts_on = datetime.date(2026, 1, 31)
    town.cohort.ends_on = datetime.date(2026, 7, 31)
    assert window(town.cohort, Kind.BASELINE) == (datetime.date(2026, 1, 31),
                                                  datetime.date(2026, 2, 27))
    assert window(town.cohort, Kind.END) == (datetime.date(2026, 7, 1),
                                             datetime.date(2026, 7, 31))
