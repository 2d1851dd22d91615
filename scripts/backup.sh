#!/usr/bin/env bash
# Back up Civic Accelerator: the PostgreSQL database (pg_dump, custom format) and the
# uploaded/generated files (MEDIA_ROOT), into one folder named for the moment.
#   DATABASE_URL=postgres://… MEDIA_ROOT=/app/var/media scripts/backup.sh /backups
set -euo pipefail
target="${1:?usage: backup.sh TARGET_DIR}"
: "${DATABASE_URL:?set DATABASE_URL}"
media="${MEDIA_ROOT:-var/media}"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$target/civic-$stamp"
mkdir -p "$out"
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$out/database.dump"
if [ -d "$media" ]; then tar -C "$media" -czf "$out/media.tar.gz" .; fi
echo "$out"
