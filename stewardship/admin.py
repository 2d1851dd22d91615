from django.contrib import admin

from accounts.admin import UserAdmin
from stewardship.admin_actions import delete_accounts
from stewardship.models import CityExport

# Staff delete accounts from the user list: stewardship adds its action to the user admin.
UserAdmin.actions = [*UserAdmin.actions, delete_accounts]


@admin.register(CityExport)
class CityExportAdmin(admin.ModelAdmin):
    list_display = [
        "city",
        "status",
        "requested_by",
        "created_at",
        "finished_at",
        "expires_at",
        "size",
    ]
    list_filter = ["status", "city"]
    list_select_related = ["city", "requested_by"]
    readonly_fields = [
        "city",
        "requested_by",
        "status",
        "file",
        "size",
        "error",
        "created_at",
        "finished_at",
        "expires_at",
    ]

    def has_add_permission(self, request):
        return False
