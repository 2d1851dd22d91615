"""Migrations move models without losing data: a database migrated and seeded at commit
8da1d72 (before the models moved between apps) is migrated with today's code, and every row
of every old table is found, with the same values, in the table its model has now.

The fixtures and ``manifest.json`` were written at 8da1d72 (see ``record.py``): the manifest
names each table's model as it was then. The model is followed to its place today through
its content type (same id; a move renames the content type's app label in its migration), so
a moved model whose content type was not renamed fails here too.
"""

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.apps import apps

from tests.migrations.tables import read_rows, table_names
from tests.pg import throwaway_database
from tests.processes import PYTHON, environment_without_test_settings, run_in_repo
from tests.services import requires_postgres

HERE = Path(__file__).resolve().parent
MANIFEST = json.loads((HERE / "manifest.json").read_text())

# Values a migration changes on purpose: {(old table, column): why}. Anything else that
# differs after migrating is lost data.
CHANGED_ON_PURPOSE = {
    ("django_content_type", "app_label"): "a moved model's content type follows it",
}


def snapshot(conn, vendor):
    """Every row of the fixture, checked against the manifest written when it was made."""
    expected = MANIFEST["fixtures"][vendor]["tables"]
    owners = MANIFEST["owners"]
    assert table_names(conn, vendor) == sorted(expected)
    rows = {t: read_rows(conn, t, owners[t]["pk"]) for t in expected}
    for table, facts in expected.items():
        assert len(rows[table]) == facts["rows"], table
        assert sorted(rows[table])[:3] == facts["first_pks"], table
    return rows


def content_types(rows):
    return {row["id"]: (row["app_label"], row["model"]) for row in rows.values()}


def place_today(old_table, old_types, new_types):
    """``(table, primary key column)`` where the rows of ``old_table`` live today."""
    owner = MANIFEST["owners"][old_table]
    label = owner.get("model") or owner.get("through")
    if label is None:
        return old_table, owner["pk"]
    by_label = {value: key for key, value in old_types.items()}
    type_id = by_label[tuple(label.split("."))]
    if type_id not in new_types:
        pytest.fail(f"{old_table}: the content type of {label} (id {type_id}) is gone")
    app_label, model_name = new_types[type_id]
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        pytest.fail(
            f"{old_table}: content type {type_id} still names {app_label}.{model_name}, "
            "which is no model today: the migration that moved the model must rename it"
        )
    if "through" in owner:
        through = model._meta.get_field(owner["field"]).remote_field.through
        return through._meta.db_table, "id"
    return model._meta.db_table, model._meta.pk.column


def lost_rows(before, conn, vendor):
    """What of ``before`` (old table → rows) is not found in the migrated database."""
    tables_now = set(table_names(conn, vendor))
    new_types = content_types(read_rows(conn, "django_content_type", "id"))
    old_types = content_types(before["django_content_type"])
    problems = []
    for old_table, old_rows in before.items():
        table, pk = place_today(old_table, old_types, new_types)
        if table not in tables_now:
            problems.append(f"{old_table}: its table today, {table}, does not exist")
            continue
        new_rows = read_rows(conn, table, pk)
        for key, old in old_rows.items():
            new = new_rows.get(key)
            if new is None:
                problems.append(f"{old_table} {pk}={key!r}: not found in {table}")
                continue
            for column, value in old.items():
                if (old_table, column) in CHANGED_ON_PURPOSE:
                    continue
                if column not in new:
                    problems.append(f"{old_table}.{column}: no such column in {table}")
                elif new[column] != value:
                    problems.append(
                        f"{old_table} {pk}={key!r} {column}: {value!r} became {new[column]!r}"
                    )
    return problems


def unknown_periodic_tasks(conn):
    """Celery beat's rows that name a task no module defines (a task moved, its row not)."""
    from config.celery import app

    app.loader.import_default_modules()
    names = [row["task"] for row in read_rows(conn, "django_celery_beat_periodictask",
                                                 "id").values()]
    return [name for name in names if name not in app.tasks]


def migrate(database_url):
    env = {**environment_without_test_settings(), "DATABASE_URL": database_url}
    run_in_repo([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env, timeout=900)


def test_every_row_of_the_seeded_sqlite_database_survives_the_migrations(tmp_path):
    path = tmp_path / "seeded.sqlite3"
    with gzip.open(HERE / MANIFEST["fixtures"]["sqlite"]["file"]) as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    with sqlite3.connect(path) as conn:
        before = snapshot(conn, "sqlite")

    migrate(f"sqlite:///{path}")

    with sqlite3.connect(path) as conn:
        assert lost_rows(before, conn, "sqlite") == []
        assert unknown_periodic_tasks(conn) == []


@requires_postgres
def test_every_row_of_the_seeded_postgresql_database_survives_the_migrations():
    import psycopg
    from psycopg.rows import tuple_row

    dump = gzip.decompress((HERE / MANIFEST["fixtures"]["postgresql"]["file"]).read_bytes())
    with throwaway_database(os.environ["DATABASE_URL"], "civic_rows") as url:
        subprocess.run(
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", url], input=dump,
            capture_output=True, check=True, timeout=300,
        )
        with psycopg.connect(url, row_factory=tuple_row) as conn:
            before = snapshot(conn, "postgresql")

        migrate(url)

        with psycopg.connect(url, row_factory=tuple_row) as conn:
            assert lost_rows(before, conn, "postgresql") == []
            assert unknown_periodic_tasks(conn) == []
