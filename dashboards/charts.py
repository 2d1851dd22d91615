"""Small accessible SVG charts drawn on the server (no chart library, no CDN).

A chart is a pure function of its figures, the city's name and the active language, so each
process keeps the last few hundred it drew (:func:`functools.lru_cache`): after a change the
cohort health page draws again only the charts whose figures changed.
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

BAR_WIDTH, GAP, HEIGHT = 10, 4, 32


def hours_bars(months, *, city):
    """One bar per month of a city's training hours, the commitment as a line.

    ``months``: ``[(first day of month, hours, commitment)]``. The SVG is an image named by
    its title; its description reads out every figure, so the chart says the same to a
    screen reader as to the eye.
    """
    if not months:
        return ""
    return _drawn(tuple(months), city.name, translation.get_language())


@lru_cache(maxsize=1024)
def _drawn(months, city_name, _language):
    """:func:`hours_bars` of ``months`` (a tuple) for a city named ``city_name``, in the
    active language (``_language``, part of the key: the labels and formats follow it)."""
    peak = max([float(h) for _m, h, _c in months] + [float(c) for _m, _h, c in months]) or 1
    scale = (HEIGHT - 2) / peak
    figures = "; ".join(
        _("%(month)s: %(hours)s of %(commitment)s hours") % {
            "month": date_format(month, "YEAR_MONTH_FORMAT"),
            "hours": number_format(hours, decimal_pos=1),
            "commitment": number_format(commitment, decimal_pos=1),
        }
        for month, hours, commitment in months
    )
    title = _("Training hours per month, %(city)s") % {"city": city_name}
    bars = format_html_join(
        "", '<rect x="{}" y="{}" width="{}" height="{}" class="{}"></rect>',
        (
            (
                i * (BAR_WIDTH + GAP), round(HEIGHT - float(hours) * scale, 1), BAR_WIDTH,
                round(float(hours) * scale, 1), "met" if hours >= commitment else "short",
            )
            for i, (_m, hours, commitment) in enumerate(months)
        ),
    )
    width = len(months) * (BAR_WIDTH + GAP)
    line_y = round(HEIGHT - float(months[-1][2]) * scale, 1)
    return format_html(
        '<svg class="bars" role="img" width="{w}" height="{h}" viewBox="0 0 {w} {h}">'
        "<title>{title}</title><desc>{figures}</desc>{bars}"
        '<line x1="0" x2="{w}" y1="{y}" y2="{y}" class="commitment"></line></svg>',
        w=width, h=HEIGHT, title=title, figures=figures, bars=bars, y=line_y,
    )


def _forget_drawn(**kwargs):
    """A changed setting (tests: formats, languages) may change every chart."""
    _drawn.cache_clear()


setting_changed.connect(_forget_drawn)


ROW, LABEL_WIDTH, BAR_AREA, TEXT_WIDTH = 20, 120, 220, 180


def compare_bars(items, *, title):
    """Horizontal bars, one per item ``(label, value, target, text)``: ``value`` as a bar,
    ``target`` (or ``None``) as a tick on it, ``text`` the figure written beside it. The
    SVG is an image named by ``title``; its description reads every label and text, so it
    says to a screen reader what it shows (the page prints the same figures as a table)."""
    items = list(items)
    if not items:
        return ""
    peak = max([float(v) for _l, v, _t, _x in items]
               + [float(t) for _l, _v, t, _x in items if t is not None]) or 1
    scale = BAR_AREA / peak
    rows = []
    for i, (label, value, target, text) in enumerate(items):
        y = i * ROW
        rows.append(format_html(
            '<text x="0" y="{ty}" class="label">{label}</text>'
            '<rect x="{x}" y="{y}" width="{w}" height="{h}" class="{cls}"></rect>'
            '<text x="{tx}" y="{ty}" class="figure">{text}</text>',
            ty=y + 14, label=_short(str(label)), x=LABEL_WIDTH, y=y + 3,
            w=round(float(value) * scale, 1), h=ROW - 6,
            cls="met" if target is None or value >= target else "short",
            tx=LABEL_WIDTH + BAR_AREA + 6, text=text,
        ))
        if target is not None:
            x = round(LABEL_WIDTH + float(target) * scale, 1)
            rows.append(format_html(
                '<line x1="{x}" x2="{x}" y1="{a}" y2="{b}" class="commitment"></line>',
                x=x, a=y + 1, b=y + ROW - 1))
    width, height = LABEL_WIDTH + BAR_AREA + TEXT_WIDTH, len(items) * ROW
    figures = "; ".join(f"{label}: {text}" for label, _v, _t, text in items)
    return format_html(
        '<svg class="bars compare-bars" role="img" width="{w}" height="{h}" '
        'viewBox="0 0 {w} {h}" font-size="12"><title>{title}</title><desc>{figures}</desc>'
        "{rows}</svg>",
        w=width, h=height, title=title, figures=figures, rows=format_html_join(
            "", "{}", ((row,) for row in rows)),
    )


def _short(label, limit=17):
    """A city's name cut to fit the chart's label column (the description has it whole)."""
    return label if len(label) <= limit else label[: limit - 1] + "…"
