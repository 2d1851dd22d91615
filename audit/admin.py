"""The admin's log, read-only for program staff: who added, changed, deleted or ran an
action on what, and when (filter by person, kind of record and action)."""

from django.contrib import admin
from django.contrib.admin.models import DELETION, LogEntry
from django.urls import NoReverseMatch
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.admin_log import describe_entry
from cities.doors import allows


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    list_display = ["action_time", "user", "content_type", "object_link", "action_flag", "message"]
    list_filter = [("user", admin.RelatedOnlyFieldListFilter), "content_type", "action_flag"]
    search_fields = ["object_repr", "change_message", "user__email"]
    date_hierarchy = "action_time"
    list_select_related = ["user", "content_type"]
    fields = [
        "action_time",
        "user",
        "content_type",
        "object_id",
        "object_repr",
        "action_flag",
        "message",
    ]
    readonly_fields = fields

    def has_module_permission(self, request):
        return allows("is_program_staff", request.user)

    def has_view_permission(self, request, obj=None):
        return allows("is_program_staff", request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("object"), ordering="object_repr")
    def object_link(self, obj):
        try:
            url = obj.get_admin_url()
        except NoReverseMatch:
            url = ""
        if not url or obj.action_flag == DELETION:
            return obj.object_repr
        return format_html('<a href="{}">{}</a>', url, obj.object_repr)

    @admin.display(description=_("what was done"))
    def message(self, obj):
        return describe_entry(obj)
