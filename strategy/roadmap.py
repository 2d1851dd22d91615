"""The three-year roadmap: initiatives by year and quarter × component, drawn as SVG.

Drawn on the server, the same on the page and in the PDF. The picture is an image with a
title and a description; the same data is always given as a table beside it.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from strategy.labels import quarter_label
from strategy.models import InitiativeStatus
from strategy.snapshot import quarters_labeller

LABEL_WIDTH = 170
QUARTER_WIDTH = 58
HEADER_HEIGHT = 48
LANE_HEIGHT = 26
BAR_HEIGHT = 20
ROW_PADDING = 8
# Dark fills that keep white text above 4.5:1 contrast.
PALETTE = ["#0b4f8a", "#1e6b34", "#8a3b00", "#5b2a86", "#6b4e00", "#00606b"]


def _span(initiative):
    """(first column, last column) on the 12-quarter axis (0-based)."""
    quarters = initiative["quarters"] or [1, 2, 3, 4]
    base = (initiative["year"] - 1) * 4
    return base + min(quarters) - 1, base + max(quarters) - 1


def _lanes(initiatives):
    """Place bars in lanes so that none overlap: [(lane, initiative, first, last)]."""
    lane_ends, placed = [], []
    for initiative in sorted(initiatives, key=lambda i: (_span(i), i["title"])):
        first, last = _span(initiative)
        for lane, end in enumerate(lane_ends):
            if end < first:
                lane_ends[lane] = last
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(last)
        placed.append((lane, initiative, first, last))
    return placed, max(len(lane_ends), 1)


def roadmap_rows(snapshot):
    """The roadmap as data: one row per component with its placed bars."""
    rows = []
    for index, component in enumerate(snapshot["components"]):
        placed, lanes = _lanes(component["initiatives"])
        rows.append({"component": component, "placed": placed, "lanes": lanes,
                     "colour": PALETTE[index % len(PALETTE)]})
    return rows


def _fit(text, width):
    limit = max(int(width / 6.6) - 1, 3)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def roadmap_svg(snapshot, *, id_prefix="roadmap"):
    """The roadmap as an accessible inline SVG (a SafeString)."""
    rows = roadmap_rows(snapshot)
    width = LABEL_WIDTH + 12 * QUARTER_WIDTH
    height = HEADER_HEIGHT + sum(r["lanes"] * LANE_HEIGHT + 2 * ROW_PADDING for r in rows) + 1
    total = sum(len(r["component"]["initiatives"]) for r in rows)
    title = _("Three-year roadmap of %(city)s") % {"city": snapshot["city"]}
    desc = _("%(count)s initiatives placed by year and quarter for each component; the "
             "table that follows gives the same information.") % {"count": total}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="roadmap-svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for year in range(3):
        x = LABEL_WIDTH + year * 4 * QUARTER_WIDTH
        fill = "#f3f5f8" if year % 2 == 0 else "#ffffff"
        parts.append(f'<rect x="{x}" y="0" width="{4 * QUARTER_WIDTH}" height="{height}" '
                     f'fill="{fill}"/>')
        label = escape(_("Year %(year)s") % {"year": year + 1})
        parts.append(f'<text x="{x + 2 * QUARTER_WIDTH}" y="18" text-anchor="middle" '
                     f'font-weight="bold" fill="#1b1f24">{label}</text>')
        for quarter in range(4):
            qx = x + quarter * QUARTER_WIDTH
            parts.append(f'<text x="{qx + QUARTER_WIDTH / 2}" y="38" text-anchor="middle" '
                         f'fill="#4a5562">{escape(quarter_label(quarter + 1))}</text>')
            parts.append(f'<line x1="{qx}" y1="26" x2="{qx}" y2="{height}" stroke="#ccd3db" '
                         f'stroke-width="{1.5 if quarter == 0 else 0.5}"/>')
    y = HEADER_HEIGHT
    for row in rows:
        row_height = row["lanes"] * LANE_HEIGHT + 2 * ROW_PADDING
        parts.append(f'<line x1="0" y1="{y}" x2="{width}" y2="{y}" stroke="#6b7682"/>')
        parts.append(f'<text x="8" y="{y + ROW_PADDING + 15}" font-weight="bold" '
                     f'fill="#1b1f24">{escape(_fit(row["component"]["title"], LABEL_WIDTH))}'
                     f'</text>')
        for lane, initiative, first, last in row["placed"]:
            bx = LABEL_WIDTH + first * QUARTER_WIDTH + 2
            bw = (last - first + 1) * QUARTER_WIDTH - 4
            by = y + ROW_PADDING + lane * LANE_HEIGHT + (LANE_HEIGHT - BAR_HEIGHT) / 2
            parts.append(
                f'<rect x="{bx}" y="{by}" width="{bw}" height="{BAR_HEIGHT}" rx="3" '
                f'fill="{row["colour"]}"/>'
                f'<text x="{bx + 5}" y="{by + 14}" fill="#ffffff">'
                f'{escape(_fit(initiative["title"], bw - 8))}</text>'
            )
        y += row_height
    parts.append(f'<line x1="0" y1="{y}" x2="{width}" y2="{y}" stroke="#6b7682"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def roadmap_table(snapshot):
    """The same data as the picture, as table rows (component, initiative, when, owner)."""
    rows, when, statuses = [], quarters_labeller(), dict(InitiativeStatus.choices)
    for component in snapshot["components"]:
        for initiative in sorted(component["initiatives"], key=_span):
            rows.append({
                "component": component["title"], "title": initiative["title"],
                "when": when(initiative), "owner": initiative["owner"],
                "status": statuses.get(initiative["status"], initiative["status"]),
            })
    return rows
