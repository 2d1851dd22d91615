"""Celery tasks of data stewardship: thin wrappers that take ids."""

import logging

from celery import shared_task
from django_scopes import scope, scopes_disabled

from stewardship.exports import (
    build_city_export,
    building,
    expire_all_exports,
    record_export_failure,
)
from stewardship.models import CityExport, ExportStatus

logger = logging.getLogger(__name__)


@shared_task(name="stewardship.expire_exports")
def expire_exports_task():
    """Daily (Celery beat): remove the archives of exports past their expiry."""
    return expire_all_exports()


@building.register
@shared_task(name="stewardship.build_city_export")
def build_city_export_task(export_id):
    """Build the archive of one requested export; a failure is recorded on it (and shown),
    and the city's administrator may simply ask again."""
    with scopes_disabled():
        export = (
            CityExport.objects.select_related("city", "requested_by").filter(pk=export_id).first()
        )
    if export is None or export.status != ExportStatus.PENDING:
        return None
    with scope(city=export.city):
        try:
            build_city_export(export=export)
        except Exception as error:  # recorded on the export, told to its requester, logged
            logger.exception("Building the export %s of %s failed", export_id, export.city)
            record_export_failure(export=export, error=error)
            return None
    return export.pk
