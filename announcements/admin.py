"""Staff read announcements, and who got them, in the admin (read-only): they write, preview
and send them on the cohort's announcements page (``/staff/cohorts/<slug>/announcements/``)."""

from django.contrib import admin

from announcements.models import Announcement, Recipient
from common.admin_inlines import LabelledTabularInline


class RecipientInline(LabelledTabularInline):
    model = Recipient
    fields = ["user", "city", "language", "notification", "email", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "cohort", "audience", "required", "status", "send_at", "sent_at"]
    list_filter = ["status", "audience", "required", "cohort"]
    search_fields = ["subject_en", "subject_es", "subject_pt_br"]
    list_select_related = ["cohort"]
    readonly_fields = [f.name for f in Announcement._meta.fields] + ["cities"]
    inlines = [RecipientInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
