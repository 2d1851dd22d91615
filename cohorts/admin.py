from django.contrib import admin

from cohorts.models import Cohort, Enrollment, Program
from config.admin_inlines import LabelledTabularInline


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class EnrollmentInline(LabelledTabularInline):
    model = Enrollment
    extra = 0
    autocomplete_fields = ["city"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "starts_on", "ends_on", "capacity", "time_zone"]
    list_filter = ["status"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EnrollmentInline]


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["city", "cohort", "enrolled_at"]
    list_filter = ["cohort"]
    search_fields = ["city__name"]
    autocomplete_fields = ["city", "cohort"]
    list_select_related = ["city", "cohort"]


from cohorts.session_admin import *  # noqa: E402,F401,F403  (sessions, RSVPs, attendance, hours)
