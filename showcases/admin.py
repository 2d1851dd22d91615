"""Admin for showcases: rounds, and staff's publication approval (an admin action).

States are never edited here: they change only through the domain functions.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from audit.admin_log import record_admin_action
from cities.doors import allows
from common.admin_inlines import LabelledTabularInline
from showcases.library import approve_publication
from showcases.models import Evidence, Feedback, Showcase, ShowcaseRound, ShowcaseSlot


@admin.register(ShowcaseRound)
class ShowcaseRoundAdmin(SimpleHistoryAdmin):
    list_display = ["title", "cohort", "submission_deadline"]
    list_filter = ["cohort"]
    search_fields = ["title"]


class EvidenceInline(LabelledTabularInline):
    model = Evidence
    extra = 0
    fields = ["kind", "title", "original_name", "url", "size", "created_at"]
    readonly_fields = fields
    can_delete = False


class FeedbackInline(admin.StackedInline):
    model = Feedback
    extra = 0
    readonly_fields = ["coach", "strengths", "suggestions", "sustainment_risks",
                       "revision_requested", "created_at"]
    fields = readonly_fields
    can_delete = False


@admin.register(Showcase)
class ShowcaseAdmin(SimpleHistoryAdmin):
    list_display = ["title", "city", "practice_type", "pillar", "state",
                    "publication_consent", "published_at"]
    list_filter = ["state", "practice_type", "pillar", "publication_consent", "round"]
    search_fields = ["title", "city__name"]
    list_select_related = ["city"]
    readonly_fields = ["city", "state", "revision_requested", "submitted_at", "accepted_at",
                       "presented_at", "publication_consent", "publication_approved_by",
                       "published_at", "created_by"]
    inlines = [EvidenceInline, FeedbackInline]
    actions = ["approve_for_library"]

    def has_add_permission(self, request):
        return False

    def has_approve_publication_permission(self, request):
        """The admin's door for the action: the rule that names who approves."""
        return allows("can_approve_publication", request.user)

    @admin.action(description=_("Publish to the practice library (city has agreed)"),
                  permissions=["approve_publication"])
    def approve_for_library(self, request, queryset):
        published = 0
        for showcase in queryset.select_related("city"):
            try:
                approve_publication(showcase=showcase, by=request.user)
            except ValidationError as error:
                text = "; ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"{showcase}: {text}", messages.WARNING)
            else:
                record_admin_action(modeladmin=self, request=request, obj=showcase)
                published += 1
        if published:
            self.message_user(
                request, _("%(n)d showcase(s) published.") % {"n": published}, messages.SUCCESS
            )


@admin.register(ShowcaseSlot)
class ShowcaseSlotAdmin(SimpleHistoryAdmin):
    list_display = ["session", "order", "showcase", "duration_minutes"]
    list_select_related = ["session", "showcase"]
    readonly_fields = ["session", "showcase"]

    def has_add_permission(self, request):
        return False
