"""Staff choose, per program, whether hosts read feedback without names; they read the
answers in the admin (read-only: people write their own feedback in the portal) and, with
figures, on ``/staff/cohorts/<slug>/feedback/``."""

from django.contrib import admin

from feedback.models import ProgramFeedbackSettings, SessionFeedback


@admin.register(ProgramFeedbackSettings)
class ProgramFeedbackSettingsAdmin(admin.ModelAdmin):
    list_display = ["program", "anonymous_to_host"]
    list_select_related = ["program"]


@admin.register(SessionFeedback)
class SessionFeedbackAdmin(admin.ModelAdmin):
    list_display = ["session", "user", "city", "rating", "asked_at", "answered_at"]
    list_filter = ["rating", "session__kind", "session__cohort"]
    list_select_related = ["session", "user", "city"]
    search_fields = ["session__title", "user__email", "most_useful", "to_change"]
    readonly_fields = ["session", "city", "user", "rating", "most_useful", "to_change",
                       "asked_at", "answered_at", "created_at", "updated_at"]
    exclude = ["claim"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
