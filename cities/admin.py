from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cities.models import City


@admin.register(City)
class CityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "country", "region", "language", "population", "time_zone"]
    list_filter = ["country"]
    search_fields = ["name", "region", "country"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["chief_data_officer"]


from cities import staff_review  # noqa: E402,F401  (registers the application review admin)
