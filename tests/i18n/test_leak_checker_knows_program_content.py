"""The English-leak checker of the browser journeys knows the program content the product
ships (taken from its source, not listed by hand), does not take shipped content or text
the program wrote from a msgid for people's words just because a row in the database holds
it, and reads a PDF's text."""

import pytest
from django_scopes import scopes_disabled

from curriculum.pillars import PILLARS
from strategy.defaults import COMPONENTS, TEMPLATE_FIELDS
from strategy.models import TemplateComponent
from tests import factories
from tests.browser.english_leaks import (
    english_interface,
    english_left,
    pdf_texts,
    shipped_english,
    written_by_people,
)

pytestmark = pytest.mark.django_db

GOVERNANCE = COMPONENTS[0]


def test_the_shipped_content_comes_from_its_source():
    texts = shipped_english()
    assert GOVERNANCE["title"] in texts and GOVERNANCE["rubric"][4] in texts
    assert TEMPLATE_FIELDS["roadmap_guidance"] in texts
    assert PILLARS[0][2] in texts  # a pillar's description


@pytest.mark.parametrize("language", ["es", "pt-br"])
def test_shipped_english_on_a_page_is_a_leak_even_when_a_row_holds_it(language):
    # A template row holding the shipped English (as before the fix) and a ledger note the
    # program froze in English: neither is "written by people"; a session title is.
    with scopes_disabled():
        factories.HoursEntryFactory(source="checkin", note="Coaching check-in on 2026-11-24")
        factories.SessionFactory(title="Governance lab for department heads")
    TemplateComponent.objects.filter(key="governance").update(
        title=GOVERNANCE["title"], rubric_2=GOVERNANCE["rubric"][1])
    content = written_by_people()
    assert GOVERNANCE["title"] not in content and GOVERNANCE["rubric"][1] not in content
    assert "Coaching check-in on 2026-11-24" not in content
    assert "Governance lab for department heads" in content

    exact, fragments = english_interface(language)
    texts = [
        {"where": "label", "text": f"2 {GOVERNANCE['rubric'][1]}"},
        {"where": "p", "text": GOVERNANCE["guidance"].splitlines()[0]},
        {"where": "td", "text": "Coaching check-in on 2026-11-24"},
        {"where": "p", "text": "Para 2029 Lakeside usa datos confiables."},
    ]
    leaks = english_left(texts, exact=exact, fragments=fragments, content=content)
    assert [where for where, _text, _english in leaks] == ["label", "p", "td"]


def test_the_pdf_text_is_checked_line_by_line_and_whole():
    from weasyprint import HTML

    pdf = HTML(string=(
        "<html lang='es'><head><title>Estrategia</title></head><body>"
        f"<h1>{GOVERNANCE['title']}</h1><p>Gobernanza de datos</p>"
        f"<p style='width: 6cm'>{GOVERNANCE['guidance']}</p></body></html>"
    )).write_pdf()
    texts = pdf_texts(pdf)
    exact, fragments = english_interface("es")
    leaks = english_left(texts, exact=exact, fragments=fragments, content=[])
    found = {english for _where, _text, english in leaks}
    assert GOVERNANCE["title"] in found  # the heading, on a line of its own
    assert any("Describe the leadership" in english for english in found)  # wrapped text
    assert not english_left([{"where": "pdf", "text": "Gobernanza de datos"}], exact=exact,
                            fragments=fragments, content=[])
