"""Country names in the reader's language, each looked up once per process.

``Country.name`` (django-countries) forces a lazily translated name on every read, about
35 µs: a changelist of 50 applications read 100 of them (the country column and each row's
text in its checkbox's label). The names only change with the language.
"""

from django.utils.translation import get_language

_NAMES = {}
LIMIT = 10_000  # (list of countries, language, code) triples kept at most


def country_name(country):
    """``country.name`` (a django-countries ``Country``): its name in the active language,
    remembered per list of countries, language and code."""
    key = (country.countries, get_language(), country.code)
    name = _NAMES.get(key)
    if name is None:
        name = country.countries.name(country.code)
        if len(_NAMES) < LIMIT:
            _NAMES[key] = name
    return country.maybe_escape(name)
