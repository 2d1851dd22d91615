from django.contrib import admin
from django_countries.filters import CountryFilter
from simple_history.admin import SimpleHistoryAdmin

from cities.models import City


@admin.register(City)
class CityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "country", "region", "language", "population", "time_zone"]
    list_filter = [("country", CountryFilter)]
    search_fields = ["name", "region", "country"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["chief_data_officer"]
    readonly_fields = ["country_as_written"]


from cities import staff_review  # noqa: E402,F401  (registers the application review admin)
