"""Rows of the strategy document written once in Python, exactly as their templates wrote
them (``strategy/_document.html``'s initiatives, ``strategy/_roadmap.html``'s table body):
each value escaped as ``{{ }}`` escapes it, each label translated once per list rather than
once per row. The reading view, the builder's roadmap step and the PDF share them."""

from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from strategy.models import InitiativeStatus, PracticeArea
from strategy.snapshot import quarters_labeller


def _labels(choices):
    """``{value: label}`` of ``choices``, each label translated and escaped once."""
    return {value: esc(label) for value, label in choices}


def _optional(initiative, key, label):
    """``<p><strong>label</strong> value</p>`` when ``initiative[key]`` is given, else ``""``."""
    value = initiative[key]
    return f"<p><strong>{label}</strong> {esc(value)}</p>" if value else ""


def _initiative_html(i, words, statuses, areas, when):
    """One initiative's ``<div class="initiative">`` and the whitespace around it."""
    status = statuses.get(i["status"]) or esc(i["status"])
    description = (f"<p>{linebreaksbr(i['description'], True)}</p>"
                   if i["description"] else "")
    practice = ""
    if i["practice_areas"]:
        names = ", ".join(areas.get(v) or esc(v) for v in i["practice_areas"])
        practice = f'<p class="tags"><strong>{words["areas"]}</strong> {names}</p>'
    return (
        f'\n  <div class="initiative">\n    <h4>{esc(i["title"])}</h4>\n'
        f'    <p class="initiative-meta">{esc(when(i))} · {words["owner"]} '
        f'{esc(i["owner"] or "—")} · {words["status"]} {status}</p>\n'
        f'    {description}\n'
        f'    {_optional(i, "resources", words["resources"])}\n'
        f'    {_optional(i, "dependencies", words["dependencies"])}\n'
        f'    {practice}\n  </div>\n  '
    )


def initiatives_html(initiatives):
    """A component's initiatives as ``_document.html`` wrote them in its ``{% for %}``."""
    if not initiatives:
        return mark_safe(f"\n  <p>{esc(_('No initiatives yet.'))}</p>\n  ")  # noqa: S308
    words = {
        "owner": esc(_("Owner:")), "status": esc(_("Status:")),
        "resources": esc(_("Resources or budget:")), "dependencies": esc(_("Dependencies:")),
        "areas": esc(_("Practice areas:")),
    }
    statuses, areas = _labels(InitiativeStatus.choices), _labels(PracticeArea.choices)
    when = quarters_labeller()
    return mark_safe("".join(  # noqa: S308 - every value is escaped above
        _initiative_html(i, words, statuses, areas, when) for i in initiatives))


def roadmap_rows_html(rows):
    """The roadmap table's rows (:func:`strategy.roadmap.roadmap_table`) as
    ``_roadmap.html`` wrote them in its ``{% for %}``."""
    if not rows:
        return mark_safe(  # noqa: S308 - the label is escaped
            f'\n    <tr><td colspan="5">{esc(_("No initiatives yet."))}</td></tr>\n  ')
    return mark_safe("".join(  # noqa: S308 - every value is escaped
        f"\n    <tr><td>{esc(row['component'])}</td><td>{esc(row['title'])}</td>"
        f"<td>{esc(row['when'])}</td><td>{esc(row['owner'] or '—')}</td>"
        f"<td>{esc(row['status'])}</td></tr>\n  "
        for row in rows))
