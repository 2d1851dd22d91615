"""The documented backup and restore (scripts/backup.sh, scripts/restore.sh) round-trips."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg

from tests.pg import throwaway_database
from tests.services import requires_postgres

REPO = Path(__file__).resolve().parents[2]


def _run(args, env, timeout=300):
    result = subprocess.run(
        args, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@requires_postgres
def test_a_dump_restores_into_an_empty_database_with_its_data_and_files(tmp_path):
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))}
    with throwaway_database(os.environ["DATABASE_URL"], "civic_backup") as source_url, \
            throwaway_database(os.environ["DATABASE_URL"], "civic_restore") as target_url:
        source_media, target_media = tmp_path / "media", tmp_path / "restored-media"
        env = base_env | {"DATABASE_URL": source_url, "MEDIA_ROOT": str(source_media)}
        _run([sys.executable, "manage.py", "migrate", "--noinput"], env)
        _run([sys.executable, "manage.py", "seed_demo"], env)
        (source_media / "letters").mkdir(parents=True)
        (source_media / "letters" / "commitment.pdf").write_bytes(b"%PDF-1.4 test letter")

        backup_dir = _run(["scripts/backup.sh", str(tmp_path / "backups")], env).strip()
        _run(
            ["scripts/restore.sh", backup_dir],
            base_env | {"DATABASE_URL": target_url, "MEDIA_ROOT": str(target_media)},
        )

        with psycopg.connect(target_url) as conn:
            cities = {row[0] for row in conn.execute("SELECT slug FROM cities_city")}
            emails = {row[0] for row in conn.execute("SELECT email FROM accounts_user")}
        assert {"riverton", "lakeside"} <= cities
        assert "mayor@riverton.demo.test" in emails
        restored = target_media / "letters" / "commitment.pdf"
        assert restored.read_bytes() == b"%PDF-1.4 test letter"
