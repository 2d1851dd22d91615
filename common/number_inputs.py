"""Number inputs that hold only what HTML calls a number.

An ``<input type="number">`` may only carry a valid floating-point number (``12``,
``-0.5``, ``1e3``): a value posted by hand or by a program ("NaN", "12,5", "1e",
"Infinity") put back into it is invalid HTML, and the browser shows the field empty beside
its error. Such a value comes back in a plain text input showing exactly what was sent
(without ``min``, ``max`` and ``step``, which a text input may not carry), beside its error.

``templates/django/forms/widgets/number.html`` applies this to every number input of the
project, the admin's included (``{% load number_inputs %}``).
"""

import re

from django import template

register = template.Library()

# The HTML standard's "valid floating-point number".
HTML_NUMBER = re.compile(r"-?(\d+|\d*\.\d+)([eE][-+]?\d+)?")
NUMBER_ONLY_ATTRIBUTES = ("min", "max", "step")


def holds_as_number(value):
    """Whether ``value`` (what a number input would show) is empty or an HTML number."""
    return value is None or value == "" or bool(HTML_NUMBER.fullmatch(str(value)))


@register.filter
def shown_as_typed(widget):
    """The widget's context as it must render: unchanged when its value is an HTML number,
    else a text input keeping the value and dropping the attributes only numbers take."""
    if holds_as_number(widget.get("value")):
        return widget
    attrs = {k: v for k, v in widget["attrs"].items() if k not in NUMBER_ONLY_ATTRIBUTES}
    return {**widget, "type": "text", "attrs": attrs}
