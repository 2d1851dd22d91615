"""The cohort health dashboard as a table for CSV and XLSX files."""

from django.utils.translation import gettext_lazy as _

COLUMNS = {
    "convening": _("Mayor at convening"),
    "attendance": _("Session attendance"),
    "hours": _("Hours this month"),
    "checkins": _("Check-ins held / expected"),
    "actions": _("Action items"),
    "showcases": _("Showcases"),
    "strategy": _("Strategy"),
    "feedback": _("Session feedback"),
    "assignments": _("Assignments accepted"),
}


def header():
    head = [_("City"), _("Country"), _("Coaches")]
    for label in COLUMNS.values():
        head += [label, _("%(column)s status") % {"column": label}]
    return head


def table(rows):
    """Plain values for each dashboard row, in :func:`header`'s order."""
    for row in rows:
        values = [row.city.name, row.city.country.name, ", ".join(str(c) for c in row.coaches)]
        for key in COLUMNS:
            cell = row.cells[key]
            values += [str(cell.text), cell.rag]
        yield values
