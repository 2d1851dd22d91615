"""Writing the strategy: a concurrent edit is detected and nothing is overwritten."""

import pytest
from django.core.exceptions import ValidationError

from strategy import editing
from strategy.models import ComponentPlan, Strategy
from tests.strategy.conftest import add_initiatives


def test_starting_creates_one_plan_per_template_component(in_city):
    keys = list(in_city.strategy.components.values_list("key", flat=True))
    assert keys == ["governance", "quality", "use", "transparency"]
    # Starting again returns the same strategy.
    assert editing.start_strategy(city=in_city.city, user=in_city.cdo) == in_city.strategy


def test_a_concurrent_edit_of_the_same_section_is_detected_and_nothing_is_overwritten(in_city):
    strategy = in_city.strategy
    start = strategy.revision
    # Two people open the vision step at the same revision; the first saves.
    editing.update_section(strategy=strategy, section="vision",
                           data={"vision": "Dana's vision", "priorities": "Housing"},
                           expected_revision=start, user=in_city.cdo)
    # The second saves from the old revision.
    with pytest.raises(editing.ConflictError) as caught:
        editing.update_section(strategy=strategy, section="vision",
                               data={"vision": "Sam's vision", "priorities": "Transit"},
                               expected_revision=start, user=in_city.manager)
    conflict = caught.value
    assert conflict.theirs == {"vision": "Dana's vision", "priorities": "Housing"}
    assert conflict.yours == {"vision": "Sam's vision", "priorities": "Transit"}
    assert conflict.changed_by == in_city.cdo
    saved = Strategy.objects.get(pk=strategy.pk)
    assert saved.vision == "Dana's vision"
    assert saved.revision == start + 1
    # Saving again from the revision the conflict reported is a deliberate choice.
    editing.update_section(strategy=strategy, section="vision",
                           data={"vision": "Merged vision", "priorities": "Housing\nTransit"},
                           expected_revision=conflict.revision, user=in_city.manager)
    assert Strategy.objects.get(pk=strategy.pk).vision == "Merged vision"


def test_edits_of_different_sections_do_not_conflict(in_city):
    strategy = in_city.strategy
    start = strategy.revision
    editing.update_section(strategy=strategy, section="vision", data={"vision": "A"},
                           expected_revision=start, user=in_city.cdo)
    editing.update_section(strategy=strategy, section="component-quality",
                           data={"current_maturity": "3", "goals": "Clean data"},
                           expected_revision=start, user=in_city.manager)
    plan = ComponentPlan.objects.get(strategy=strategy, key="quality")
    assert (plan.current_maturity, plan.goals) == (3, "Clean data")
    assert Strategy.objects.get(pk=strategy.pk).vision == "A"


def test_saving_the_same_text_as_the_other_person_is_not_a_conflict(in_city):
    strategy = in_city.strategy
    start = strategy.revision
    data = {"vision": "Same words", "priorities": ""}
    editing.update_section(strategy=strategy, section="vision", data=data,
                           expected_revision=start, user=in_city.cdo)
    editing.update_section(strategy=strategy, section="vision", data=data,
                           expected_revision=start, user=in_city.manager)
    assert Strategy.objects.get(pk=strategy.pk).revision == start + 1


def test_a_concurrent_edit_of_an_initiative_is_detected(in_city):
    strategy = in_city.strategy
    (initiative,) = add_initiatives(strategy, 1)
    start = Strategy.objects.get(pk=strategy.pk).revision
    base = {"title": "Publish inventory", "year": "2", "quarters": ["1", "2"], "status": "planned"}
    editing.save_initiative(strategy=strategy, initiative=initiative, data=base,
                            expected_revision=start, user=in_city.cdo)
    with pytest.raises(editing.ConflictError):
        editing.save_initiative(strategy=strategy, initiative=initiative,
                                data={**base, "title": "Other title"},
                                expected_revision=start, user=in_city.manager)
    with pytest.raises(editing.ConflictError):
        editing.delete_initiative(strategy=strategy, initiative=initiative,
                                  expected_revision=start, user=in_city.manager)
    initiative.refresh_from_db()
    assert initiative.title == "Publish inventory"


