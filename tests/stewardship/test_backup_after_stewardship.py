"""The documented backup and restore still round-trip once cities have exported their data
and people have deleted their accounts: the archives come back with the media, and a deleted
account comes back anonymised."""

import os
import sys

import psycopg

from tests.pg import throwaway_database
from tests.processes import environment_without_test_settings, run_in_repo
from tests.services import requires_postgres

STEWARDSHIP = """
from django_scopes import scope
from accounts.models import User
from cities.models import City
from stewardship.deletion import delete_account
from stewardship.exports import build_city_export, request_city_export

city = City.objects.get(slug="riverton")
with scope(city=city):
    export = request_city_export(city=city, user=User.objects.get(email="cdo@riverton.demo.test"))
    build_city_export(export=export)
delete_account(user=User.objects.get(email="mayor@riverton.demo.test"))
print(export.file.name)
"""


@requires_postgres
def test_exports_and_deleted_accounts_survive_a_backup_and_restore(tmp_path):
    base_env = environment_without_test_settings()
    with (
        throwaway_database(os.environ["DATABASE_URL"], "civic_stewbackup") as source_url,
        throwaway_database(os.environ["DATABASE_URL"], "civic_stewrestore") as target_url,
    ):
        source_media, target_media = tmp_path / "media", tmp_path / "restored-media"
        env = base_env | {"DATABASE_URL": source_url, "MEDIA_ROOT": str(source_media)}
        run_in_repo([sys.executable, "manage.py", "migrate", "--noinput"], env)
        run_in_repo([sys.executable, "manage.py", "seed_demo"], env)
        archive_name = (
            run_in_repo([sys.executable, "manage.py", "shell", "-c", STEWARDSHIP], env)
            .strip()
            .splitlines()[-1]
        )

        backup_dir = run_in_repo(["scripts/backup.sh", str(tmp_path / "backups")], env).strip()
        run_in_repo(
            ["scripts/restore.sh", backup_dir],
            base_env | {"DATABASE_URL": target_url, "MEDIA_ROOT": str(target_media)},
        )

        with psycopg.connect(target_url) as conn:
            exports = list(conn.execute("SELECT status, file FROM stewardship_cityexport"))
            emails = {row[0] for row in conn.execute("SELECT email FROM accounts_user")}
        assert exports == [("ready", archive_name)]
        restored = target_media / archive_name
        assert restored.read_bytes() == (source_media / archive_name).read_bytes()
        assert "mayor@riverton.demo.test" not in emails
        assert "cdo@riverton.demo.test" in emails
