"""Country names in the reader's language, each looked up once per process.

``Country.name`` (django-countries) forces a lazily translated name on every read, about
35 µs: a changelist of 50 applications read 100 of them (the country column and each row's
text in its checkbox's label). The names only change with the language; so does the list of
every country a country filter picks from (:func:`country_choices`).
"""

from django.utils.translation import get_language

_NAMES = {}
_CHOICES = {}
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


def country_choices(field):
    """``field.get_choices(include_blank=False)`` of a ``CountryField``: every country named
    and sorted in the active language, built once per field and language (about 1 ms)."""
    key = (field, get_language())
    choices = _CHOICES.get(key)
    if choices is None:
        choices = _CHOICES[key] = tuple(field.get_choices(include_blank=False))
    return choices
