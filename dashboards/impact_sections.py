"""The impact report's sections as the page, the PDF and the XLSX all show them: a title,
a sentence saying what the figure means, a header, a row per city, the cohort's total and a
chart of the same figures. Cells are plain values (numbers stay numbers), so the three
documents cannot disagree."""

from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dashboards.charts import compare_bars
from dashboards.impact_assessment import (
    areas_section,
    assessment_headline,
    assessment_section,
)

TITLES = {
    "hours": gettext_lazy("Training hours delivered against commitments"),
    "sessions": gettext_lazy("Sessions held and attendance"),
    "showcases": gettext_lazy("Practices showcased and published"),
    "strategies": gettext_lazy("Strategies approved"),
    "feedback": gettext_lazy("Feedback scores"),
}

SENTENCES = {
    "hours": gettext_lazy(
        "Hours in each city's training ledger (sessions attended, coaching and learning its "
        "people logged) from the cohort's first day to the report's, against what the city "
        "committed: its monthly hours for each senior-team member, for every month of the "
        "cohort begun so far."),
    "sessions": gettext_lazy(
        "Program sessions held so far that the city was invited to (cancelled sessions and "
        "coaching calls aside), and the share of the places offered that its people filled: "
        "mayors at the mayors' sessions, senior teams at theirs, everyone at the sessions for "
        "all."),
    "showcases": gettext_lazy(
        "Practices each city put into action and showed the program (showcases accepted or "
        "presented), and how many the city agreed to share and staff published in the "
        "practice library for other cities to learn from."),
    "strategies": gettext_lazy(
        "Cities whose mayor approved their three-year data strategy, the program's main "
        "outcome; the others are shown at the stage their strategy has reached."),
    "feedback": gettext_lazy(
        "After each session they attended, the city's people were asked to rate it from 1 "
        "(very poor) to 5 (excellent): how many were asked, how many answered, and the "
        "average of the ratings they gave."),
}


@dataclass
class Section:
    key: str
    title: str
    sentence: str
    header: list
    rows: list  # [[city, country, figures…]]
    total: list  # ["All cities", "", figures…]
    chart: str = ""


def _percent(value):
    return "" if value is None else value


def city_label(row):
    """The city's name, and the day it left the cohort when it withdrew (its figures stay
    in the report: what was delivered was delivered)."""
    withdrawn = row.enrollment.withdrawn_on
    if withdrawn is None:
        return row.city.name
    return _("%(city)s (withdrew on %(date)s)") % {
        "city": row.city.name, "date": date_format(withdrawn, "DATE_FORMAT")}


def _place(row):
    return [city_label(row), row.city.country.name]


def _hours(impact):
    def cells(f):
        return [f.hours, f.committed, _percent(f.hours_percent)]

    chart = compare_bars(
        [(r.city.name, r.figures.hours, r.figures.committed,
          _("%(hours)s of %(committed)s h") % {
              "hours": number_format(r.figures.hours, decimal_pos=1),
              "committed": number_format(r.figures.committed, decimal_pos=1)})
         for r in impact.rows],
        title=_("Training hours delivered against hours committed, per city"))
    return [_("Hours delivered"), _("Hours committed"), _("Delivered / committed (%)")], \
        cells, chart


def _sessions(impact):
    def cells(f):
        return [f.sessions, f.attended, f.invited, _percent(f.attendance_percent)]

    chart = compare_bars(
        [(r.city.name, r.figures.attendance_percent or 0, None,
          "" if r.figures.attendance_percent is None
          else _("%(percent)s%%") % {"percent": r.figures.attendance_percent})
         for r in impact.rows],
        title=_("Share of the places offered that each city filled"))
    return [_("Sessions held"), _("Places filled"), _("Places offered"),
            _("Attendance (%)")], cells, chart


def _showcases(impact):
    def cells(f):
        return [f.showcased, f.published]

    chart = compare_bars(
        [(r.city.name, r.figures.showcased, None,
          _("%(showcased)s showcased, %(published)s published") % {
              "showcased": r.figures.showcased, "published": r.figures.published})
         for r in impact.rows],
        title=_("Practices showcased per city"))
    return [_("Practices showcased"), _("Published in the library")], cells, chart


def _strategies(impact):
    def cells(f):
        return [f.approved]

    return [_("Strategy approved (1 = yes)")], cells, ""


def _feedback(impact):
    def cells(f):
        return [f.asked, f.answered, _percent(f.response_percent), _percent(f.average_rating)]

    chart = compare_bars(
        [(r.city.name, r.figures.average_rating or 0, None,
          "" if r.figures.average_rating is None else _("%(rating)s of 5") % {
              "rating": number_format(r.figures.average_rating, decimal_pos=1)})
         for r in impact.rows],
        title=_("Average rating of the sessions, per city"))
    return [_("People asked"), _("Answers"), _("Response rate (%)"),
            _("Average rating (1–5)")], cells, chart


BUILDERS = {"hours": _hours, "sessions": _sessions, "showcases": _showcases,
            "strategies": _strategies, "feedback": _feedback}


def impact_sections(impact):
    """The report's :class:`Section` list for ``impact`` (:func:`dashboards.impact.
    impact_report`), in the active language: the data practice (baseline → end, per city
    and per practice area) first, then what the program delivered."""
    total = impact.total
    sections = [assessment_section(impact, Section, _place), areas_section(impact, Section)]
    for key, build in BUILDERS.items():
        header, cells, chart = build(impact)
        extra = key == "strategies"
        sections.append(Section(
            key=key, title=str(TITLES[key]), sentence=str(SENTENCES[key]),
            header=[_("City"), _("Country"), *([_("Strategy")] if extra else []), *header],
            rows=[[*_place(r), *([r.strategy_state or _("Not started")] if extra else []),
                   *cells(r.figures)] for r in impact.rows],
            total=[_("All cities"), "", *([""] if extra else []), *cells(total)],
            chart=chart,
        ))
    return sections


def headline(impact):
    """The cohort's figures at a glance (``[(label, figure)]``), for the page's top and the
    documents' title page."""
    total = impact.total
    return [
        (_("Cities"), len(impact.rows)),
        *assessment_headline(impact),
        (_("Training hours delivered"), _("%(hours)s of %(committed)s committed") % {
            "hours": number_format(total.hours, decimal_pos=1),
            "committed": number_format(total.committed, decimal_pos=1)}),
        (_("Sessions held"), total.sessions),
        (_("Attendance"), "" if total.attendance_percent is None
         else _("%(percent)s%%") % {"percent": total.attendance_percent}),
        (_("Practices showcased"), total.showcased),
        (_("Published in the library"), total.published),
        (_("Strategies approved"), _("%(approved)s of %(cities)s") % {
            "approved": total.approved, "cities": len(impact.rows)}),
        (_("Average session rating"), "" if total.average_rating is None
         else _("%(rating)s of 5") % {"rating": number_format(total.average_rating,
                                                               decimal_pos=1)}),
    ]
