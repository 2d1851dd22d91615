from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from caching.admin_cache import CachedChangelistMixin
from cities.people import CityPeopleAdminMixin
from coaching.actions import possible_owner_ids
from coaching.checkins import city_member_ids
from coaching.models import ActionItem, CheckIn, CoachAssignment, MayorRequest


@admin.register(CoachAssignment)
class CoachAssignmentAdmin(admin.ModelAdmin):
    list_display = ["coach", "enrollment", "is_primary", "cadence_days"]
    list_filter = ["is_primary", "enrollment__cohort"]
    search_fields = ["coach__email", "enrollment__city__name"]
    autocomplete_fields = ["coach", "enrollment"]
    list_select_related = ["coach", "enrollment__city", "enrollment__cohort"]


@admin.register(CheckIn)
class CheckInAdmin(CityPeopleAdminMixin, CachedChangelistMixin, SimpleHistoryAdmin):
    """Staff may read private notes; the admin is staff-only."""

    city_people_fields = {"attendees": city_member_ids}

    list_display = ["city", "happened_at", "coach", "mode", "status"]
    # By cohort, not by city: a filter listing every city of the program (hundreds) cost
    # more than the rows; one city is found by typing its name in the search.
    list_filter = ["status", "mode", "city__enrollments__cohort", "happened_at"]
    search_fields = ["city__name", "summary"]
    list_select_related = ["city", "coach"]
    list_per_page = 50
    autocomplete_fields = ["attendees", "coach"]
    # No date_hierarchy: listing its years scanned every check-in on each page view; the
    # "happened at" filter (today, past 7 days, this month, this year) costs no query.


@admin.register(ActionItem)
class ActionItemAdmin(CityPeopleAdminMixin, CachedChangelistMixin, SimpleHistoryAdmin):
    city_people_fields = {"owner": possible_owner_ids}
    list_display = ["title", "city", "owner", "due_on", "status"]
    list_filter = ["status", "city__enrollments__cohort"]  # one city: search its name
    list_per_page = 50
    search_fields = ["title", "city__name"]
    list_select_related = ["city", "owner"]
    raw_id_fields = ["checkin", "initiative"]
    autocomplete_fields = ["owner"]


@admin.register(MayorRequest)
class MayorRequestAdmin(CityPeopleAdminMixin, SimpleHistoryAdmin):
    list_display = ["question", "city", "deadline", "answered_at"]
    list_filter = ["city"]
    search_fields = ["question", "city__name"]
    list_select_related = ["city"]
    readonly_fields = ["answered_by", "answered_at"]
