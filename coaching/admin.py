from django.contrib import admin

from coaching.models import CoachAssignment


@admin.register(CoachAssignment)
class CoachAssignmentAdmin(admin.ModelAdmin):
    list_display = ["coach", "enrollment", "is_primary", "cadence_days"]
    list_filter = ["is_primary", "enrollment__cohort"]
    search_fields = ["coach__email", "enrollment__city__name"]
    autocomplete_fields = ["coach", "enrollment"]
    list_select_related = ["coach", "enrollment__city", "enrollment__cohort"]
