"""Find English interface text left on a page that should be in Spanish or Portuguese.

The English interface is the msgids of the catalogues (ours, Django's and allauth's) whose
translation differs from the English, plus the program content the product ships (the
strategy template, its rubric, the pillars…), taken from the source that ships it
(``SHIPPED_CONTENT``). Text written by people (session titles, strategy text, names,
messages already delivered) stays as written, so it is taken from the database and left
out before looking — except rows that hold shipped content or text the program wrote
from an English msgid (a frozen "Coaching check-in on 2026-11-24"): those are not people's
words. Nothing is listed by hand. A PDF's text (pypdf) is checked the same way.
"""

import importlib
import io
import json
import re
from functools import lru_cache
from pathlib import Path

import allauth
import django
import polib
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation

from tests.architecture.graph import CONTRACTS, ROOT

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?\s*\w+\s*\}?\}")
CATALOGUE_LANGUAGE = {"es": "es", "pt-br": "pt_BR"}
OUR_APPS = (
    "accounts",
    "cities",
    "applications",
    "cohorts",
    "schedule",
    "curriculum",
    "coaching",
    "showcases",
    "strategy",
    "notifications",
)


def _project_files(pattern):
    """Files matching ``pattern`` in every app of the import-layer contract."""
    for app in CONTRACTS["root_packages"]:
        for path in sorted((ROOT / app).rglob(pattern)):
            if "migrations" not in path.parts:
                yield path


# Modules that ship program content: each has ``shipped_english()``, the English source
# texts (marked for translation) that readers get in their language. Found, not listed.
SHIPPED_CONTENT = tuple(
    ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for path in _project_files("*.py")
    if "def shipped_english(" in path.read_text(encoding="utf-8")
)
# Written at a moment in someone's language and kept as written (like a sent e-mail).
DELIVERED = {
    "notifications.notification",
    "notifications.emailoutbox",
    "notifications.notificationevent",
}

# Every text node and every attribute people read (screen readers included).
COLLECT_JS = """() => {
  const page = document.documentElement.lang.toLowerCase();
  const other = (el) => { const own = el.closest('[lang]');
    return own && own !== document.documentElement
      && own.lang.toLowerCase().slice(0, 2) !== page.slice(0, 2); };
  const out = [{where: 'title', text: document.title}];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || el.closest('script, style, template') || other(el)) continue;
    out.push({where: el.tagName.toLowerCase(), text: walker.currentNode.textContent});
  }
  const attrs = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'];
  for (const el of document.body.querySelectorAll('*')) {
    if (other(el)) continue;
    for (const a of attrs)
      if (el.hasAttribute(a)) out.push({where: '@' + a, text: el.getAttribute(a)});
    if (el.matches('input[type=submit], input[type=button], input[type=reset]'))
      out.push({where: '@value', text: el.value});
  }
  return {lang: document.documentElement.lang, texts: out};
}"""


def _norm(text):
    return " ".join(str(text).split())


def _effective(entry, language):
    """[(English, what the page shows instead)] for a catalogue entry: the translation
    Django really uses (catalogues overlap: ours, then the apps', then Django's)."""
    with translation.override(language):
        if entry.msgid_plural:
            return [
                (
                    entry.msgid,
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 1)
                    if entry.msgctxt
                    else translation.ngettext(entry.msgid, entry.msgid_plural, 1),
                ),
                (
                    entry.msgid_plural,
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
                    if entry.msgctxt
                    else translation.ngettext(entry.msgid, entry.msgid_plural, 2),
                ),
            ]
        if entry.msgctxt:
            return [(entry.msgid, translation.pgettext(entry.msgctxt, entry.msgid))]
        return [(entry.msgid, translation.gettext(entry.msgid))]


def _lines(text):
    return [_norm(line) for line in str(text).splitlines() if _norm(line)]


def shipped_english():
    """Every English text of the program content the product ships, from its source."""
    texts = []
    for name in SHIPPED_CONTENT:
        texts += importlib.import_module(name).shipped_english()
    return texts


