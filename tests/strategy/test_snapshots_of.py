"""Many strategies' snapshots read as plain rows (strategy.snapshot.snapshots_of) are the
pictures snapshot_strategy draws of each, in a constant number of queries."""

import io

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from strategy.models import Initiative, Strategy
from strategy.snapshot import load_strategy, snapshot_strategy, snapshots_of

pytestmark = pytest.mark.django_db


def test_snapshots_of_equal_snapshot_strategy_for_every_demo_strategy(
        django_assert_num_queries):
    call_command("seed_demo", stdout=io.StringIO())
    with scopes_disabled():
        assert Initiative.objects.exists()
        strategies = Strategy.objects.order_by("pk")
        with django_assert_num_queries(5):
            pictures = snapshots_of(strategies=strategies)
        assert [s.pk for s, _p in pictures] == list(strategies.values_list("pk", flat=True))
        for strategy, picture in pictures:
            assert picture == snapshot_strategy(strategy=load_strategy(strategy_id=strategy.pk))
