from rest_framework import serializers

from cities.models import City


class CitySerializer(serializers.ModelSerializer):
    class Meta:
        model = City
        fields = [
            "slug", "name", "country", "region", "time_zone", "population",
            "population_source", "population_year", "monthly_commitment_hours",
        ]
