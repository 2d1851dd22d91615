"""The staff's impact report of a cohort: the page, its XLSX and its PDF (scopes disabled
inside the domain functions: staff see every city)."""

from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _

from cities.doors import rule_required
from cities.places import country_name
from cohorts.models import Cohort
from dashboards.impact import cohort_cities, impact_report
from dashboards.impact_sections import headline, impact_sections
from dashboards.impact_xlsx import XLSX, impact_workbook
from dashboards.models import ReportKind, ReportStatus
from dashboards.report import request_cohort_report


def _impact(request, slug):
    """The report for the cohort ``slug``, filtered by the request's ``country``; the
    cohort is read with its cities (a cohort with none is read alone)."""
    everyone = cohort_cities(cohort__slug=slug)
    cohort = everyone[0].cohort if everyone else get_object_or_404(
        Cohort.objects.select_related("program"), slug=slug)
    return impact_report(cohort=cohort, enrollments=everyone,
                         country=request.GET.get("country", "").strip())


@rule_required("is_program_staff", obj=None)
def impact_page(request, slug):
    """Per city and for the cohort: hours against commitments, sessions and attendance,
    practices showcased and published, strategies approved; filtered by country."""
    impact = _impact(request, slug)
    return render(request, "dashboards/impact.html", {
        "impact": impact, "cohort": impact.cohort,
        "countries": sorted(((c, country_name(c)) for c in impact.countries),
                            key=lambda pair: pair[1]),
        "headline": headline(impact), "sections": impact_sections(impact),
        "query": f"?country={impact.country}" if impact.country else "",
    })


@rule_required("is_program_staff", obj=None)
def impact_xlsx(request, slug):
    """The impact report's figures as a workbook, with the page's country filter."""
    impact = _impact(request, slug)
    response = HttpResponse(impact_workbook(impact), content_type=XLSX)
    name = "-".join(filter(None, [_("impact"), impact.cohort.slug, impact.country.lower()]))
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@rule_required("is_program_staff", obj=None)
def impact_pdf(request, slug):
    """The impact report as a PDF in the reader's language: request it, see it being
    prepared, download it (with the page's country filter)."""
    impact = _impact(request, slug)
    report = request_cohort_report(
        cohort=impact.cohort, language=translation.get_language() or "en",
        retry=request.method == "POST", kind=ReportKind.IMPACT, country=impact.country,
    )
    if request.GET.get("download") and report.status == ReportStatus.READY:
        name = "-".join(filter(None, [_("impact"), impact.cohort.slug, impact.country.lower()]))
        return FileResponse(report.file.open("rb"), as_attachment=True,
                            filename=f"{name}.pdf", content_type="application/pdf")
    return render(request, "dashboards/impact_pdf_status.html", {
        "cohort": impact.cohort, "report": report, "impact": impact,
        "country_name": country_name(impact.country) if impact.country else "",
        "query": f"country={impact.country}&" if impact.country else "",
    })
