"""The staff's cohort health dashboard and its exports (scopes disabled: staff see all)."""

from dataclasses import dataclass

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from caching.page_cache import cache_page_per_person
from cities.doors import rule_required
from cities.places import country_code, country_name
from cohorts.models import Cohort, Enrollment
from common.escaping import escaped
from common.inputs import parse_id
from common.tables import table_response
from dashboards.charts import hours_bars
from dashboards.exports import EXPORTS, export_rows
from dashboards.health import (
    AMBER,
    GREEN,
    RED,
    RULES,
    SORT_KEYS,
    WITHDRAWN,
    CityHealth,
    cohort_health,
    sort_rows,
)
from dashboards.health_cache import cached_dashboard, cohort_versions
from dashboards.health_export import COLUMNS, header, table
from dashboards.health_reads import coaches_of_enrollments
from dashboards.models import ReportStatus
from dashboards.report import request_cohort_report


def _filtered_rows(request, cohort, enrollments=None):
    coach_id = parse_id(request.GET.get("coach"))
    country = request.GET.get("country", "").strip()
    country = country_code(country) or country
    data = _dashboard_data(cohort, coach_id, country or None, enrollments)
    coach = next((c for c in data["coaches"] if c.pk == coach_id), None)
    sort = request.GET.get("sort", "city")
    if sort.lstrip("-") not in SORT_KEYS:
        sort = "city"
    return sort_rows(data["rows"], sort), {"coach": coach, "country": country, "sort": sort,
                                           "data": data}


@dataclass(frozen=True)
class Coach:
    """A coach as the dashboard shows one (the filter's choice, a row's coaches): what the
    page reads of the user, cheap to keep in the cache."""

    pk: int
    email: str
    label: str  # the user's full name, as ``str(user)`` gives it

    def __str__(self):
        return self.label


def _dashboard_data(cohort, coach_id, country, enrollments=None):
    """The rows and the filters' choices (every coach and country of the cohort), cached
    until a record behind them changes; read from the cohort's enrollments once. The cache
    keeps each row's figures and its enrollment's id, not the records themselves (a
    quarter of the cost of a page rendered afresh was writing them): the rows are put
    back together from the ``enrollments`` every request reads."""
    everyone = enrollments if enrollments is not None else list(_enrollments(cohort=cohort))

    def compute():
        assignments = coaches_of_enrollments(everyone)
        coaches = {a.coach for each in assignments.values() for a in each}
        as_shown = {user.pk: Coach(user.pk, user.email, str(user)) for user in coaches}
        rows = cohort_health(cohort=cohort, coach=coach_id, country=country,
                             enrollments=everyone, assignments=assignments)
        return {
            "rows": [(row.enrollment.pk, [as_shown[c.pk] for c in row.coaches], row.cells,
                      row.hours_by_month) for row in rows],
            "coaches": [as_shown[u.pk] for u in sorted(coaches, key=lambda u: (u.name,
                                                                                 u.email))],
            "countries": sorted({e.city.country.code for e in everyone}),
        }

    data = cached_dashboard(cohort=cohort, coach=coach_id, country=country, compute=compute,
                            depends_on=cohort_versions(everyone))
    by_pk = {e.pk: e for e in everyone}
    rows = [CityHealth(city=by_pk[pk].city, enrollment=by_pk[pk], coaches=coaches,
                       cells=cells, hours_by_month=hours)
            for pk, coaches, cells, hours in data["rows"]]
    return {**data, "rows": rows}


def _enrollments(**filters):
    """The enrollments (with city and cohort) the dashboard's rows start from, by city."""
    with scopes_disabled():
        return Enrollment.objects.filter(**filters).select_related("city", "cohort").order_by(
            "city__name", "pk")


DETAIL_PAGES = {
    "convening": "schedule:schedule", "attendance": "schedule:schedule", "hours": "schedule:hours",
    "checkins": "coaching:page", "actions": "coaching:page", "showcases": "showcases:list",
    "strategy": "strategy:overview", "feedback": "schedule:schedule",
    "assignments": "assignments:curriculum",
}


SLUG = "city-slug-placeholder"


RAG_LABELS = {RED: gettext_lazy("Red"), AMBER: gettext_lazy("Amber"),
              GREEN: gettext_lazy("Green"), WITHDRAWN: gettext_lazy("Withdrawn")}
NO_DATA = gettext_lazy("No data")


def _table(rows):
    """Rows for the template: each cell with its label, its colour's name and the page
    behind it, and the city's home (each page's address reversed once, the city's slug put
    in for each row: a slug needs no quoting; each colour's name translated once)."""
    pages = {key: reverse(DETAIL_PAGES[key], kwargs={"city": SLUG}) for key in COLUMNS}
    home = reverse("dashboards:city_home", kwargs={"city": SLUG})  # City.get_absolute_url
    rag_labels = {rag: str(label) for rag, label in RAG_LABELS.items()}
    no_data = str(NO_DATA)
    labels = {key: str(label) for key, label in COLUMNS.items()}
    hour_cells = {}  # each figure of hours written once (the same figures recur)
    return [
        {
            "health": row,
            "head_html": _head_html(row, home.replace(SLUG, row.city.slug)),
            "chart": hours_bars(row.hours_by_month, city=row.city),
            "cells_html": _cells_html(
                (row.cells[key], rag_labels.get(row.cells[key].rag, no_data),
                 labels[key], pages[key].replace(SLUG, row.city.slug))
                for key in COLUMNS),
            "hours_row_html": _hours_row_html(row, hour_cells),
        }
        for row in rows
    ]


