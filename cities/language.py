"""The language a city works in: its documents (the strategy's PDF, the mayor's brief) come
in it unless the team chooses another.

Staff can set it on the city; left empty it follows the city's country (Mexico → Spanish,
Brazil → Portuguese, else English).
"""

import unicodedata

from django.conf import settings

# Country names as people type them (English, Spanish or Portuguese), without accents.
SPANISH_SPEAKING = {
    "argentina", "bolivia", "chile", "colombia", "costa rica", "cuba", "dominican republic",
    "republica dominicana", "ecuador", "el salvador", "equatorial guinea", "guatemala",
    "honduras", "mexico", "nicaragua", "panama", "paraguay", "peru", "puerto rico", "spain",
    "espana", "espanha", "uruguay", "venezuela",
}
PORTUGUESE_SPEAKING = {
    "brazil", "brasil", "portugal", "angola", "mozambique", "mocambique", "cabo verde",
    "cape verde",
}


def _plain(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def language_for_country(country):
    """The product language for a country's name ("México" → "es", "Brasil" → "pt-br")."""
    name = _plain(country)
    if name in SPANISH_SPEAKING:
        return "es"
    if name in PORTUGUESE_SPEAKING:
        return "pt-br"
    return settings.LANGUAGE_CODE


def city_language(city):
    """The language the city works in: as set on the city, else its country's."""
    return city.language or language_for_country(city.country)
