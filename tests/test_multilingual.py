"""Staff-written texts in several languages: each reader gets their own, else the program's."""

from django.utils import translation

from common.multilingual import in_language, reading_language, texts_of


def test_the_reader_gets_their_own_language_when_it_is_written():
    texts = {"en": "Budget", "es": "Presupuesto", "pt-br": "Orçamento"}
    assert in_language(texts, "es") == "Presupuesto"
    assert in_language(texts, "pt-br") == "Orçamento"


def test_a_missing_or_blank_version_falls_back_to_english_then_the_first_written():
    assert in_language({"en": "Budget", "es": "  "}, "es") == "Budget"
    assert in_language({"pt-br": "Orçamento", "es": "Presupuesto"}, "en") == "Presupuesto"
    assert in_language({}, "es", default="—") == "—"
    assert reading_language({}, "es") is None


def test_the_active_language_is_the_default_reader():
    with translation.override("pt-br"):
        assert in_language({"en": "Budget", "pt-br": "Orçamento"}) == "Orçamento"


def test_texts_kept_as_one_field_per_language():
    class Announcement:
        subject_en, subject_es, subject_pt_br = "Hello", "", "Olá"

    assert texts_of(Announcement(), "subject") == {"en": "Hello", "pt-br": "Olá"}
