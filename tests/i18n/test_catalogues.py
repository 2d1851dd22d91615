"""The Spanish and Brazilian Portuguese catalogues are complete and compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["es", "pt_BR"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert len(po) > 1000


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    po = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
          for e in polib.pofile(str(folder / "django.po")) if not e.obsolete}
    mo = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0)
          for e in polib.mofile(str(folder / "django.mo")) if e.msgid}
    assert po == mo, "django.mo is stale: run `make messages`"


@pytest.mark.parametrize(
    ("language", "expected"), [("es", "Ir al contenido"), ("pt-br", "Pular para")]
)
def test_pages_come_in_the_chosen_language(db, language, expected):
    response = Client().get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=language)
    assert expected in response.content.decode()
    with translation.override(language):
        assert translation.gettext("Skip to main content").startswith(expected)
