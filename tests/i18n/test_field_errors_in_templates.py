"""Every template shows a form's errors through Django's own rendering, so that each error
list carries the id its field's ``aria-describedby`` names (``<id>_error``), a form's own
errors are marked ``nonfield``, and a help text has the id Django points at
(``<id>_helptext``). A hand-written ``<ul class="errorlist">`` or ``_help`` id breaks that
link: the person using a screen reader hears the field without its error.

``tests/fuzz/test_every_form.py`` posts bad input to every form and finds such lists on the
pages; this test finds them in every template, including forms no page shows today.
"""

import re

from tests.i18n.test_templates_are_translated import _name, _templates

USE_DJANGO = "use {{ field.errors }} or {{ form.non_field_errors }}"
HAND_WRITTEN = [
    (
        f"an error list written by hand ({USE_DJANGO})",
        re.compile(r"<ul class=\"errorlist\">\s*\{%\s*for\b"),
    ),
    (
        "an error list whose id is not the one aria-describedby names (<id>_error)",
        re.compile(r"id=\"\{\{\s*[\w.]+\.auto_id\s*\}\}_errors\""),
    ),
    (
        "a help text whose id is not the one aria-describedby names (<id>_helptext)",
        re.compile(r"id=\"\{\{\s*[\w.]+\.auto_id\s*\}\}_help\""),
    ),
]


def test_templates_render_errors_and_help_with_djangos_ids():
    found = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        for what, pattern in HAND_WRITTEN:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{_name(path)}:{line}: {what}")
    assert not found, "\n".join(found)
