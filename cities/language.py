"""The language a city works in: its documents (the strategy's PDF, the mayor's brief) come
in it unless the team chooses another.

Staff can set it on the city; left empty it follows the city's country (Mexico → Spanish,
Brazil → Portuguese, else English).
"""

from django.conf import settings

from cities.places import country_code

# ISO 3166-1 codes of the countries whose documents come in Spanish or Portuguese.
SPANISH_SPEAKING = {
    "AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GQ", "GT", "HN", "MX", "NI", "PA",
    "PY", "PE", "PR", "ES", "UY", "VE",
}
PORTUGUESE_SPEAKING = {"BR", "PT", "AO", "MZ", "CV"}


def language_for_country(country):
    """The product language for a country, given by its ISO code or its name as people type
    it ("MX" or "México" → "es", "BR" or "Brasil" → "pt-br", else English)."""
    code = country_code(getattr(country, "code", country))
    if code in SPANISH_SPEAKING:
        return "es"
    if code in PORTUGUESE_SPEAKING:
        return "pt-br"
    return settings.LANGUAGE_CODE


def city_language(city):
    """The language the city works in: as set on the city, else its country's."""
    return city.language or language_for_country(city.country)
