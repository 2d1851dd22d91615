"""Every text of every data file the product ships (JSON in an app: the assessment
framework's areas, criteria and items, and any file added later) has its Spanish and
Portuguese beside the English, and the browser journeys' English-leak detector knows them:
an English framework text left on a Spanish page is a leak."""

import pytest

from tests.browser.english_leaks import (
    SHIPPED_CONTENT,
    english_interface,
    english_left,
    shipped_data_texts,
)

LANGUAGES = ("es", "pt-br")


def test_the_data_files_are_found():
    texts = shipped_data_texts()
    # The default framework alone: its name, 8 areas, 40 criteria, 137 items, the tiers…
    assert len(texts) >= 8 + 40 + 137


def test_the_modules_that_ship_content_are_found():
    assert {"strategy.defaults", "curriculum.pillars"} <= set(SHIPPED_CONTENT)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shipped_text_has_the_language(language):
    missing = [texts["en"] for texts in shipped_data_texts()
               if not (texts.get(language) or "").strip()]
    assert missing == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_english_framework_text_is_a_leak(language):
    texts = next(t for t in shipped_data_texts()
                 if len(t["en"].split()) >= 4 and t[language] != t["en"])
    exact, fragments = english_interface(language)
    found = english_left([{"where": "p", "text": texts["en"]},
                          {"where": "p", "text": texts[language]}],
                         exact=exact, fragments=fragments, content=[])
    assert [leak[1] for leak in found] == [" ".join(texts["en"].split())]
