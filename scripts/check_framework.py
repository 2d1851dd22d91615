"""Check an assessment framework file (practice areas -> criteria -> checklist items, tiers)
against its format; the default framework ships at ``assessment/frameworks/default.json``.

It checks what a loader relies on and a hand edit easily breaks:

- the file is JSON, with the fields of the format and no others (a typo such as ``require``
  is reported, not silently ignored);
- every human text is ``{"en": ..., "es": ..., "pt-br": ...}``, all three written;
- every key (framework, tiers, areas, criteria, items) is slug-shaped and unique in the file;
- each area is one of the practice areas the strategy tags initiatives with;
- each criterion's ``needs`` is between 1 and its number of items; its ``requires`` names
  other existing criteria, and the prerequisites have no cycle;
- tier shares are numbers in (0, 1], increasing in the order written.

Usage, from the project's root (standard library only; no Django needed)::

    uv run --frozen python scripts/check_framework.py [path/to/framework.json ...]

It prints each problem with where it is (``areas[2].criteria[0].needs``) and exits 1, or
prints the counts (areas, criteria, items, prerequisites) and exits 0.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "assessment" / "frameworks" / "default.json"
LANGUAGES = ("en", "es", "pt-br")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# strategy.models.PracticeArea's values (this script runs without Django).
PRACTICE_AREAS = (
    "leadership_capacity", "data_management", "performance_analytics", "evaluations",
    "open_data", "results_driven_contracting", "community_impact", "budget_finance",
)
FIELDS = {
    "framework": {"key", "version", "name", "description", "tiers", "areas"},
    "tier": {"key", "share", "name", "description"},
    "area": {"key", "name", "description", "criteria"},
    "criterion": {"key", "text", "evidence", "needs", "requires", "items"},
    "item": {"key", "text"},
}
TEXTS = {
    "framework": ("name", "description"),
    "tier": ("name", "description"),
    "area": ("name", "description"),
    "criterion": ("text", "evidence"),
    "item": ("text",),
}


class Checker:
    """Collects the problems of one framework (a decoded JSON value)."""

    def __init__(self):
        self.problems = []
        self.keys = {}  # key -> where it was first seen

    def problem(self, where, message):
        self.problems.append(f"{where}: {message}")

    def node(self, kind, value, where):
        """Check the fields, key and texts of one object; False when it is not an object."""
        if not isinstance(value, dict):
            self.problem(where, f"expected an object ({kind})")
            return False
        for field in sorted(FIELDS[kind] - value.keys()):
            self.problem(where, f"missing field {field!r}")
        for field in sorted(value.keys() - FIELDS[kind]):
            self.problem(where, f"unknown field {field!r}")
        self.key(value.get("key"), f"{where}.key")
        for field in TEXTS[kind]:
            if field in value:
                self.text(value[field], f"{where}.{field}")
        return True

    def key(self, key, where):
        if key is None:
            return
        if not isinstance(key, str) or not SLUG.match(key):
            self.problem(where, f"{key!r} is not a slug (lowercase letters, digits, - and _)")
        elif key in self.keys:
            self.problem(where, f"key {key!r} is already used at {self.keys[key]}")
        else:
            self.keys[key] = where

    def text(self, value, where):
        if not isinstance(value, dict):
            self.problem(where, f"expected {{{', '.join(LANGUAGES)}}} texts")
            return
        for language in LANGUAGES:
            text = value.get(language)
            if not isinstance(text, str) or not text.strip():
                self.problem(where, f"no {language!r} text")
        for language in sorted(value.keys() - set(LANGUAGES)):
            self.problem(where, f"unknown language {language!r}")

    def items_list(self, value, where):
        """``value`` as a list (reported and treated as empty when it is not one)."""
        if isinstance(value, list):
            return value
        if value is not None:
            self.problem(where, "expected a list")
        return []


def _count(value):
    return isinstance(value, int) and not isinstance(value, bool)


def check_tiers(checker, tiers):
    if not tiers:
        checker.problem("tiers", "no tier")
    previous = 0
    for index, tier in enumerate(tiers):
        where = f"tiers[{index}]"
        if not checker.node("tier", tier, where):
            continue
        share = tier.get("share")
        if not isinstance(share, int | float) or isinstance(share, bool) or not 0 < share <= 1:
            checker.problem(f"{where}.share", f"{share!r} is not a number in (0, 1]")
        elif share <= previous:
            checker.problem(f"{where}.share", f"{share} does not increase on {previous}")
        else:
            previous = share


def check_criterion(checker, criterion, where):
    """Check one criterion; its ``(key, requires, where)`` for the prerequisite checks."""
    if not checker.node("criterion", criterion, where):
        return None
    items = checker.items_list(criterion.get("items"), f"{where}.items")
    if "items" in criterion and not items:
        checker.problem(f"{where}.items", "no item")
    for index, item in enumerate(items):
        checker.node("item", item, f"{where}.items[{index}]")
    needs = criterion.get("needs")
    if "needs" in criterion and not (_count(needs) and 1 <= needs <= max(len(items), 1)):
        checker.problem(f"{where}.needs", f"{needs!r} is not between 1 and {len(items)}")
    requires = checker.items_list(criterion.get("requires"), f"{where}.requires")
    return criterion.get("key"), requires, where


def check_prerequisites(checker, criteria):
    """``requires`` names other criteria of the file, once each, with no cycle."""
    known = {key for key, _requires, _where in criteria}
    graph = {}
    for key, requires, where in criteria:
        graph[key] = []
        for required in requires:
            if required == key:
                checker.problem(f"{where}.requires", f"{key!r} requires itself")
            elif required not in known:
                checker.problem(f"{where}.requires", f"{required!r} is not a criterion")
            elif required in graph[key]:
                checker.problem(f"{where}.requires", f"{required!r} is listed twice")
            else:
                graph[key].append(required)
    for cycle in cycles(graph):
        checker.problem("requires", "prerequisite cycle: " + " -> ".join(cycle))


def cycles(graph):
    """Each prerequisite cycle of ``graph`` (``{key: [required keys]}``) found by a
    depth-first walk, as the list of keys around it (first key repeated at the end)."""
    found, state = [], {}  # state: 1 while on the current path, 2 once finished

    def visit(key, path):
        state[key] = 1
        for required in graph.get(key, ()):
            if state.get(required) == 1:
                found.append(path[path.index(required):] + [required])
            elif required not in state:
                visit(required, [*path, required])
        state[key] = 2

    for key in graph:
        if key not in state:
            visit(key, [key])
    return found


def check(framework):
    """The problems of ``framework`` (a decoded JSON value), as ``"where: message"``."""
    checker = Checker()
    if not checker.node("framework", framework, "framework"):
        return checker.problems
    version = framework.get("version")
    if "version" in framework and not (_count(version) and version >= 1):
        checker.problem("version", f"{version!r} is not a whole number from 1")
    check_tiers(checker, checker.items_list(framework.get("tiers"), "tiers"))
    areas = checker.items_list(framework.get("areas"), "areas")
    if not areas:
        checker.problem("areas", "no area")
    criteria = []
    for index, area in enumerate(areas):
        where = f"areas[{index}]"
        if not checker.node("area", area, where):
            continue
        if isinstance(area.get("key"), str) and area["key"] not in PRACTICE_AREAS:
            checker.problem(f"{where}.key", f"{area['key']!r} is not a practice area "
                            f"({', '.join(PRACTICE_AREAS)})")
        listed = checker.items_list(area.get("criteria"), f"{where}.criteria")
        if "criteria" in area and not listed:
            checker.problem(f"{where}.criteria", "no criterion")
        for number, criterion in enumerate(listed):
            found = check_criterion(checker, criterion, f"{where}.criteria[{number}]")
            if found and isinstance(found[0], str):
                criteria.append(found)
    check_prerequisites(checker, criteria)
    return checker.problems


def counts(framework):
    """``{name: number}`` of a framework that passed ``check``."""
    area_of = {
        criterion["key"]: area["key"]
        for area in framework["areas"] for criterion in area["criteria"]
    }
    criteria = [criterion for area in framework["areas"] for criterion in area["criteria"]]
    edges = [(c["key"], required) for c in criteria for required in c["requires"]]
    return {
        "tiers": len(framework["tiers"]),
        "areas": len(framework["areas"]),
        "criteria": len(criteria),
        "items": sum(len(criterion["items"]) for criterion in criteria),
        "prerequisites": len(edges),
        "across areas": sum(area_of[key] != area_of[required] for key, required in edges),
        "criteria with prerequisites": sum(bool(criterion["requires"]) for criterion in criteria),
    }


def main(paths):
    failed = False
    for path in paths or [DEFAULT]:
        try:
            framework = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            print(f"{path}: cannot be read as JSON: {error}")
            failed = True
            continue
        problems = check(framework)
        for problem in problems:
            print(f"{path}: {problem}")
        if problems:
            failed = True
        else:
            summary = ", ".join(f"{n} {name}" for name, n in counts(framework).items())
            print(f"{path}: OK ({summary})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
