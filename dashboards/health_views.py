"""The staff's cohort health dashboard and its exports (scopes disabled: staff see all)."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from caching.page_cache import cache_page_per_person
from cities.doors import rule_required
from cities.models import City
from cities.places import country_code, country_name
from cohorts.models import Cohort
from common.inputs import parse_id
from common.tables import table_response
from dashboards.charts import hours_bars
from dashboards.exports import EXPORTS, export_rows
from dashboards.health import RULES, SORT_KEYS, cohort_health, sort_rows
from dashboards.health_cache import cached_dashboard, cohort_data_versions
from dashboards.health_export import COLUMNS, header, table
from dashboards.models import ReportStatus
from dashboards.report import request_cohort_report


def _filtered_rows(request, cohort):
    coach = None
    coach_id = parse_id(request.GET.get("coach"))
    if coach_id is not None:
        coach = User.objects.filter(pk=coach_id).first()
    country = request.GET.get("country", "").strip()
    country = country_code(country) or country
    data = _dashboard_data(cohort, coach, country or None)
    sort = request.GET.get("sort", "city")
    if sort.lstrip("-") not in SORT_KEYS:
        sort = "city"
    return sort_rows(data["rows"], sort), {"coach": coach, "country": country, "sort": sort,
                                           "data": data}


def _dashboard_data(cohort, coach, country):
    """The rows and the filters' choices, cached until a record behind them changes."""

    def compute():
        return {
            "rows": cohort_health(cohort=cohort, coach=coach, country=country),
            "coaches": list(User.objects.filter(
                coach_assignments__enrollment__cohort=cohort
            ).distinct().order_by("name", "email")),
            "countries": list(
                City.objects.filter(enrollments__cohort=cohort)
                .order_by("country").values_list("country", flat=True).distinct()
            ),
        }

    return cached_dashboard(cohort=cohort, coach=coach, country=country, compute=compute)


DETAIL_PAGES = {
    "convening": "cohorts:schedule", "attendance": "cohorts:schedule", "hours": "cohorts:hours",
    "checkins": "coaching:page", "actions": "coaching:page", "showcases": "showcases:list",
    "strategy": "strategy:overview",
}


def _table(rows):
    """Rows for the template: each cell with its label and the page behind it."""
    return [
        {
            "health": row,
            "chart": hours_bars(row.hours_by_month, city=row.city),
            "cells": [
                {"key": key, "label": COLUMNS[key], "cell": row.cells[key],
                 "url": reverse(DETAIL_PAGES[key], kwargs={"city": row.city.slug})}
                for key in COLUMNS
            ],
        }
        for row in rows
    ]


def _cohort_city_versions(request, slug):
    """The dashboard shows every city of the cohort and shared records."""
    return cohort_data_versions(cohort__slug=slug)


@rule_required("is_program_staff", obj=None)
@cache_page_per_person(_cohort_city_versions)
def cohort_dashboard(request, slug):
    """Every city of a cohort at a glance, red / amber / green by rules shown on the page."""
    cohort = get_object_or_404(Cohort, slug=slug)
    rows, filters = _filtered_rows(request, cohort)
    data = filters.pop("data")
    coaches = data["coaches"]
    countries = sorted(((code, country_name(code)) for code in data["countries"]),
                       key=lambda pair: pair[1])
    return render(request, "dashboards/health.html", {
        "cohort": cohort, "table": _table(rows), "filters": filters, "coaches": coaches,
        "countries": countries, "rules": [(COLUMNS[k], text) for k, text in RULES.items()],
        "columns": COLUMNS, "exports": EXPORTS,
        "months": [m for m, _h, _c in rows[0].hours_by_month] if rows else [],
    })


@rule_required("is_program_staff", obj=None)
def cohort_dashboard_export(request, slug, fmt):
    """The dashboard as CSV or XLSX, with the page's filters applied."""
    cohort = get_object_or_404(Cohort, slug=slug)
    rows, _filters = _filtered_rows(request, cohort)
    _filters.pop("data")
    return table_response(
        header(), table(rows), fmt=fmt, title=cohort.name,
        filename=_("cohort-health") + f"-{cohort.slug}",
    )


@rule_required("is_program_staff", obj=None)
def cohort_export(request, slug, what, fmt):
    """Attendance, the hours ledger, action items or applications of a cohort, filtered
    by ``country``, ``city``, ``coach`` (and ``status`` for action items)."""
    if what not in EXPORTS:
        raise Http404
    cohort = get_object_or_404(Cohort, slug=slug)
    filters = {key: request.GET.get(key, "").strip() for key in ("country", "city", "status")}
    filters["coach"] = parse_id(request.GET.get("coach"))
    head, rows = export_rows(what=what, cohort=cohort, filters=filters)
    return table_response(head, rows, fmt=fmt, title=EXPORTS[what],
                          filename=f"{what}-{cohort.slug}")


@rule_required("is_program_staff", obj=None)
def cohort_report(request, slug):
    """The end-of-program report: request it, see it being prepared, download it."""
    cohort = get_object_or_404(Cohort, slug=slug)
    language = translation.get_language() or "en"
    report = request_cohort_report(
        cohort=cohort, language=language, retry=request.method == "POST"
    )
    if request.GET.get("download") and report.status == ReportStatus.READY:
        return FileResponse(
            report.file.open("rb"), as_attachment=True,
            filename=f"{cohort.slug}-report.pdf", content_type="application/pdf",
        )
    return render(request, "dashboards/report.html", {"cohort": cohort, "report": report})
