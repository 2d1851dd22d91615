"""The builder's percent of many strategies read from their rows
(strategy.progress.percents_complete) is the percent of each one's full snapshot, in a
constant number of queries, for complete and incomplete strategies alike."""

import io

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from strategy.models import ComponentPlan, Initiative, Metric, Strategy
from strategy.progress import percent_complete, percents_complete, strategy_progress
from strategy.snapshot import load_strategy, snapshot_strategy

pytestmark = pytest.mark.django_db


def _percent_of_snapshot(strategy):
    snapshot = snapshot_strategy(strategy=load_strategy(strategy_id=strategy.pk))
    return percent_complete(strategy_progress(snapshot=snapshot))


def test_percents_complete_equal_the_percent_of_each_snapshot(django_assert_num_queries):
    call_command("seed_demo", stdout=io.StringIO())
    with scopes_disabled():
        strategies = Strategy.objects.order_by("pk")
        assert Initiative.objects.exists()
        # Some steps left incomplete in different ways.
        first = Initiative.objects.order_by("pk").first()
        first.quarters, first.owner = [], ""
        first.save()
        Metric.objects.filter(pk=Metric.objects.order_by("pk").first().pk).update(data_source="")
        # An initiative placed but without an owner, a metric without its second year's
        # target.
        Initiative.objects.filter(pk=Initiative.objects.order_by("-pk").first().pk).update(
            owner="")
        Metric.objects.filter(pk=Metric.objects.order_by("-pk").first().pk).update(
            target_year_2="")
        plan = ComponentPlan.objects.order_by("-pk").first()
        plan.goals, plan.current_maturity = " \n ", None
        plan.save()
        Initiative.objects.filter(year=3, component__strategy=plan.strategy).delete()
        with django_assert_num_queries(2):
            percents = percents_complete(strategies=strategies)
        assert [s.pk for s, _p in percents] == list(strategies.values_list("pk", flat=True))
        assert len({p for _s, p in percents}) > 1 or len(percents) == 1
        for strategy, percent in percents:
            assert percent == _percent_of_snapshot(strategy)
