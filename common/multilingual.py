"""Text written by staff in several of the product's languages, read in the reader's.

Staff write some texts (an announcement, an application question, a rubric, an assessment
framework) in English, Spanish and Portuguese, or a subset. Such a text is kept as a
``{language: text}`` mapping (a JSON field, or one model field per language named
``<name>_<suffix>``: ``subject_en``, ``subject_es``, ``subject_pt_br``), and each reader gets
the version in their own language when it is written, else the program's (``LANGUAGE_CODE``),
else the first one written, in the order of ``settings.LANGUAGES``.
"""

from django.conf import settings
from django.utils.translation import get_language

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)  # en, es, pt-br


def suffix(language):
    """The field-name suffix of ``language``: ``pt-br`` → ``pt_br``."""
    return language.replace("-", "_")


def field_names(name):
    """``{language: field name}`` of a text kept as one model field per language."""
    return {language: f"{name}_{suffix(language)}" for language in LANGUAGES}


def texts_of(obj, name):
    """``{language: text}`` of the versions of ``obj.<name>_<suffix>`` that are written."""
    found = {}
    for language, field in field_names(name).items():
        text = (getattr(obj, field, "") or "").strip()
        if text:
            found[language] = text
    return found


def reading_language(written, reader=None):
    """The language a reader of ``reader`` (default: the active language) reads a text
    written in the languages ``written`` (any container of codes) in, or ``None`` when
    nothing is written."""
    reader = (reader or get_language() or settings.LANGUAGE_CODE).lower()
    order = [reader, reader.split("-")[0], settings.LANGUAGE_CODE, *LANGUAGES]
    return next((language for language in order if language in written), None)


def in_language(texts, reader=None, default=""):
    """The version of ``texts`` (``{language: text}``, blanks ignored) that ``reader``
    (default: the active language) reads; ``default`` when none is written."""
    written = {language: text for language, text in (texts or {}).items()
               if isinstance(text, str) and text.strip()}
    language = reading_language(written, reader)
    return written[language] if language else default
