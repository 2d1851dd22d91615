"""``{% quick_result_list cl %}``: Django's ``{% result_list cl %}`` (the same template,
``change_list_results.html``, overridable per model and app), its rows written by
``common/admin_rows.py`` when the list's admin asks for it (``quick_rows = True``)."""

from django.contrib.admin.templatetags.admin_list import result_headers, result_list
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.template import Library

from common.admin_rows import quick_rows, quick_rows_apply

register = Library()


def quick_result_list(cl):
    """The context of ``change_list_results.html``: Django's, its rows written quickly."""
    if not quick_rows_apply(cl):
        return result_list(cl)
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": [],
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": quick_rows(cl),
    }


@register.tag(name="quick_result_list")
def quick_result_list_tag(parser, token):
    """The tag, found and rendered as Django's ``result_list`` tag is."""
    return InclusionAdminNode(parser, token, func=quick_result_list,
                              template_name="change_list_results.html", takes_context=False)
