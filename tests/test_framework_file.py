"""The default assessment framework (``assessment/frameworks/default.json``) and the checker
that guards its format (``scripts/check_framework.py``): the shipped file passes, and each
kind of mistake a hand edit makes is caught and said where it is."""

import copy
import importlib.util
import json
import subprocess
import sys

import pytest

from strategy.models import PracticeArea
from tests.architecture.graph import ROOT

_spec = importlib.util.spec_from_file_location("check_framework", ROOT / "scripts" /
                                               "check_framework.py")
check_framework = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_framework)

DEFAULT = ROOT / "assessment" / "frameworks" / "default.json"


@pytest.fixture(scope="module")
def default():
    return json.loads(DEFAULT.read_text(encoding="utf-8"))


@pytest.fixture
def framework(default):
    return copy.deepcopy(default)


def _criterion(framework, key):
    return next(c for area in framework["areas"] for c in area["criteria"] if c["key"] == key)


def test_the_checker_knows_the_practice_areas_the_strategy_tags_with():
    assert set(check_framework.PRACTICE_AREAS) == set(PracticeArea.values)


def test_the_default_framework_passes_the_checker(default):
    assert check_framework.check(default) == []


def test_the_default_covers_the_eight_practice_areas_with_five_criteria_each(default):
    assert [area["key"] for area in default["areas"]] == list(check_framework.PRACTICE_AREAS)
    assert [len(area["criteria"]) for area in default["areas"]] == [5] * 8
    sizes = [len(c["items"]) for area in default["areas"] for c in area["criteria"]]
    assert min(sizes) >= 2 and max(sizes) <= 5
    assert [(tier["key"], tier["share"]) for tier in default["tiers"]] == [
        ("established", 0.51), ("advanced", 0.67), ("leading", 0.84)]


def test_the_default_has_prerequisites_inside_and_across_areas(default):
    counts = check_framework.counts(default)
    assert counts["prerequisites"] >= 10
    assert counts["across areas"] >= 3
    # The release schedule of open data is drawn from the data inventory.
    assert "dm-inventory" in _criterion(default, "od-release-plan")["requires"]


def test_the_script_says_ok_with_the_counts():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_framework.py")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "OK (3 tiers, 8 areas, 40 criteria," in done.stdout


def test_a_missing_or_blank_language_is_reported_where_it_is(framework):
    del framework["areas"][0]["criteria"][0]["items"][1]["text"]["pt-br"]
    framework["tiers"][2]["description"]["es"] = "  "
    assert check_framework.check(framework) == [
        "tiers[2].description: no 'es' text",
        "areas[0].criteria[0].items[1].text: no 'pt-br' text",
    ]


def test_keys_must_be_slugs_and_unique_across_the_file(framework):
    framework["areas"][1]["criteria"][0]["items"][0]["key"] = "lc-data-leader"
    framework["areas"][2]["criteria"][4]["key"] = "Public Progress"
    problems = check_framework.check(framework)
    assert ("areas[1].criteria[0].items[0].key: key 'lc-data-leader' is already used at "
            "areas[0].criteria[0].key") in problems
    assert any(p.startswith("areas[2].criteria[4].key: 'Public Progress' is not a slug")
               for p in problems)


def test_needs_must_be_between_one_and_the_number_of_items(framework):
    first, second = framework["areas"][0]["criteria"][:2]
    first["needs"] = 0
    second["needs"] = len(second["items"]) + 1
    assert check_framework.check(framework) == [
        "areas[0].criteria[0].needs: 0 is not between 1 and 4",
        "areas[0].criteria[1].needs: 5 is not between 1 and 4",
    ]


def test_requires_must_name_another_existing_criterion(framework):
    _criterion(framework, "dm-quality")["requires"] = ["dm-inventry", "dm-quality"]
    assert check_framework.check(framework) == [
        "areas[1].criteria[1].requires: 'dm-inventry' is not a criterion",
        "areas[1].criteria[1].requires: 'dm-quality' requires itself",
    ]


def test_a_prerequisite_cycle_is_reported_with_its_path(framework):
    _criterion(framework, "dm-inventory")["requires"] = ["dm-sharing"]
    assert check_framework.check(framework) == [
        "requires: prerequisite cycle: dm-inventory -> dm-sharing -> dm-classification "
        "-> dm-inventory",
    ]


def test_tier_shares_must_increase_inside_zero_to_one(framework):
    framework["tiers"][1]["share"] = 0.5
    framework["tiers"][2]["share"] = 1.2
    assert check_framework.check(framework) == [
        "tiers[1].share: 0.5 does not increase on 0.51",
        "tiers[2].share: 1.2 is not a number in (0, 1]",
    ]


def test_an_unknown_field_or_area_is_reported(framework):
    criterion = framework["areas"][0]["criteria"][0]
    criterion["require"] = criterion.pop("requires")
    framework["areas"][7]["key"] = "budget"
    problems = check_framework.check(framework)
    assert "areas[0].criteria[0]: missing field 'requires'" in problems
    assert "areas[0].criteria[0]: unknown field 'require'" in problems
    assert any(p.startswith("areas[7].key: 'budget' is not a practice area") for p in problems)


def test_a_file_that_is_not_json_fails_with_its_name(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"key": "x",', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_framework.py"), str(broken)],
        capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout.startswith(f"{broken}: cannot be read as JSON")
