from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from accounts.models import Invitation, Membership, User
from cities.people import CityPeopleAdminMixin
from common.admin_inlines import LabelledTabularInline


class MembershipInline(LabelledTabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["city"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_active", "language"]
    search_fields = ["email", "name"]
    inlines = [MembershipInline]
    actions = []  # apps above add theirs (stewardship/admin.py: delete accounts)
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["name", "title", "time_zone", "language"]}),
        (_("Permissions"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})
    ]


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
