"""The scoring rules of an assessment, on plain facts (no database): which criteria are met,
the share met, the tier, the score per practice area, and what would take a city to the next
tier. ``results.py`` reads the facts from the database and calls these.

- An item is *verified* when the team says it holds and the coach has verified its criterion.
- A criterion is *met* when at least ``needs`` of its items are verified and every criterion
  it ``requires`` is met.
- The share met is met criteria / all criteria of the framework; a tier is reached when the
  share is at least the tier's ``share`` (compared exactly, as fractions: 51 of 100 criteria
  reach a 0.51 tier).
"""

import math
from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True)
class CriterionFacts:
    """What scoring needs of one criterion."""

    key: str
    area: str
    needs: int
    requires: tuple = ()
    items: tuple = ()  # item ids
    order: int = 0


@dataclass(frozen=True)
class AreaScore:
    key: str
    met: int
    total: int

    @property
    def share(self):
        return share_met(met=self.met, total=self.total)

    @property
    def percent(self):
        return as_percent(self.share)


@dataclass(frozen=True)
class Gap:
    """An unmet criterion and how far it is from being met."""

    key: str
    area: str
    items_missing: int  # items still to hold (verified or not)
    awaiting_coach: bool  # enough items hold, the coach has not verified it yet
    prerequisites_missing: tuple  # keys of required criteria not met

    @property
    def distance(self):
        return self.items_missing + len(self.prerequisites_missing) + int(self.awaiting_coach)


@dataclass(frozen=True)
class Score:
    met: frozenset
    total: int
    share: Fraction
    tier: dict | None
    areas: dict  # {area key: AreaScore}
    next_tier: dict | None = None
    criteria_to_next_tier: int = 0
    closest: tuple = field(default=())  # Gaps that would take the city to the next tier

    @property
    def percent(self):
        return as_percent(self.share)


def as_percent(share):
    """A share as a whole percent, rounded down (a city at 50.9 % is not at 51 %)."""
    return math.floor(share * 100)


def criterion_met(*, holding, needs, verified, prerequisites_met):
    """Met when the coach verified it, at least ``needs`` items hold, and its prerequisites
    are met."""
    return bool(verified) and holding >= needs and bool(prerequisites_met)


def criteria_met(criteria, *, holding_items, verified_keys):
    """The keys of the met criteria among ``criteria`` (CriterionFacts), resolving
    prerequisites (a prerequisite that is unknown or in a cycle is not met)."""
    by_key = {c.key: c for c in criteria}
    known = {}

    def met(key, visiting=()):
        if key in known:
            return known[key]
        criterion = by_key.get(key)
        if criterion is None or key in visiting:
            return False
        prerequisites = all(met(r, (*visiting, key)) for r in criterion.requires)
        holding = sum(1 for item in criterion.items if item in holding_items)
        known[key] = criterion_met(holding=holding, needs=criterion.needs,
                                   verified=key in verified_keys,
                                   prerequisites_met=prerequisites)
        return known[key]

    return frozenset(c.key for c in criteria if met(c.key))


def share_met(*, met, total):
    """``met / total`` as an exact fraction (0 when there is nothing to meet)."""
    return Fraction(met, total) if total else Fraction(0)


def tier_of(share, tiers):
    """The highest tier (``{"key", "share", …}``) whose share ``share`` reaches, or None."""
    reached = None
    for tier in sorted(tiers, key=lambda t: Fraction(str(t["share"]))):
        if share >= Fraction(str(tier["share"])):
            reached = tier
    return reached


def next_tier_of(share, tiers):
    """The lowest tier not yet reached, or None at the top."""
    for tier in sorted(tiers, key=lambda t: Fraction(str(t["share"]))):
        if share < Fraction(str(tier["share"])):
            return tier
    return None


def criteria_needed(*, met, total, tier):
    """How many more criteria must be met to reach ``tier``."""
    needed = math.ceil(Fraction(str(tier["share"])) * total)
    return max(0, needed - met)


def area_scores(criteria, met):
    """``{area key: AreaScore}``, areas in the order their first criterion comes."""
    scores = {}
    for criterion in criteria:
        before = scores.get(criterion.area, AreaScore(criterion.area, 0, 0))
        scores[criterion.area] = AreaScore(
            criterion.area, before.met + (criterion.key in met), before.total + 1)
    return scores


def gaps(criteria, *, met, holding_items, verified_keys):
    """Every unmet criterion as a :class:`Gap`, closest to being met first."""
    found = []
    for criterion in criteria:
        if criterion.key in met:
            continue
        holding = sum(1 for item in criterion.items if item in holding_items)
        missing = max(0, criterion.needs - holding)
        found.append((Gap(
            key=criterion.key, area=criterion.area, items_missing=missing,
            awaiting_coach=missing == 0 and criterion.key not in verified_keys,
            prerequisites_missing=tuple(r for r in criterion.requires if r not in met),
        ), criterion.order))
    # Equally far: the one that only waits for the coach first, then the framework order.
    found.sort(key=lambda pair: (pair[0].distance, pair[0].items_missing, pair[1]))
    return [gap for gap, _order in found]


def score(criteria, tiers, *, holding_items, verified_keys):
    """The whole :class:`Score` of one assessment: met criteria, share, tier, areas, and the
    unmet criteria closest to being met that would take it to the next tier."""
    criteria = list(criteria)
    met = criteria_met(criteria, holding_items=holding_items, verified_keys=verified_keys)
    total = len(criteria)
    share = share_met(met=len(met), total=total)
    upcoming = next_tier_of(share, tiers)
    needed = criteria_needed(met=len(met), total=total, tier=upcoming) if upcoming else 0
    closest = gaps(criteria, met=met, holding_items=holding_items,
                   verified_keys=verified_keys)[:needed] if upcoming else []
    return Score(met=met, total=total, share=share, tier=tier_of(share, tiers),
                 areas=area_scores(criteria, met), next_tier=upcoming,
                 criteria_to_next_tier=needed, closest=tuple(closest))
