from django.contrib import admin
from django_countries.filters import CountryFilter
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import Invitation, Membership
from cities.models import City
from cities.people import CityPeopleAdminMixin


@admin.register(City)
class CityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "country", "region", "language", "population", "time_zone"]
    list_filter = [("country", CountryFilter)]
    search_fields = ["name", "region", "country"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["chief_data_officer"]
    readonly_fields = ["country_as_written"]


# A city's memberships and invitations (accounts' models): who may enter the city, so the
# tenant's admin. Their people are the city's own (CityPeopleAdminMixin).
@admin.register(Membership)
class MembershipAdmin(CityPeopleAdminMixin, SimpleHistoryAdmin):
    city_people_exempt = ["user"]  # whom to add to the city: anyone with an account
    list_display = ["user", "city", "role", "is_city_admin", "created_at"]
    list_filter = ["role", "city"]
    search_fields = ["user__email", "user__name", "city__name"]
    autocomplete_fields = ["user", "city"]
    list_select_related = ["user", "city"]


@admin.register(Invitation)
class InvitationAdmin(CityPeopleAdminMixin, admin.ModelAdmin):
    list_display = ["email", "city", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "city"]
    search_fields = ["email", "name", "city__name"]
    readonly_fields = ["token", "accepted_at", "accepted_by"]
    list_select_related = ["city"]
