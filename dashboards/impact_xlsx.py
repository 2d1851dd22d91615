"""The impact report as an XLSX workbook: a title sheet (program, cohort, period, the
figures at a glance, what each section means), then a sheet per section with the same rows
and total as the page. Written through ``common.tables.workbook_bytes``."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cities.places import country_name
from common.tables import workbook_bytes
from dashboards.impact_sections import headline, impact_sections

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEETS = {"assessment": gettext_lazy("Data practice"),
          "areas": gettext_lazy("Practice areas"), "hours": gettext_lazy("Hours"),
          "sessions": gettext_lazy("Sessions"),
          "showcases": gettext_lazy("Showcases"), "strategies": gettext_lazy("Strategies"),
          "feedback": gettext_lazy("Feedback")}


def report_title(cohort):
    return _("Impact report: %(cohort)s") % {"cohort": cohort.name}


def title_rows(impact):
    """The title sheet's rows: what the report is, then the figures at a glance."""
    cohort = impact.cohort
    return [
        [report_title(cohort)],
        [],
        [_("Program"), cohort.program.name if cohort.program else ""],
        [_("Cohort"), cohort.name],
        [_("Period"), _("%(start)s – %(end)s") % {
            "start": date_format(cohort.starts_on, "DATE_FORMAT"),
            "end": date_format(impact.period_end, "DATE_FORMAT")}],
        [_("Figures as of"), date_format(impact.today, "DATE_FORMAT")],
        [_("Country"), country_name(impact.country) if impact.country else _("All countries")],
        [],
        [_("The cohort at a glance")],
        *([str(label), figure] for label, figure in headline(impact)),
    ]


def impact_workbook(impact):
    """The XLSX bytes of ``impact`` (:func:`dashboards.impact.impact_report`), in the
    active language."""
    sections = impact_sections(impact)
    first = [*title_rows(impact), [], [_("What each figure means")],
             *([s.title, s.sentence] for s in sections)]
    sheets = [(_("Report"), first, None)] + [
        (str(SHEETS[s.key]), [[s.title], [s.sentence], [], s.header, *s.rows, s.total], "A5")
        for s in sections
    ]
    return workbook_bytes(sheets, title=report_title(impact.cohort))
