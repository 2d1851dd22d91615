"""What staff download is in their language: the header (and the title rows) of every
export of a cohort - each of ``dashboards.exports.EXPORTS`` and the cohort's health, as CSV
and as XLSX - is in Spanish or Portuguese for a staff member who reads it, found by the
browser journeys' English-leak detector."""

import csv
import io
from functools import cache

import pytest
from openpyxl import load_workbook

from common.tables import FORMATS
from dashboards.exports import EXPORTS
from tests import factories
from tests.browser.english_leaks import english_interface, english_left

pytestmark = pytest.mark.django_db


@cache
def _english(language):
    return english_interface(language)


def _exports(cohort):
    for fmt in sorted(FORMATS):
        yield f"/staff/cohorts/{cohort.slug}/health.{fmt}", fmt
        for what in EXPORTS:
            yield f"/staff/cohorts/{cohort.slug}/export/{what}.{fmt}", fmt


def _header(content, fmt):
    """The first rows of an export as the reader sees them (its header and title)."""
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        rows = [[cell for cell in row if cell is not None]
                for row in load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]
    return [str(cell) for row in rows[:1] for cell in row]


def _leaks(cells, language):
    exact, fragments = _english(language)
    return english_left([{"where": "header", "text": cell} for cell in cells],
                        exact=exact, fragments=fragments, content=[])


@pytest.fixture
def cohort(no_scope):
    enrollment = factories.EnrollmentFactory(city__name="Ñandutí")
    return enrollment.cohort


@pytest.mark.parametrize("language", ["es", "pt-br"])
def test_every_export_has_its_header_in_the_readers_language(cohort, client, language):
    client.force_login(factories.UserFactory(is_staff=True, language=language))
    seen = 0
    for url, fmt in _exports(cohort):
        response = client.get(url)
        assert response.status_code == 200, url
        cells = _header(response.content, fmt)
        assert cells, url
        assert _leaks(cells, language) == [], url
        seen += 1
    assert seen == 2 * (len(EXPORTS) + 1)


def test_an_english_header_is_caught(cohort, client):
    client.force_login(factories.UserFactory(is_staff=True, language="en"))
    response = client.get(f"/staff/cohorts/{cohort.slug}/export/hours.csv")
    assert _leaks(_header(response.content, "csv"), "es")
