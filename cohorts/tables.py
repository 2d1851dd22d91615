"""Tables as files: one writer for every CSV and XLSX export staff download."""

import csv
import io

from django.http import Http404, HttpResponse
from openpyxl import Workbook

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def table_bytes(header, rows, *, fmt, title):
    """``header`` and ``rows`` (lists of plain values) as CSV (UTF-8 with BOM, so Excel
    reads accents) or XLSX bytes."""
    header = [str(h) for h in header]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
        return out.getvalue().encode("utf-8-sig")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(title)[:31]
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "A2"
    workbook.properties.title = str(title)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def table_response(header, rows, *, fmt, title, filename):
    """A download of the table; an unknown format is 404."""
    if fmt not in FORMATS:
        raise Http404
    response = HttpResponse(
        table_bytes(header, rows, fmt=fmt, title=title), content_type=FORMATS[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
