"""Tables as files: one writer for every CSV and XLSX export staff download.

Every cell goes through ``safe_cell``: text that a spreadsheet would run as a formula (a
city member's note ``=HYPERLINK(…)``, an applicant's city ``=1+1``) is written as text.
``applications.admin.applications_csv`` writes its rows through ``safe_row`` too, and
``tests/dashboards/test_formula_injection.py`` finds every writer and every export.
"""

import csv
import io
import re

from django.http import Http404, HttpResponse
from openpyxl import Workbook

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


FORMULA_STARTS = ("=", "+", "-", "@")
CONTROL_STARTS = ("\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def safe_cell(value):
    """``value`` as a spreadsheet must show it, never as a formula: text whose first
    non-blank character is ``= + - @``, or that starts with a tab or a line break, gets a
    leading apostrophe (OWASP's advice on CSV injection). Numbers, dates and plain signed
    numbers written as text (``-3.5``) are left alone."""
    if not isinstance(value, str):
        return value
    if value.startswith(CONTROL_STARTS) or (
        value.lstrip(" ").startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def safe_row(row):
    """Every cell of ``row`` through ``safe_cell``."""
    return [safe_cell(value) for value in row]


def table_bytes(header, rows, *, fmt, title):
    """``header`` and ``rows`` (lists of plain values) as CSV (UTF-8 with BOM, so Excel
    reads accents) or XLSX bytes."""
    header = safe_row([str(h) for h in header])
    rows = [safe_row(row) for row in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue().encode("utf-8-sig")
    return workbook_bytes([(title, [header, *rows], "A2")], title=title)


def workbook_bytes(sheets, *, title):
    """An XLSX workbook of several sheets: ``sheets`` is ``[(name, rows, freeze)]``, each
    row a list of plain values (every cell through ``safe_cell``), ``freeze`` the first
    cell below and right of the frozen panes (``"A2"``: the header row) or ``None``."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows, freeze in sheets:
        sheet = workbook.create_sheet(_sheet_title(name))
        for row in rows:
            sheet.append(safe_row(list(row)))
        if freeze:
            sheet.freeze_panes = freeze
    workbook.properties.title = safe_cell(str(title))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet_title(title):
    """A sheet name Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", " ", str(title))[:31].strip() or "Sheet"


def table_response(header, rows, *, fmt, title, filename):
    """A download of the table; an unknown format is 404."""
    if fmt not in FORMATS:
        raise Http404
    response = HttpResponse(
        table_bytes(header, rows, fmt=fmt, title=title), content_type=FORMATS[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
