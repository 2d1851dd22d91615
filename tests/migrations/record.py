"""Write ``manifest.json`` for the seeded fixtures of this folder.

How the fixtures were made (at commit 8da1d72, before the models moved between apps)::

    git worktree add /tmp/old-main 8da1d72 && cd /tmp/old-main
    DATABASE_URL=sqlite:////tmp/fx/old.sqlite3 uv run python manage.py migrate
    DATABASE_URL=sqlite:////tmp/fx/old.sqlite3 uv run python manage.py seed_demo
    (the same into PostgreSQL database civic_checks_old, then
     pg_dump --no-owner --no-privileges civic_checks_old | gzip -9 > seeded_8da1d72.pg.sql.gz)
    sqlite3 /tmp/fx/old.sqlite3 VACUUM; gzip -9 -c /tmp/fx/old.sqlite3 > seeded_8da1d72.sqlite3.gz
    DATABASE_URL=sqlite:////tmp/fx/old.sqlite3 PG_URL=postgres://…/civic_checks_old \
        uv run python <this checkout>/tests/migrations/record.py <this folder>/manifest.json

Run from the OLD checkout: the manifest describes each table by the model that owned it then
(``describe_tables``), with its row count and its first primary keys in each fixture.
"""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from tables import describe_tables, read_rows, table_names  # noqa: E402


def summary(conn, vendor, described):
    tables = {}
    for table in table_names(conn, vendor):
        rows = read_rows(conn, table, described[table]["pk"])
        tables[table] = {"rows": len(rows), "first_pks": sorted(rows)[:3]}
    return tables


def main(out):
    described = describe_tables()
    sqlite_path = os.environ["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(sqlite_path) as conn:
        sqlite_tables = summary(conn, "sqlite", described)
    import psycopg

    with psycopg.connect(os.environ["PG_URL"]) as conn:
        pg_tables = summary(conn, "postgresql", described)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.strip()
    manifest = {
        "commit": commit,
        "made_with": "manage.py migrate, then manage.py seed_demo",
        "fixtures": {
            "sqlite": {"file": "seeded_8da1d72.sqlite3.gz", "tables": sqlite_tables},
            "postgresql": {"file": "seeded_8da1d72.pg.sql.gz", "tables": pg_tables},
        },
        "owners": {t: described[t] for t in sorted(set(sqlite_tables) | set(pg_tables))},
    }
    Path(out).write_text(json.dumps(manifest, indent=1, sort_keys=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
