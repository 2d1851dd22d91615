"""``aria-label`` / ``aria-labelledby`` only on elements that may carry a name.

ARIA forbids naming a generic element (``div``, ``span``) or a paragraph, emphasis, code…:
the name is ignored by screen readers and the HTML validator reports it (the strategy step
pages had ``<div aria-labelledby>``). A group that deserves a name is a ``section`` (a
region), a ``nav``, a ``fieldset``…, or gets a ``role``.
"""

import re

import pytest

from tests.i18n.test_templates_are_translated import _name, _templates

UNNAMEABLE = {"div", "span", "p", "b", "i", "em", "strong", "small", "code", "pre", "del",
              "ins", "sub", "sup", "u", "s", "mark", "q", "abbr", "cite", "time", "label"}
TAG = re.compile(r"<([a-z][a-z0-9]*)\b((?:[^>{]|\{[{%#].*?[}%#]\})*)>", re.S | re.I)
NAMED = re.compile(r"\baria-label(?:ledby)?\s*=")
ROLE = re.compile(r"\brole\s*=")


def misnamed(source):
    """The opening tags of ``source`` that name an element that cannot be named."""
    return [match.group(0) for match in TAG.finditer(source)
            if match.group(1).lower() in UNNAMEABLE and NAMED.search(match.group(2))
            and not ROLE.search(match.group(2))]


def test_the_check_finds_a_named_div():
    tag = '<div class="x" aria-labelledby="h">'
    assert misnamed(tag) == [tag]
    assert misnamed('<section aria-labelledby="h"><div role="group" aria-label="A">') == []


@pytest.mark.parametrize("path", _templates(), ids=_name)
def test_no_template_names_an_element_that_cannot_be_named(path):
    assert misnamed(path.read_text(encoding="utf-8")) == []
