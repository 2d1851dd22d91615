"""What keeps a page as narrow as a phone (375 px), checked in the templates themselves.

The browser tests lay every page they visit out at 375 px; these checks cover the pages and
states they do not reach: every data table of the portal scrolls inside its own
``.table-scroll`` box (a table cannot wrap its columns, so otherwise it widens the whole page),
and the header's menus are <details> disclosures that need no script.
"""

import re

import pytest
from django.test import Client

from tests.i18n.test_templates_are_translated import _name, _templates

TABLE_OPEN = re.compile(r"<table\b")
# Printed documents (PDF) are laid out on paper, not on a phone.
PRINTED = re.compile(r"(^|/)pdf/|_pdf\.html$")


def _portal_templates():
    return [p for p in _templates() if p.suffix == ".html" and not PRINTED.search(_name(p))]


def _unwrapped_tables(text):
    """Line numbers of the <table>s not inside a <div class="table-scroll">."""
    lines = []
    for match in TABLE_OPEN.finditer(text):
        before = text[: match.start()]
        opened = before.rfind('<div class="table-scroll"')
        # The wrapper must be the last <div> opened before the table and still open.
        if opened == -1 or "<div" in before[opened + 1 :] or "</div>" in before[opened:]:
            lines.append(before.count("\n") + 1)
    return lines


def test_the_check_finds_a_table_without_its_scroll_box():
    assert _unwrapped_tables("<h2>x</h2>\n<table><tr><td>1</td></tr></table>") == [2]
    assert _unwrapped_tables('<div class="table-scroll">\n<table></table>\n</div>') == []
    assert _unwrapped_tables('<div class="table-scroll"></div>\n<table></table>') == [2]


def test_every_portal_table_scrolls_inside_its_own_box():
    offenders = [
        f"{_name(path)}:{line}"
        for path in _portal_templates()
        for line in _unwrapped_tables(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, (
        "wrap these tables in <div class=\"table-scroll\"> so that a phone scrolls the table, "
        f"not the page: {offenders}"
    )


@pytest.mark.django_db
def test_the_header_menu_is_a_disclosure_without_script(client: Client):
    """The header's navigation sits in a <details> with a <summary> button: it opens
    without JavaScript (CSP forbids inline script, and no handler attribute is needed)."""
    body = client.get("/").content.decode()
    header = body[body.index('<header class="site-header">') : body.index("</header>")]
    assert '<details class="site-menu">' in header
    assert re.search(r'<summary class="menu-button">\s*Menu', header)
    assert "<script" not in header
    assert not re.search(r"\son[a-z]+=", header)
