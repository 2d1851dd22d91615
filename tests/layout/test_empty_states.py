"""An empty state in a list ("No messages yet.") reads as a sentence, not as item 1 of a
numbered list: in every template, the ``<li>`` a ``{% for %}``'s ``{% empty %}`` gives
carries ``class="empty"`` (``static/css/app.css`` takes its marker and border away)."""

import re

from tests.i18n.test_templates_are_translated import _name, _templates

EMPTY_ITEM = re.compile(r"\{%\s*empty\s*%\}\s*<li\b([^>]*)>")


def _unmarked(text):
    """Line numbers of the empty-state items without the ``empty`` class."""
    return [
        text[: match.start()].count("\n") + 1
        for match in EMPTY_ITEM.finditer(text)
        if not re.search(r'class="[^"]*\bempty\b', match.group(1))
    ]


def test_the_check_finds_an_unmarked_empty_item():
    assert _unmarked("<ol>{% for m in ms %}<li>{{ m }}</li>{% empty %}<li>None.</li>") == [1]
    assert _unmarked('{% empty %}\n  <li class="empty">None.</li>') == []


def test_every_empty_state_in_a_list_is_marked():
    offenders = [
        f"{_name(path)}:{line}"
        for path in _templates()
        if path.suffix == ".html"
        for line in _unmarked(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f'give these <li class="empty">: {offenders}'
