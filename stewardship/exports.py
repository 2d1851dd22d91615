"""A city's complete export: requested by a city administrator, built by a task.

The archive (a zip) holds one JSON document per kind of data the city owns
(:mod:`stewardship.archive`), the files it uploaded or had made under ``files/``, and a
``README.json`` manifest. It is stored through Django's storage under an unguessable name,
served only by a permission-checked view, and removed a week after it was made.
"""

import json
import secrets
import tempfile
import zipfile
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries.fields import Country

from cities.models import City
from common.task_hooks import TaskHook
from notifications.services import notify
from stewardship.archive import KINDS, PRIVATE_FIELDS, collect_city_data, person
from stewardship.models import CityExport, ExportStatus

EXPORT_FORMAT = 1
KEEP_FOR = timedelta(days=7)
STALE_AFTER = timedelta(minutes=30)
COPY_CHUNK = 1024 * 1024


def is_stuck(export):
    """Pending for much longer than an export takes: the worker may be gone."""
    return (
        export.status == ExportStatus.PENDING and export.created_at < timezone.now() - STALE_AFTER
    )


def is_downloadable(export, *, now=None):
    """Ready, not expired, and its archive is stored."""
    now = now or timezone.now()
    return (
        export.status == ExportStatus.READY
        and bool(export.file)
        and (export.expires_at is None or export.expires_at > now)
    )


def expire_exports(*, city, now=None):
    """Remove the archives of ``city``'s exports past their expiry; return how many."""
    now = now or timezone.now()
    expired = list(
        CityExport.objects.filter(city=city, status=ExportStatus.READY, expires_at__lte=now)
    )
    for export in expired:
        if export.file:
            default_storage.delete(export.file.name)
        export.file = ""
        export.status = ExportStatus.EXPIRED
        export.save(update_fields=["file", "status"])
    return len(expired)


def expire_all_exports(*, now=None):
    """Remove every city's archives past their expiry (the daily task); return how many."""
    from django_scopes import scope, scopes_disabled

    with scopes_disabled():
        cities = list(
            City.objects.filter(
                exports__status=ExportStatus.READY, exports__expires_at__lte=now or timezone.now()
            ).distinct()
        )
    removed = 0
    for city in cities:
        with scope(city=city):
            removed += expire_exports(city=city, now=now)
    return removed


def request_city_export(*, city, user):
    """Queue an export of everything ``city`` owns, on behalf of one of its administrators.

    Only one export is prepared at a time: a second request while one is pending is refused
    (an export stuck for :data:`STALE_AFTER` is marked failed and no longer blocks). Who may
    ask: the door's ``can_request_city_export``.
    """
    with transaction.atomic():
        City.objects.select_for_update().filter(pk=city.pk).first()  # one request at a time
        expire_exports(city=city)
        for export in CityExport.objects.filter(city=city, status=ExportStatus.PENDING):
            if not is_stuck(export):
                raise ValidationError(
                    _("An export is already being prepared. You will be told when it is ready.")
                )
            _fail(export, "Timed out: no worker finished it.")
        export = CityExport.objects.create(city=city, requested_by=user)
        building.delay_on_commit(export.pk)
    return export


# The Celery task that builds an export's archive (``stewardship/tasks.py`` registers it).
building = TaskHook("stewardship.build_city_export")


class _ExportEncoder(DjangoJSONEncoder):
    """Django's encoder, and countries as their ISO 3166 code."""

    def default(self, o):
        if isinstance(o, Country):
            return o.code
        return super().default(o)


def _dump(data):
    return json.dumps(data, cls=_ExportEncoder, indent=2, ensure_ascii=False)


def _manifest(export, contents, copied, missing, now):
    return {
        "format": EXPORT_FORMAT,
        "city": {"slug": export.city.slug, "name": export.city.name},
        "generated_at": now,
        "requested_by": person(export.requested_by),
        "documents": [
            {"file": f"{kind}.json", "records": len(data) if isinstance(data, list) else 1}
            for kind, data in contents.documents.items()
        ],
        "files": copied,
        "missing_files": missing,
        "left_out": sorted(
            f"{model._meta.label}.{name}"
            for model, names in PRIVATE_FIELDS.items()
            for name in names
        ),
    }


def write_archive(*, export, contents, handle, now):
    """Write the zip of ``contents`` into the open binary ``handle``."""
    copied, missing = [], []
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for kind in KINDS:
            archive.writestr(f"{kind}.json", _dump(contents.documents[kind]))
        for item in contents.files:
            if not default_storage.exists(item.storage_name):
                missing.append(item.path)
                continue
            with (
                default_storage.open(item.storage_name, "rb") as source,
                archive.open(item.path, "w", force_zip64=True) as target,
            ):
                size = 0
                while chunk := source.read(COPY_CHUNK):
                    target.write(chunk)
                    size += len(chunk)
            copied.append({"path": item.path, "bytes": size})
        archive.writestr("README.json", _dump(_manifest(export, contents, copied, missing, now)))


def build_city_export(*, export):
    """Build and store the archive of ``export`` and tell its requester (the task's body).

    Runs inside ``scope(city=export.city)``.
    """
    city = export.city
    now = timezone.now()
    contents = collect_city_data(city=city)
    with tempfile.TemporaryFile() as handle:
        write_archive(export=export, contents=contents, handle=handle, now=now)
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(0)
        name = f"exports/{city.slug}/{secrets.token_urlsafe(24)}.zip"
        stored = default_storage.save(name, File(handle, name=name))
    export.file.name = stored
    export.size = size
    export.status, export.error = ExportStatus.READY, ""
    export.finished_at = now
    export.expires_at = now + KEEP_FOR
    export.save()
    if export.requested_by is not None:
        notify(
            "export.ready",
            recipients=[export.requested_by],
            about=export,
            context={"city": city, "export": export},
            category="account",
        )
    return export


def _fail(export, message):
    export.status = ExportStatus.FAILED
    export.error = message[:2000]
    export.finished_at = timezone.now()
    export.save(update_fields=["status", "error", "finished_at"])


def record_export_failure(*, export, error):
    """Write why ``export`` failed (shown as failed to the city, the reason to staff) and
    tell its requester, who may ask again."""
    _fail(export, f"{type(error).__name__}: {error}")
    if export.requested_by is not None:
        notify(
            "export.failed",
            recipients=[export.requested_by],
            about=export,
            context={"city": export.city, "export": export},
            category="account",
        )
    return export
