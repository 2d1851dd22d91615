"""Merge the translations engineers left in ``locale/pending/*.json`` into the catalogues.

Each pending file is a JSON list of objects::

    {"msgid": "...", "msgid_plural": "..." (optional), "msgctxt": "..." (optional),
     "es": "..." or ["one", "other"], "pt_BR": "..." or ["one", "other"]}

Only entries whose msgid (and context) is already in ``locale/<lang>/LC_MESSAGES/django.po``
and is untranslated or fuzzy are filled in (their fuzzy flag and ``#|`` previous msgid are
cleared); a translation already reviewed in the catalogue is never overwritten. The pending
files are left in place. Usage, from the project's root::

    make messages                                            # adds the new msgids
    uv run --frozen python scripts/merge_pending_translations.py
    make messages                                            # re-sorts and compiles

A folder given as the only argument is read instead of ``locale/pending``.

It prints what it filled in and what it could not (a pending msgid that is not in the
catalogue: a typo, or ``make messages`` was not run first), and exits 1 when something is
still untranslated or fuzzy in a catalogue.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
LANGUAGES = ("es", "pt_BR")


def load_pending(folder=LOCALE / "pending"):
    """[(file name, entry dict)] of every pending file, in file-name order."""
    pending = []
    for path in sorted(folder.glob("*.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(entries, list):
            raise SystemExit(f"{path}: expected a JSON list of entries")
        pending += [(path.name, entry) for entry in entries]
    return pending


def _needs_translation(entry):
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
    return not entry.msgstr


def _fill(entry, translation):
    """Put ``translation`` (a string, or a list for plurals) on the catalogue ``entry``."""
    if entry.msgid_plural:
        forms = translation if isinstance(translation, list) else [translation]
        count = max(len(entry.msgstr_plural), len(forms), 2)
        entry.msgstr_plural = {i: forms[min(i, len(forms) - 1)] for i in range(count)}
    else:
        entry.msgstr = translation[0] if isinstance(translation, list) else translation
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None


def merge_language(po, pending, language):
    """Fill ``po``'s untranslated/fuzzy entries from ``pending``; (filled, missing) lists."""
    index = {(e.msgctxt or None, e.msgid): e for e in po if not e.obsolete}
    filled, missing = [], []
    for source, item in pending:
        translation = item.get(language)
        if not translation:
            missing.append(f"{source}: no {language} translation for {item.get('msgid')!r}")
            continue
        entry = index.get((item.get("msgctxt") or None, item["msgid"]))
        if entry is None:
            missing.append(f"{source}: {item['msgid']!r} is not in the {language} catalogue")
        elif _needs_translation(entry):
            _fill(entry, translation)
            filled.append(item["msgid"])
    return filled, missing


def main(folder=None):
    pending = load_pending(Path(folder)) if folder else load_pending()
    still_open = 0
    for language in LANGUAGES:
        path = LOCALE / language / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path), wrapwidth=79)
        filled, missing = merge_language(po, pending, language)
        if filled:
            po.save(str(path))
        open_entries = [e.msgid for e in po if not e.obsolete and _needs_translation(e)]
        still_open += len(open_entries)
        print(f"{language}: filled {len(filled)}, still untranslated or fuzzy {len(open_entries)}")
        for line in missing:
            print(f"  skipped: {line}")
        for msgid in open_entries:
            print(f"  open: {msgid!r}")
    return 1 if still_open else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
