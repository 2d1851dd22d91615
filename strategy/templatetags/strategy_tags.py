"""Small template helpers for the strategy pages."""

from django import template

from strategy.reading_html import initiatives_html, roadmap_rows_html
from strategy.snapshot import frequency_label, practice_area_labels, quarters_label, status_label

register = template.Library()


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` or None (dicts only)."""
    if isinstance(mapping, dict):
        return mapping.get(key)
    return None


register.filter("status_label", status_label)
register.filter("frequency_label", frequency_label)
register.filter("practice_areas", practice_area_labels)
register.filter("quarters_label", quarters_label)
register.filter("initiatives_html", initiatives_html)
register.filter("roadmap_rows_html", roadmap_rows_html)


@register.filter
def iso_datetime(value):
    """Parse an ISO date-time string from a snapshot."""
    from django.utils.dateparse import parse_datetime

    return parse_datetime(value) if value else None