# One cell of the health table and one of the hours table, as the template wrote them.
HEALTH_CELL = (
    '\n        <td class="health-cell health-{}"><a href="{}">\n'
    '          <span class="health-label">{}</span>\n'
    '          <span class="visually-hidden">{}:</span> {}</a></td>\n      '
)
HOURS_CELL = "<td>{}</td>"
HEAD = ('<th scope="row"><a href="{}">{}</a>\n        <span class="help">{}{}</span>\n'
        '        {}</th>')
WITHDREW = '<span class="help">{}</span>'


def _head_html(row, city_url):
    """The row's heading: the city (a link to its home), its country and coaches, and the
    day it withdrew if it did; the HTML the template wrote, each value escaped."""
    withdrawn_on = row.enrollment.withdrawn_on
    withdrew = WITHDREW.format(escaped(_("Withdrew on %(day)s") % {
        "day": date_format(withdrawn_on, "DATE_FORMAT")})) if withdrawn_on else ""
    return mark_safe(HEAD.format(  # noqa: S308 - every value is escaped
        escaped(city_url), escaped(row.city.name), escaped(row.city.country.name),
        "".join(f" · {escaped(coach)}" for coach in row.coaches), withdrew))


def _cells_html(cells):
    """The row's cells (``(cell, colour's name, column's label, page)``), written once
    rather than by template tags per cell: the HTML :func:`format_html_join` writes, each
    value escaped as :func:`conditional_escape` escapes it, without its lazy-string checks
    per value (1,500 values a page: ~10 ms of a 90 ms page rendered afresh)."""
    return mark_safe("".join(  # noqa: S308 - every value is escaped
        HEALTH_CELL.format(*map(escaped, (cell.rag, url, rag_label, label, cell.text)))
        for cell, rag_label, label, url in cells))


HOURS_ROW = '<tr><th scope="row">{}</th>\n        {}\n        <td>{}</td></tr>'


def _hours_row_html(row, written):
    """A row of the hours table: the city, its hours each month and its commitment per
    member (``written``: as :func:`_hours_html`)."""
    commitment = row.city.monthly_commitment_hours
    return mark_safe(HOURS_ROW.format(  # noqa: S308 - every value is escaped
        escaped(row.city.name), _hours_html(row.hours_by_month, written),
        escaped(floatformat(commitment, "-1"))))


def _hours_html(hours_by_month, written=None):
    """The hours table's cells of a row, as :func:`format_html_join` writes them
    (``written``: the cells of figures already written, by figure, for this request)."""
    written = {} if written is None else written
    return mark_safe("".join(  # noqa: S308 - every value is escaped
        written.get(hours) or written.setdefault(
            hours, HOURS_CELL.format(escaped(floatformat(hours, "-1"))))
        for _month, hours, _commitment in hours_by_month))


def _enrollments_of(request, slug):
    """The cohort's enrollments (with city and cohort), read once per request: the page's
    data versions and the dashboard's rows both start from them."""
    if getattr(request, "_health_enrollments", (None,))[0] != slug:
        request._health_enrollments = (slug, list(_enrollments(cohort__slug=slug)))
    return request._health_enrollments[1]


def _cohort_city_versions(request, slug):
    """The dashboard shows every city of the cohort and shared records."""
    return cohort_versions(_enrollments_of(request, slug))


@rule_required("is_program_staff", obj=None)
@cache_page_per_person(_cohort_city_versions)
def cohort_dashboard(request, slug):
    """Every city of a cohort at a glance, red / amber / green by rules shown on the page."""
    enrollments = _enrollments_of(request, slug)
    cohort = enrollments[0].cohort if enrollments else get_object_or_404(Cohort, slug=slug)
    rows, filters = _filtered_rows(request, cohort, enrollments)
    data = filters.pop("data")
    coaches = data["coaches"]
    countries = sorted(((code, country_name(code)) for code in data["countries"]),
                       key=lambda pair: pair[1])
    return render(request, "dashboards/health.html", {
        "cohort": cohort, "table": _table(rows), "filters": filters, "coaches": coaches,
        # the columns', rules' and exports' names translated once, not at each use
        "countries": countries,
        "rules": [(str(COLUMNS[k]), str(text)) for k, text in RULES.items()],
        "columns": {key: str(label) for key, label in COLUMNS.items()},
        "exports": {key: str(label) for key, label in EXPORTS.items()},
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
