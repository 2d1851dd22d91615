"""The documented backup and restore (scripts/backup.sh, scripts/restore.sh) round-trips."""

import os
import sys

import psycopg

from tests.pg import throwaway_database
from tests.processes import environment_without_test_settings, run_in_repo
from tests.services import requires_postgres


@requires_postgres
def test_a_dump_restores_into_an_empty_database_with_its_data_and_files(tmp_path):
    base_env = environment_without_test_settings()
    with throwaway_database(os.environ["DATABASE_URL"], "civic_backup") as source_url, \
            throwaway_database(os.environ["DATABASE_URL"], "civic_restore") as target_url:
        source_media, target_media = tmp_path / "media", tmp_path / "restored-media"
        env = base_env | {"DATABASE_URL": source_url, "MEDIA_ROOT": str(source_media)}
        run_in_repo([sys.executable, "manage.py", "migrate", "--noinput"], env)
        run_in_repo([sys.executable, "manage.py", "seed_demo"], env)
        (source_media / "letters").mkdir(parents=True)
        (source_media / "letters" / "commitment.pdf").write_bytes(b"%PDF-1.4 test letter")

        backup_dir = run_in_repo(["scripts/backup.sh", str(tmp_path / "backups")], env).strip()
        run_in_repo(
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
