"""Statements compiled once (common/statements.py): the rows are always the database's,
only the SQL is kept, and the key keeps apart what the SQL depends on."""

import pytest
from django.db import connection
from django.db.models import JSONField, Value
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from coaching.models import ActionItem
from common import statements
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    statements.forget_statements()
    yield
    statements.forget_statements()


def _open_items(city_ids):
    built = []

    def build():
        built.append(1)
        return (ActionItem.objects.filter(city_id__in=city_ids, status="open").order_by()
                .values_list("city_id", "title"))

    return build, built


def test_the_rows_are_read_afresh_and_the_statement_built_once(no_scope):
    city = factories.CityFactory()
    factories.ActionItemFactory(city=city, title="Publish the 311 data")
    build, built = _open_items([city.pk])
    assert statements.rows_of(("open", city.pk), build) == [(city.pk, "Publish the 311 data")]
    factories.ActionItemFactory(city=city, title="Name a data steward")
    with CaptureQueriesContext(connection) as queries:
        rows = statements.rows_of(("open", city.pk), build)
    assert sorted(rows) == [(city.pk, "Name a data steward"), (city.pk, "Publish the 311 data")]
    assert len(queries) == 1 and len(built) == 1  # read again; built and compiled once


def test_another_key_or_time_zone_compiles_its_own_statement(no_scope):
    first, second = factories.CityFactory(), factories.CityFactory()
    factories.ActionItemFactory(city=second, title="Open the budget data")
    build, built = _open_items([second.pk])
    with scopes_disabled():
        assert statements.rows_of(("open", second.pk), build) == [
            (second.pk, "Open the budget data")]
        with timezone.override("America/Sao_Paulo"):
            statements.rows_of(("open", second.pk), build)
        assert len(built) == 2
        other, _built = _open_items([first.pk])
        assert statements.rows_of(("open", first.pk), other) == []


def test_only_the_most_recently_used_statements_are_kept(no_scope, monkeypatch):
    monkeypatch.setattr(statements, "MAX_STATEMENTS", 2)
    build, built = _open_items([])
    for key in ("a", "b", "c", "a"):
        statements.compiled((key,), build)
    assert len(built) == 4  # "a" was forgotten when "c" came
    assert len(statements._statements) == 2


def test_a_query_that_can_have_no_rows_answers_none_without_asking(no_scope):
    build, built = _open_items([])
    with CaptureQueriesContext(connection) as queries:
        assert statements.rows_of(("none",), build) == []
        assert statements.rows_of(("none",), build) == []
    assert len(queries) == 0 and len(built) == 1


def test_the_rows_are_what_djangos_own_iteration_gives(no_scope):
    """Each column converted as Django converts it (a JSON value parsed, times aware): the
    raw cursor's rows differ on some backends (SQLite gives times as text)."""
    city = factories.CityFactory()
    factories.ActionItemFactory(city=city, title="Publish the 311 data")

    def build():
        return (ActionItem.objects.filter(city=city).order_by("pk")
                .annotate(tags=Value({"pillar": "lead", "n": 2}, output_field=JSONField()))
                .values_list("pk", "title", "due_on", "created_at", "tags"))

    rows = statements.rows_of(("converted", city.pk), build)
    assert rows == list(build())
    (_pk, _title, _due, created_at, tags), = rows
    assert timezone.is_aware(created_at) and tags == {"pillar": "lead", "n": 2}
