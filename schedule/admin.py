"""Admin for sessions and the per-person rows. Moving or cancelling through the admin goes
through the domain functions, so the audience is told and reminders re-arm."""

import contextlib
import zoneinfo

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.models import time_zone_choices
from audit.admin_log import record_admin_action
from cities.people import CityPeopleAdminMixin
from common.admin_inlines import LabelledTabularInline
from common.inputs import SupportedYearsMixin
from curriculum.models import Material
from schedule.models import Attendance, HoursEntry, Rsvp, Session
from schedule.notices import announce_sessions
from schedule.scheduling import (
    cancel_session,
    check_session_fields,
    create_weekly_series,
    duplicate_session,
    move_session,
)
from schedule.wall_clock import WallClockField, in_zone, wall_clock


class MaterialInline(LabelledTabularInline):
    model = Material
    fk_name = "session"
    fields = ["title", "url", "file", "order"]
    extra = 0


class SessionAdminForm(SupportedYearsMixin, forms.ModelForm):
    """Start and end are typed and shown in the session's own ``time_zone`` (not in the
    staff member's zone, as the admin would do by itself)."""

    time_zone = forms.ChoiceField(
        label=capfirst(_("time zone")), choices=time_zone_choices, initial="America/New_York",
        help_text=_("Start and end are read in this zone. Changing the zone keeps the "
                    "wall-clock times (13:30 stays 13:30, now in the new zone), so the "
                    "session moves and its audience is told."),
    )
    starts_at = WallClockField(label=capfirst(_("starts at")), time_label=_("Start time"),
                               help_text=_("In the session's time zone."))
    ends_at = WallClockField(label=capfirst(_("ends at")), time_label=_("End time"),
                             help_text=_("In the session's time zone."))

    class Meta:
        model = Session
        fields = ["cohort", "kind", "title", "description", "time_zone", "starts_at",
                  "ends_at", "location", "video_url", "audience", "city", "capacity",
                  "module", "host"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone_name = self.initial.get("time_zone") or self.instance.time_zone
        with contextlib.suppress(zoneinfo.ZoneInfoNotFoundError, ValueError):
            for name in ("starts_at", "ends_at"):
                self.initial[name] = wall_clock(self.initial.get(name),
                                                zoneinfo.ZoneInfo(zone_name))

    def clean(self):
        data = super().clean()
        if data.get("time_zone") and "time_zone" not in self.errors:
            zone = zoneinfo.ZoneInfo(data["time_zone"])
            for name in ("starts_at", "ends_at"):
                if data.get(name) is not None:
                    try:
                        data[name] = in_zone(data[name], zone)
                    except ValidationError as error:
                        self.add_error(name, error)
        if not self.errors and data.get("cohort"):
            check_session_fields(
                cohort=data["cohort"], starts_at=data.get("starts_at"),
                ends_at=data.get("ends_at"), time_zone=data.get("time_zone"),
                audience=data.get("audience"), city=data.get("city"),
            )
        return data


@admin.register(Session)
class SessionAdmin(CityPeopleAdminMixin, admin.ModelAdmin):
    form = SessionAdminForm
    list_display = ["title", "kind", "local_start", "audience", "cohort", "is_cancelled"]
    list_filter = ["cohort", "kind", "audience", "is_cancelled"]
    search_fields = ["title"]
    date_hierarchy = "starts_at"
    # Not autocomplete: its select2 box has no accessible name (axe: serious). The host
    # stays a list, so that it offers the session's city's people (CityPeopleAdminMixin).
    raw_id_fields = ["city", "module"]
    readonly_fields = ["uid", "sequence", "is_cancelled"]
    inlines = [MaterialInline]
    actions = ["duplicate_next_week", "weekly_series_of_four", "cancel_sessions"]

    @admin.display(description=_("starts at (session's time zone)"), ordering="starts_at")
    def local_start(self, session):
        local = wall_clock(session.starts_at, session.zone)
        return f"{local:%Y-%m-%d %H:%M} {session.time_zone}"

    def save_model(self, request, obj, form, change):
        """A new time (typed, or the same wall-clock time in a new zone) is a move."""
        original = Session.objects.get(pk=obj.pk) if change else None
        if original and (original.starts_at, original.ends_at) != (obj.starts_at, obj.ends_at):
            moved_to = (obj.starts_at, obj.ends_at)
            obj.starts_at, obj.ends_at = original.starts_at, original.ends_at
            super().save_model(request, obj, form, change)
            try:
                move_session(session=obj, starts_at=moved_to[0], ends_at=moved_to[1],
                             by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            return
        super().save_model(request, obj, form, change)
        if not change:
            announce_sessions(sessions=[obj])  # a new session: its audience is told

    @admin.action(description=_("Duplicate one week later"))
    def duplicate_next_week(self, request, queryset):
        for session in queryset:
            duplicate_session(session=session, days=7)
            record_admin_action(modeladmin=self, request=request, obj=session)
        self.message_user(request, ngettext("%d session copied.", "%d sessions copied.",
                                            queryset.count()) % queryset.count())

    @admin.action(description=_("Repeat weekly (four sessions in all)"))
    def weekly_series_of_four(self, request, queryset):
        for session in queryset:
            create_weekly_series(session=session, weeks=4)
            record_admin_action(modeladmin=self, request=request, obj=session)
        self.message_user(request, _("Weekly series created."))

    @admin.action(description=_("Cancel and tell the audience"))
    def cancel_sessions(self, request, queryset):
        for session in queryset:
            cancel_session(session=session, by=request.user)
            record_admin_action(modeladmin=self, request=request, obj=session)
        self.message_user(request, _("Sessions cancelled; their audiences have been told."))


@admin.register(Rsvp)
class RsvpAdmin(admin.ModelAdmin):
    list_display = ["session", "user", "city", "answer", "answered_at"]
    list_filter = ["answer", "session__cohort"]
    list_select_related = ["session", "user", "city"]
    raw_id_fields = ["session", "user"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    """Read-only: attendance is marked on the checklist page, which credits hours."""

    list_display = ["session", "user", "city", "marked_by", "marked_at"]
    list_filter = ["session__cohort"]
    list_select_related = ["session", "user", "city", "marked_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(HoursEntry)
class HoursEntryAdmin(admin.ModelAdmin):
    list_display = ["on_date", "user", "city", "hours", "source", "note"]
    list_filter = ["source", "city"]
    list_select_related = ["user", "city"]
    search_fields = ["user__email", "note"]
    raw_id_fields = ["user"]
    date_hierarchy = "on_date"
