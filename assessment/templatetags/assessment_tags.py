"""Template filters of the assessment pages."""

from django import template

from common.multilingual import in_language

register = template.Library()


@register.filter
def read(texts):
    """A staff-written ``{language: text}`` in the reader's language."""
    return in_language(texts)
