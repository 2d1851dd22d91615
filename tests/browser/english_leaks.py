"""Find English interface text left on a page that should be in Spanish or Portuguese.

The English interface is the msgids of the catalogues (ours, Django's and allauth's) whose
translation differs from the English. Text written by people (session titles, strategy
text, names, messages already delivered) stays as written, so it is taken from the
database and left out before looking: nothing is listed by hand.
"""

import re
from pathlib import Path

import allauth
import django
import polib
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{?\s*\w+\s*\}?\}")
CATALOGUE_LANGUAGE = {"es": "es", "pt-br": "pt_BR"}
OUR_APPS = (
    "accounts",
    "cities",
    "cohorts",
    "curriculum",
    "coaching",
    "showcases",
    "strategy",
    "notifications",
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
                    part = _norm(part).strip(" .,:;")
                    if len(part.split()) >= 3:
                        fragments.add(part)
    return exact, sorted(fragments, key=len, reverse=True)


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
                    if len(line) >= 4:
                        values.add(line)
    return sorted(values, key=len, reverse=True)


def english_left(collected, *, exact, fragments, content):
    """[(where, text, english)] for each collected text that still shows English UI."""
    leaks = []
    for item in collected:
        text = _norm(item["text"])
        if not re.search(r"[A-Za-z]", text):
            continue
        for value in content:
            if value in text:
                text = _norm(text.replace(value, " "))
        if not re.search(r"[A-Za-z]{2}", text):
            continue
        bare = text.strip(" .,:;·→←()")
        if text in exact or bare in exact:
            leaks.append((item["where"], _norm(item["text"]), bare))
            continue
        for fragment in fragments:
            if re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text):
                leaks.append((item["where"], _norm(item["text"]), fragment))
                break
    return leaks
