#!/usr/bin/env bash
# Restore a backup made by backup.sh into an EMPTY database and media folder.
#   DATABASE_URL=postgres://…/civic_new MEDIA_ROOT=/app/var/media scripts/restore.sh /backups/civic-…
set -euo pipefail
source_dir="${1:?usage: restore.sh BACKUP_DIR}"
: "${DATABASE_URL:?set DATABASE_URL}"
media="${MEDIA_ROOT:-var/media}"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" \
  "$source_dir/database.dump"
if [ -f "$source_dir/media.tar.gz" ]; then
  mkdir -p "$media"
  tar -C "$media" -xzf "$source_dir/media.tar.gz"
fi
echo "restored $source_dir"
