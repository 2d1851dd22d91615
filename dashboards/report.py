"""A cohort's reports as PDFs: the end-of-program report (the health figures of every
city) and the impact report for the funder (:mod:`dashboards.impact_pdf`).

Rendered by WeasyPrint in a Celery task (:mod:`dashboards.tasks`), never inside a request
(the embedded default runs tasks eagerly), and stored keyed by the SHA-256 of its HTML so
an unchanged report is not rendered twice.
"""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from common.task_hooks import TaskHook
from dashboards.charts import hours_bars
from dashboards.health import RULES, cohort_health
from dashboards.health_export import COLUMNS
from dashboards.impact_pdf import impact_html
from dashboards.models import CohortReport, ReportKind, ReportStatus
from feedback.figures import cohort_feedback


def end_of_program_html(*, cohort, language, today, country=""):
    """The end-of-program report's HTML: every city's health figures (``country`` unused:
    this report always shows every city)."""
    rows = cohort_health(cohort=cohort, today=today)
    _sessions, kinds, total = cohort_feedback(cohort=cohort)
    return render_to_string("dashboards/report_pdf.html", {
        "feedback_kinds": kinds, "feedback_total": total,
        "cohort": cohort, "language": language, "today": today,
        "columns": COLUMNS, "rules": [(COLUMNS[k], t) for k, t in RULES.items()],
        "rows": [
            {"health": row, "cells": [row.cells[key] for key in COLUMNS],
             "chart": hours_bars(row.hours_by_month, city=row.city)}
            for row in rows
        ],
    })


RENDERERS = {ReportKind.END: end_of_program_html, ReportKind.IMPACT: impact_html}


def render_report_html(*, cohort, language="en", today=None, kind=ReportKind.END, country=""):
    """(html, sha256) of the report ``kind`` as the records stand ``today``, for the cities
    of ``country`` (an ISO code; every city when empty) where the report is filtered."""
    with translation.override(language), timezone.override(cohort.time_zone):
        today = today or timezone.localdate()
        html = RENDERERS[kind](cohort=cohort, language=language, today=today, country=country)
    return html, hashlib.sha256(f"{language}\n{html}".encode()).hexdigest()


# The Celery task that renders a report (``dashboards/tasks.py`` registers it; it keeps the
# name it had in cohorts/, so a rendering queued before the move still finds it).
rendering = TaskHook("cohorts.render_cohort_report")


def request_cohort_report(*, cohort, language="en", retry=False, kind=ReportKind.END,
                          country=""):
    """The report ``kind`` for the cohort as it is now (for ``country``'s cities, where the
    report is filtered); queue its rendering when it is not made."""
    _html, digest = render_report_html(cohort=cohort, language=language, kind=kind,
                                       country=country)
    report, created = CohortReport.objects.get_or_create(
        cohort=cohort, content_hash=digest,
        defaults={"language": language, "kind": kind, "country": country},
    )
    if not created and retry and report.status == ReportStatus.FAILED:
        report.status, report.error = ReportStatus.PENDING, ""
        report.save(update_fields=["status", "error", "updated_at"])
        created = True
    if created:
        # robust: a broker that is down leaves the report pending instead of an error page.
        rendering.delay_on_commit(report.pk, robust=True)
    return report


def render_cohort_report_file(*, report):
    """Render and store ``report`` (the task's body); a ready report is left as it is."""
    if report.status == ReportStatus.READY and report.file:
        return report
    from weasyprint import HTML

    html, _digest = render_report_html(cohort=report.cohort, language=report.language,
                                       kind=report.kind, country=report.country)
    report.attempts += 1
    name = f"reports/{report.cohort.slug}-{report.content_hash[:16]}.pdf"
    report.file.name = default_storage.save(name, ContentFile(
        HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")))
    report.status, report.error = ReportStatus.READY, ""
    report.save()
    return report
