"""``{% open_item_rows %}``, ``{% closed_item_rows %}``, ``{% history_cards %}``: the coaching
page's repeated parts, written by :mod:`coaching.page_rows` with the page's context (its
CSRF token, request and city)."""

from django import template

from coaching import page_rows

register = template.Library()


@register.simple_tag(takes_context=True)
def open_item_rows(context):
    """The open action items' table rows."""
    return page_rows.open_items_html(context, context["open_items"])


@register.simple_tag(takes_context=True)
def closed_item_rows(context):
    """The done and dropped items' list entries."""
    return page_rows.closed_items_html(context, context["closed_items"])


@register.simple_tag(takes_context=True)
def history_cards(context):
    """The check-in history's cards."""
    return page_rows.history_html(context, context["checkins"])
