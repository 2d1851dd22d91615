"""The reading view keeps the strategy's plans, initiatives and metrics per city
(strategy.views.common.kept_parts): a change to them shows at the next request, and a
shared change alone reads them from the cache."""

import pytest
from django.test import Client
from django_scopes import scope

from caching.data_versions import forget_data
from tests import factories
from tests.strategy.conftest import add_initiatives


@pytest.fixture
def reader(team):
    client = Client()
    client.force_login(team.cdo)
    return client


def _read(reader, team):
    response = reader.get(f"/c/{team.city.slug}/strategy/read/")
    assert response.status_code == 200
    return response.content.decode()


def test_an_initiative_changed_shows_at_the_next_request(team, reader):
    with scope(city=team.city):
        initiative = add_initiatives(team.strategy, 1)[0]
        metric = factories.MetricFactory(component=initiative.component, name="Open rate")
    assert initiative.title in _read(reader, team) and "Open rate" in _read(reader, team)
    with scope(city=team.city):
        initiative.title = "Publish the budget as open data"
        initiative.save()
        metric.delete()
    page = _read(reader, team)
    assert "Publish the budget as open data" in page and "Open rate" not in page


def test_a_shared_change_alone_reads_the_plans_kept(team, reader, django_assert_num_queries):
    with scope(city=team.city):
        add_initiatives(team.strategy, 3)
    _read(reader, team)  # keeps the plans
    forget_data(everything=True)  # a shared change: the page is rendered afresh
    # 14 afresh with nothing kept (test_views): the plans, initiatives and metrics are kept
    with django_assert_num_queries(11):
        _read(reader, team)
