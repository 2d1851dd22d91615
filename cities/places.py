"""Places as people write them: country codes from country names, and city names compared as
people mean them ("São Paulo" is "sao  paulo", "St. Louis" is "St Louis").

Countries are stored as ISO 3166-1 alpha-2 codes (django-countries). ``country_code`` turns
what someone typed (a code, an alpha-3 code, an English, Spanish or Portuguese name, or a
common alias such as "USA" or "Brasil") into that code; the API, the filters and the data
migration of the old free-text countries use it.
"""

import functools
import re
import unicodedata

from django.utils import translation
from django_countries import countries

# Common ways of writing a country that are not its ISO name (keys normalised).
ALIASES = {
    "us": "US", "usa": "US", "u s": "US", "u s a": "US", "united states": "US",
    "united states of america": "US", "america": "US", "eeuu": "US", "ee uu": "US",
    "eua": "US", "estados unidos de america": "US", "estados unidos da america": "US",
    "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "estados unidos mexicanos": "MX", "brazil": "BR", "brasil": "BR",
    "republica federativa do brasil": "BR", "south korea": "KR", "korea": "KR",
    "republic of korea": "KR", "north korea": "KP", "russia": "RU", "vietnam": "VN",
    "turkey": "TR", "turkiye": "TR", "ivory coast": "CI", "czech republic": "CZ",
    "holland": "NL", "the netherlands": "NL", "bolivia": "BO", "venezuela": "VE",
    "iran": "IR", "syria": "SY", "laos": "LA", "tanzania": "TZ", "moldova": "MD",
    "macedonia": "MK", "swaziland": "SZ", "cape verde": "CV", "burma": "MM",
    "east timor": "TL", "vatican": "VA", "vatican city": "VA", "palestine": "PS",
    "taiwan": "TW", "uae": "AE", "congo kinshasa": "CD", "drc": "CD",
    "congo brazzaville": "CG", "peru": "PE", "mexico": "MX",
}
LANGUAGES = ("en", "es", "pt-br")


def normalise(text):
    """``text`` casefolded, without accents, with any run of spaces or punctuation as one
    space: the form in which two spellings of one place name are compared."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", bare.casefold()).strip()


def same_place_name(first, second):
    """True when two written names are the same place name (see :func:`normalise`)."""
    return normalise(first) == normalise(second)


@functools.lru_cache(maxsize=1)
def _names():
    index = {}
    for language in LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                index.setdefault(normalise(name), code)
    for code, names in countries.shadowed_names.items():
        for name in names:
            index.setdefault(normalise(name), code)
    return index


def country_code(text):
    """The ISO 3166-1 alpha-2 code for ``text`` (a code, an alpha-3 code, a name in English,
    Spanish or Portuguese, or a common alias), or ``""`` when it names no country."""
    written = str(text or "").strip()
    if len(written) == 2 and written.upper() in countries.countries:
        return written.upper()
    key = normalise(written)
    if not key:
        return ""
    if key.startswith("the "):
        key = key[4:]
    code = ALIASES.get(key) or _names().get(key)
    if code:
        return code
    if re.fullmatch(r"[a-z]{2,3}", key):
        return countries.alpha2(key.upper())
    return ""


def country_name(code):
    """The country's name in the active language (the code itself if unknown)."""
    return countries.name(code) or str(code or "")
