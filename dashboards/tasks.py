"""Celery tasks of dashboards: thin wrappers that take ids."""

import logging

from celery import shared_task

from dashboards.models import CohortReport, ReportStatus
from dashboards.report import render_cohort_report_file, rendering

logger = logging.getLogger(__name__)


@rendering.register
@shared_task(bind=True, max_retries=3, name="cohorts.render_cohort_report")
def render_cohort_report(self, report_id):
    """Render a cohort report PDF; a failure is recorded on the report and retried."""
    report = CohortReport.objects.select_related("cohort").filter(pk=report_id).first()
    if report is None:
        return None
    try:
        render_cohort_report_file(report=report)
    except Exception as error:  # recorded, logged and retried
        will_retry = not self.request.is_eager and self.request.retries < self.max_retries
        report.status = ReportStatus.PENDING if will_retry else ReportStatus.FAILED
        report.error = f"{type(error).__name__}: {error}"[:2000]
        report.save(update_fields=["status", "error", "updated_at"])
        logger.exception("Rendering cohort report %s failed", report_id)
        if will_retry:
            raise self.retry(exc=error, countdown=30 * 2 ** self.request.retries) from error
    return report_id
