"""The scoring rules: k of n, prerequisites, shares and tiers exactly at their boundaries,
per-area scores, and what would take a city to the next tier."""

from fractions import Fraction

import pytest

from assessment import scoring
from assessment.scoring import CriterionFacts

TIERS = [
    {"key": "leading", "share": 0.84, "name": {"en": "Leading"}},
    {"key": "established", "share": 0.51, "name": {"en": "Established"}},
    {"key": "advanced", "share": 0.67, "name": {"en": "Advanced"}},
]


def criterion(key, needs=2, items=(1, 2, 3), requires=(), area="data_management"):
    return CriterionFacts(key=key, area=area, needs=needs, items=tuple(items),
                          requires=tuple(requires))


@pytest.mark.parametrize(("holding", "met"), [(set(), False), ({1}, False), ({1, 3}, True),
                                              ({1, 2, 3}, True)])
def test_met_when_k_of_n_items_hold_and_the_coach_verified(holding, met):
    found = scoring.criteria_met([criterion("a")], holding_items=holding, verified_keys={"a"})
    assert ("a" in found) is met


def test_not_met_until_the_coach_verifies():
    found = scoring.criteria_met([criterion("a")], holding_items={1, 2, 3}, verified_keys=set())
    assert found == frozenset()


def test_a_criterion_waits_for_its_prerequisites():
    first = criterion("first", needs=1, items=(1,))
    second = criterion("second", needs=1, items=(2,), requires=("first",))
    both = {"first", "second"}
    assert scoring.criteria_met([second, first], holding_items={2}, verified_keys=both) == (
        frozenset())
    assert scoring.criteria_met([second, first], holding_items={1, 2}, verified_keys=both) == (
        frozenset(both))


def test_a_chain_of_prerequisites_fails_at_its_first_link():
    chain = [criterion("a", 1, (1,)), criterion("b", 1, (2,), ("a",)),
             criterion("c", 1, (3,), ("b",))]
    met = scoring.criteria_met(chain, holding_items={2, 3}, verified_keys={"a", "b", "c"})
    assert met == frozenset()


def test_a_prerequisite_cycle_is_never_met():
    loop = [criterion("a", 1, (1,), ("b",)), criterion("b", 1, (2,), ("a",))]
    assert scoring.criteria_met(loop, holding_items={1, 2}, verified_keys={"a", "b"}) == (
        frozenset())


def _framework(total):
    return [criterion(f"c{n}", needs=1, items=(n,)) for n in range(total)]


@pytest.mark.parametrize(("met", "tier"), [
    (50, None), (51, "established"), (66, "established"), (67, "advanced"),
    (83, "advanced"), (84, "leading"), (100, "leading"),
])
def test_tiers_exactly_at_the_boundaries_of_100_criteria(met, tier):
    criteria = _framework(100)
    result = scoring.score(criteria, TIERS, holding_items=set(range(met)),
                           verified_keys={c.key for c in criteria})
    assert result.share == Fraction(met, 100)
    assert (result.tier or {}).get("key") == tier


@pytest.mark.parametrize(("met", "tier"), [(20, None), (21, "established"), (26, "established"),
                                           (27, "advanced"), (33, "advanced"), (34, "leading")])
def test_tiers_of_40_criteria_are_reached_only_at_or_above_the_share(met, tier):
    # 0.51 × 40 = 20.4: 20 criteria (50 %) are not enough, 21 (52.5 %) are.
    criteria = _framework(40)
    result = scoring.score(criteria, TIERS, holding_items=set(range(met)),
                           verified_keys={c.key for c in criteria})
    assert (result.tier or {}).get("key") == tier


def test_share_per_practice_area():
    criteria = [criterion("a1", 1, (1,)), criterion("a2", 1, (2,)),
                criterion("o1", 1, (3,), area="open_data")]
    result = scoring.score(criteria, TIERS, holding_items={1, 3},
                           verified_keys={"a1", "a2", "o1"})
    assert {key: (s.met, s.total) for key, s in result.areas.items()} == {
        "data_management": (1, 2), "open_data": (1, 1)}
    assert result.areas["data_management"].percent == 50
    assert result.percent == 66  # 2 of 3 is 66.6…%: shown rounded down


def test_what_would_take_the_city_to_the_next_tier():
    # 10 criteria; 5 met (50 %): one more reaches 51 %. The closest unmet one is the one
    # whose items all hold and waits for the coach, then the one missing one item.
    criteria = [criterion(f"c{n}", needs=1, items=(n,)) for n in range(5)] + [
        criterion("far", needs=3, items=(10, 11, 12)),
        criterion("one-short", needs=2, items=(20, 21)),
        criterion("waiting", needs=1, items=(30,)),
        criterion("blocked", needs=1, items=(40,), requires=("far",)),
        criterion("none", needs=1, items=(50,)),
    ]
    verified = {f"c{n}" for n in range(5)} | {"one-short", "far", "blocked", "none"}
    result = scoring.score(criteria, TIERS, holding_items={0, 1, 2, 3, 4, 20, 30, 40},
                           verified_keys=verified)
    assert result.tier is None
    assert result.next_tier["key"] == "established"
    assert result.criteria_to_next_tier == 1
    assert [gap.key for gap in result.closest] == ["waiting"]
    gaps = {g.key: g for g in scoring.gaps(criteria, met=result.met,
                                            holding_items={0, 1, 2, 3, 4, 20, 30, 40},
                                            verified_keys=verified)}
    assert gaps["waiting"].awaiting_coach and gaps["waiting"].distance == 1
    assert gaps["one-short"].items_missing == 1
    assert gaps["blocked"].prerequisites_missing == ("far",)
    assert gaps["far"].items_missing == 3


def test_at_the_top_tier_nothing_is_next():
    criteria = _framework(5)
    result = scoring.score(criteria, TIERS, holding_items=set(range(5)),
                           verified_keys={c.key for c in criteria})
    assert result.tier["key"] == "leading"
    assert result.next_tier is None and result.closest == ()
