"""API fields for places."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cities.places import country_code

COUNTRY_HELP = (
    "The country's ISO 3166-1 alpha-2 code, e.g. `US`, `MX`, `BR` (always returned this "
    "way). An alpha-3 code (`USA`), the country's name in English, Spanish or Portuguese "
    "(`United States`, `México`, `Brasil`) or a common alias (`USA`, `UK`) is accepted too "
    "and stored as its alpha-2 code."
)


@extend_schema_field({"type": "string", "example": "US", "description": COUNTRY_HELP})
class CountryCodeField(serializers.CharField):
    """A country, read as an ISO code or a name, written as its ISO 3166-1 alpha-2 code."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", COUNTRY_HELP)
        kwargs.setdefault("max_length", 100)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        text = super().to_internal_value(data)
        if not text:
            return ""
        code = country_code(text)
        if not code:
            raise serializers.ValidationError(_(
                "“%(country)s” is not a country we know. Give its two-letter ISO code "
                "(such as US) or its name."
            ) % {"country": text[:100]})
        return code

    def to_representation(self, value):
        return str(getattr(value, "code", value) or "")
