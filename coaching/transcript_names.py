"""Matching the speakers of a transcript to a city's people by name.

Video-call tools write a speaker's name as the person typed it: without accents, in
capitals, the first name only, with a title (``Dr.``, ``Dra.``, ``Prefeita``). A speaker is
matched to a person when, once accents, case, punctuation and titles are set aside, the
names agree: the whole name, the first and last words, or a single word that only one
person's name has. A name two people could answer to stays unmatched (the coach ticks the
right person); a wrong tick would credit someone training hours they did not attend.
"""

import re
import unicodedata
from dataclasses import dataclass

TITLES = {
    "dr", "dra", "drs", "mr", "mrs", "ms", "miss", "mx", "prof", "profa", "sr", "sra", "srta",
    "don", "dona", "lic", "ing", "eng", "mayor", "alcalde", "alcaldesa", "prefeito",
    "prefeita", "sir", "madam",
}


@dataclass(frozen=True)
class Person:
    """Someone a speaker may be: ``is_member`` for the city's team (possible attendees), not
    for its coaches (who lead the call and may own action items)."""

    pk: int
    name: str
    is_member: bool = True


def plain_words(text):
    """The words of ``text`` without accents, case or punctuation (``"Dra. María-José"`` →
    ``["dra", "maria", "jose"]``)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return re.findall(r"[^\W_]+", bare)


def name_words(name):
    """The words of a person's or speaker's name, titles left out."""
    words = plain_words(name)
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return words


def _keys(words):
    """The ways a name may be written, most precise first."""
    if not words:
        return []
    keys = [" ".join(words)]
    if len(words) > 2:
        keys.append(f"{words[0]} {words[-1]}")
    return keys


def match_speakers(speakers, people):
    """``{speaker: Person or None}`` for each distinct speaker name."""
    by_key = {}
    by_word = {}
    for person in people:
        words = name_words(person.name)
        for key in _keys(words):
            by_key.setdefault(key, set()).add(person)
        for word in set(words):
            by_word.setdefault(word, set()).add(person)
    matches = {}
    for speaker in speakers:
        words = name_words(speaker)
        found = None
        for key in _keys(words):
            if len(by_key.get(key, ())) == 1:
                found = next(iter(by_key[key]))
                break
        if found is None and words:
            found = _by_words(words, by_word)
        matches[speaker] = found
    return matches


def _by_words(words, by_word):
    """The one person whose name holds every word of the speaker's (``"Ana"`` or
    ``"Ana Souza"`` for Ana Paula Souza), if only one does."""
    candidates = None
    for word in words:
        people = by_word.get(word, set())
        candidates = set(people) if candidates is None else candidates & people
    if candidates and len(candidates) == 1:
        return next(iter(candidates))
    return None


def first_names(people):
    """``{first word of the name: Person}`` for names only one person starts with (used to
    find who a sentence names as an action's owner)."""
    seen = {}
    for person in people:
        words = name_words(person.name)
        if words:
            seen.setdefault(words[0], []).append(person)
    return {word: found[0] for word, found in seen.items() if len(found) == 1}
