"""A framework is data: loaded from its file (checked), versioned, frozen once in use."""

import copy
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django_scopes import scopes_disabled

from assessment import frameworks
from assessment.answering import answer_item, review_criterion
from assessment.frameworks import check_framework, copy_framework, is_frozen, load_framework
from assessment.models import Assessment, Criterion, Framework, Item, Kind
from assessment.results import scores_of
from assessment.windows import open_assessment
from tests import factories
from tests.assessment.samples import small_framework


@pytest.mark.django_db
def test_loading_a_file_stores_areas_criteria_items_and_tiers():
    framework = load_framework(small_framework())
    assert framework.version == 1 and framework.is_current
    assert [a.key for a in framework.areas.all()] == ["data_management", "open_data"]
    quality = Criterion.objects.get(key="dm-quality")
    assert quality.needs == 1 and quality.requires == ["dm-inventory"]
    assert Item.objects.filter(criterion__area__framework=framework).count() == 8
    assert [t["key"] for t in framework.tiers] == ["established", "advanced", "leading"]


@pytest.mark.django_db
def test_the_same_key_loaded_again_is_a_new_version_in_use(tmp_path):
    first = load_framework(small_framework())
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(small_framework()), encoding="utf-8")
    call_command("load_framework", str(path))
    second = Framework.objects.get(key="test-practice", version=2)
    first.refresh_from_db()
    assert second.is_current and not first.is_current
    assert frameworks.current_framework() == second


def _broken(change):
    data = small_framework()
    change(data)
    return data


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["areas"][0]["criteria"][0].update(needs=4), "needs is a whole number"),
    (lambda d: d["areas"][0]["criteria"][0].update(requires=["nope"]), "“nope”"),
    (lambda d: d["areas"][0]["criteria"][0].update(requires=["dm-quality"]), "circle"),
    (lambda d: d["areas"][1].update(key="gardening"), "practice areas"),
    (lambda d: d["areas"][1]["criteria"][0].update(key="dm-inventory"), "used twice"),
    (lambda d: d["tiers"][0].update(share=1.5), "share"),
    (lambda d: d["areas"][0]["criteria"][0]["items"][0].update(key="Not A Slug"), "lowercase"),
])
def test_a_broken_file_is_refused_with_its_problem_and_nothing_is_stored(db, change, message):
    data = _broken(change)
    assert any(message in problem for problem in check_framework(data))
    with pytest.raises(ValidationError):
        load_framework(data)
    assert not Framework.objects.exists()


def test_a_framework_edit_does_not_change_a_finished_assessment(town):
    """The city's assessment keeps its version: staff edit a copy, never the one in use."""
    with scopes_disabled():
        assessment = open_assessment(enrollment=town.enrollment, kind=Kind.BASELINE)
        for key in ("od-policy-adopted",):
            item = Item.objects.get(key=key, criterion__area__framework=town.framework)
            answer_item(assessment=assessment, item_id=item.pk, holds=True, by=town.cdo,
                        today=town.today)
            review_criterion(assessment=assessment, criterion_id=item.criterion_id,
                             verdict="verified", comment="", by=town.coach, today=town.today)
        before = scores_of(Assessment.objects.filter(pk=assessment.pk)
                           .select_related("framework"))[assessment.pk]
        assert is_frozen(town.framework)
        edited = copy_framework(town.framework)
        policy = Criterion.objects.get(key="od-policy", area__framework=edited)
        policy.needs = 1
        Item.objects.create(criterion=policy, key="od-policy-extra", text={"en": "More"})
        edited.tiers = copy.deepcopy(edited.tiers)
        edited.tiers[0]["share"] = 0.2
        edited.save()
        assessment.refresh_from_db()
        after = scores_of(Assessment.objects.filter(pk=assessment.pk)
                          .select_related("framework"))[assessment.pk]
    assert edited.version == 2 and not is_frozen(edited)
    assert assessment.framework_id == town.framework.pk
    assert (after.met, after.total, after.tier) == (before.met, before.total, before.tier)
    assert before.met == {"od-policy"} and before.total == 4 and before.tier is None
    assert frameworks.current_framework() == edited  # new assessments use the new version


@pytest.mark.django_db
def test_the_shipped_default_framework_loads_on_first_use():
    assert check_framework(frameworks.read_framework_file(frameworks.DEFAULT_FILE)) == []
    framework = frameworks.current_framework()
    assert framework.is_current and framework.areas.count() == 8
    assert Criterion.objects.filter(area__framework=framework).count() >= 30
    assert [t["share"] for t in framework.tiers] == [0.51, 0.67, 0.84]


def test_staff_cannot_edit_a_framework_in_use_in_the_admin_but_can_copy_it(town):
    admin = factories.UserFactory(email="admin@program.test", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    with scopes_disabled():
        open_assessment(enrollment=town.enrollment, kind=Kind.BASELINE)
    url = f"/admin/assessment/framework/{town.framework.pk}/change/"
    refused = client.post(url, {"key": "renamed", "version": 1, "name": '{"en": "New"}',
                                "tiers": "[]"})
    assert refused.status_code == 403
    town.framework.refresh_from_db()
    assert town.framework.key == "test-practice"
    copied = client.post("/admin/assessment/framework/", {
        "action": "copy_as_new_version", "_selected_action": [town.framework.pk]})
    assert copied.status_code == 302
    assert Framework.objects.filter(key="test-practice", version=2).exists()
