"""The impact report as the HTML its PDF is printed from (:mod:`dashboards.report` keys,
queues and stores it like every cohort report)."""

from django.template.loader import render_to_string

from cities.places import country_name
from dashboards.impact import impact_report
from dashboards.impact_sections import headline, impact_sections


def impact_html(*, cohort, language, today, country=""):
    """The impact report's HTML for ``cohort`` as the records stand ``today``: a title page
    (program, cohort, period, the figures at a glance), then a page per section, each with
    its sentence, its chart and its table. In the active language (the caller pins it)."""
    impact = impact_report(cohort=cohort, country=country, today=today)
    return render_to_string("dashboards/impact_pdf.html", {
        "impact": impact, "cohort": impact.cohort, "language": language,
        "country_name": country_name(impact.country) if impact.country else "",
        "headline": headline(impact), "sections": impact_sections(impact),
    })