def shipped_data_texts():
    """``[{language: text}]`` of every text of the data files the product ships (JSON in an
    app, such as the assessment framework): each mapping that has an English text."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("en"), str):
                found.append(value)
                return
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in _project_files("*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def _translations(language):
    """[(English, the ``language`` text)] of every shipped text: source and data files."""
    pairs = []
    for english in shipped_english():
        with translation.override(language):
            pairs.append((english, translation.gettext(english)))
    pairs += [(texts["en"], texts.get(language) or texts["en"]) for texts in
              shipped_data_texts()]
    return pairs


def english_program_content(language):
    """(exact, fragments) of the shipped program content whose ``language`` text differs:
    each text and each of its lines, and lines of three words or more as fragments."""
    exact, fragments = set(), set()
    for english, translated in _translations(language):
        if _norm(translated) == _norm(english):
            continue  # the same in both languages
        exact.add(_norm(english))
        for line in _lines(english):
            exact.add(line)
            if len(line.split()) >= 3:
                fragments.add(line.strip(" .,:;"))
    return exact, fragments


def english_interface(language):
    """(exact, fragments): English UI strings whose ``language`` translation differs.

    ``exact`` are whole msgids (a text equal to one is a leak); ``fragments`` are the
    literal parts (three words or more) of msgids around their placeholders, which a longer
    text must not contain.
    """
    code = CATALOGUE_LANGUAGE[language]
    files = [
        Path(settings.BASE_DIR) / "locale" / code / "LC_MESSAGES" / "django.po",
        Path(django.__file__).parent / "conf" / "locale" / code / "LC_MESSAGES" / "django.po",
        Path(allauth.__file__).parent / "locale" / code / "LC_MESSAGES" / "django.po",
    ]
    exact, fragments = set(), set()
    for path in files:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid:
                continue
            for msgid, translated in _effective(entry, language):
                if _norm(translated) == _norm(msgid):
                    continue  # the same word in both languages (or the catalogue's choice)
                if not PLACEHOLDER.search(msgid):
                    exact.add(_norm(msgid))
                for part in PLACEHOLDER.split(msgid):
                    for line in [part, *part.splitlines()]:  # a text shown line by line
                        line = _norm(line).strip(" .,:;")
                        if len(line.split()) >= 3:
                            fragments.add(line)
    shipped_exact, shipped_fragments = english_program_content(language)
    exact |= shipped_exact
    fragments |= shipped_fragments
    return exact, sorted(fragments, key=len, reverse=True)


@lru_cache(maxsize=1)
def _program_patterns():
    """Regexes of our English msgids with placeholders ("Coaching check-in on (.+)"), for
    text the program wrote into the database from a msgid instead of a person."""
    patterns = []
    path = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"
    for entry in polib.pofile(str(path)):
        msgid = _norm(entry.msgid)
        literal = PLACEHOLDER.sub(" ", msgid)
        if entry.obsolete or not PLACEHOLDER.search(msgid) or len(literal.split()) < 2:
            continue
        parts = [re.escape(part) for part in PLACEHOLDER.split(msgid)]
        patterns.append(re.compile("^" + "(.+)".join(parts) + "$"))
    return patterns


def written_by_the_program(line):
    """True for a stored text that is shipped content, or a msgid filled in by the program."""
    if line in _shipped_lines():
        return True
    return any(pattern.match(line) for pattern in _program_patterns())


@lru_cache(maxsize=1)
def _shipped_lines():
    return frozenset(line for english in shipped_english()
                     for line in [_norm(english), *_lines(english)])


def written_by_people(*, since=None):
    """Every text value stored in the project's models: names, titles, strategy text…

    Rows of messages delivered after ``since`` are not included: those were written by the
    program in the reader's language and must not be in English.
    """
    values = set()
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS and model._meta.label_lower != "auth.group":
            continue
        fields = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, (models.CharField, models.TextField)) and not f.choices
            and not isinstance(f, models.SlugField)  # keys ("governance", "data"): not prose
        ]
        if not fields:
            continue
        rows = model._base_manager.all()
        if model._meta.label_lower in DELIVERED and since is not None:
            created = "created_at" if hasattr(model, "created_at") else None
            if created:
                rows = rows.filter(created_at__lt=since)
        for row in rows.values_list(*fields):
            for value in row:
                for line in str(value or "").splitlines():
                    line = _norm(line)
                    if len(line) >= 4 and not written_by_the_program(line):
                        values.add(line)
    return sorted(values, key=len, reverse=True)


@lru_cache(maxsize=8)
def _by_first_word(values):
    """``values`` (a tuple, longest first) by their first word, each with its rank: a text
    can only hold, as whole words, the values whose first word is one of its words."""
    index = {}
    for rank, value in enumerate(values):
        first = re.match(r"\W*(\w+)", value)
        index.setdefault(first.group(1) if first else "", []).append((rank, value))
    return index


def _within(values, text):
    """The ``values`` that may be in ``text`` as whole words, in their order."""
    index = _by_first_word(tuple(values))
    found = [pair for word in {"", *re.findall(r"\w+", text)} for pair in index.get(word, ())]
    return [value for _rank, value in sorted(found)]


def english_left(collected, *, exact, fragments, content):
    """[(where, text, english)] for each collected text that still shows English UI."""
    leaks = []
    for item in collected:
        text = _norm(item["text"])
        if not re.search(r"[A-Za-z]", text):
            continue
        for value in _within(content, text):
            if value in text:  # whole words only: "data" is not taken out of "database"
                text = _norm(re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text))
        if not re.search(r"[A-Za-z]{2}", text):
            continue
        bare = text.strip(" .,:;·→←()")
        if text in exact or bare in exact:
            leaks.append((item["where"], _norm(item["text"]), bare))
            continue
        for fragment in _within(fragments, text):
            if re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text):
                leaks.append((item["where"], _norm(item["text"]), fragment))
                break
    return leaks


def pdf_texts(data):
    """What a reader gets from a PDF (its extracted text, pypdf), in the form
    :func:`english_left` takes: each line, and the whole text (for phrases a line broke)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    items = [{"where": "pdf", "text": line} for line in _lines(text)]
    title = reader.metadata.title if reader.metadata else ""
    return [{"where": "pdf title", "text": title or ""}, *items,
            {"where": "pdf text", "text": _norm(text)}]
