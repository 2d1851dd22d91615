"""``{{ criterion|criterion_name }}``: a rubric criterion's name in the reader's language."""

from django import template

from common.multilingual import in_language, texts_of

register = template.Library()


@register.filter
def criterion_name(criterion):
    return in_language(texts_of(criterion, "name"), default=str(criterion))