@pytest.mark.parametrize("section, data, field", [
    ("component-governance", {"current_maturity": "7"}, "current_maturity"),
    ("component-governance", {"current_maturity": "three"}, "current_maturity"),
    ("vision", {"vision": "x" * 5001}, "vision"),
])
def test_bad_input_names_the_field_and_changes_nothing(in_city, section, data, field):
    before = Strategy.objects.get(pk=in_city.strategy.pk).revision
    with pytest.raises(ValidationError) as caught:
        editing.update_section(strategy=in_city.strategy, section=section, data=data,
                               expected_revision=before, user=in_city.cdo)
    assert field in caught.value.message_dict
    assert Strategy.objects.get(pk=in_city.strategy.pk).revision == before


@pytest.mark.parametrize("data, field", [
    ({"title": "", "year": "1"}, "title"),
    ({"title": "T", "year": "4"}, "year"),
    ({"title": "T", "year": "1", "quarters": ["5"]}, "quarters"),
    ({"title": "T", "year": "1", "practice_areas": ["astrology"]}, "practice_areas"),
])
def test_an_invalid_initiative_is_refused(in_city, data, field):
    with pytest.raises(ValidationError) as caught:
        editing.save_initiative(strategy=in_city.strategy, component_key="use", data=data,
                                expected_revision=1, user=in_city.cdo)
    assert field in caught.value.message_dict
    assert not in_city.strategy.components.get(key="use").initiatives.exists()


def test_content_is_locked_while_the_mayor_reviews(in_city):
    from strategy.review import submit_for_review

    submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
    with pytest.raises(ValidationError):
        editing.update_section(strategy=in_city.strategy, section="vision",
                               data={"vision": "Sneaky"}, expected_revision=99,
                               user=in_city.cdo)


def test_every_change_is_in_history(in_city):
    strategy = in_city.strategy
    for text in ("one", "two"):
        strategy = editing.update_section(strategy=strategy, section="vision",
                                          data={"vision": text},
                                          expected_revision=strategy.revision,
                                          user=in_city.cdo)
    visions = list(Strategy.history.filter(id=strategy.pk).values_list("vision", flat=True))
    assert "one" in visions and "two" in visions


def test_tracking_updates_status_and_actuals_in_every_state(in_city):
    from strategy.models import Initiative, Metric
    from strategy.review import submit_for_review
    from tests import factories

    (initiative,) = add_initiatives(in_city.strategy, 1)
    metric = factories.MetricFactory(component=initiative.component)
    submit_for_review(strategy=in_city.strategy, user=in_city.cdo)
    changed = editing.track_progress(
        strategy=in_city.strategy, statuses={str(initiative.pk): "done"},
        actuals={str(metric.pk): {"actual_year_1": "25%"}}, user=in_city.cdo,
    )
    assert changed == 2
    assert Initiative.objects.get(pk=initiative.pk).status == "done"
    assert Metric.objects.get(pk=metric.pk).actual_year_1 == "25%"
    with pytest.raises(ValidationError):
        editing.track_progress(strategy=in_city.strategy,
                               statuses={str(initiative.pk): "exploded"}, actuals={},
                               user=in_city.cdo)


def test_the_default_template_is_made_again_if_it_was_removed(team):
    from django_scopes import scope

    from cities.models import City
    from strategy.models import StrategyTemplate

    assert StrategyTemplate.objects.filter(is_default=True).count() == 1  # the migration's
    city = City.objects.create(name="Newtown", slug="newtown", country="US")
    with scope(city=city):
        StrategyTemplate.objects.exclude(strategies__isnull=False).delete()
        StrategyTemplate.objects.update(is_default=False)
        strategy = editing.start_strategy(city=city)
        assert strategy.template.is_default
        assert strategy.components.count() == 4
