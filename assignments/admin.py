"""Admin for what cities handed in: read only. Staff define the assignments themselves in
the curriculum's admin (a module's assignments); states change only through the domain
functions (the portal and the API), never here."""

from django.contrib import admin

from assignments.models import Attachment, Revision, Submission
from common.admin_inlines import LabelledTabularInline


class AttachmentInline(LabelledTabularInline):
    model = Attachment
    extra = 0
    fields = ["kind", "title", "original_name", "url", "size", "removed_at", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class RevisionInline(admin.StackedInline):
    model = Revision
    extra = 0
    fields = ["number", "text", "submitted_by", "created_at", "decision", "comment",
              "reviewed_by", "reviewed_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["assignment", "city", "state", "submitted_at", "accepted_at"]
    list_filter = ["state", "assignment__module__pillar"]
    search_fields = ["assignment__title", "city__name"]
    list_select_related = ["assignment", "city"]
    fields = ["city", "assignment", "state", "text", "started_by", "submitted_at",
              "accepted_at"]
    readonly_fields = fields
    inlines = [AttachmentInline, RevisionInline]

    def has_add_permission(self, request):
        return False
