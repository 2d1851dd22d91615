"""The review panel in the admin: staff edit rubric criteria (a scored one cannot be
deleted: hide it) and reviewers; assignments, scores and decisions are read here and made
on the staff pages (``/staff/cohorts/<slug>/review/``, ``…/rubric/``, ``…/reviewers/``)."""

from django.contrib import admin

from common.admin_inlines import LabelledTabularInline
from reviews.models import Assignment, Criterion, Decision, Reviewer, Score
from reviews.rubric import is_scored


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "cohort", "weight", "order", "hidden"]
    list_filter = ["cohort", "hidden"]
    list_select_related = ["cohort"]
    search_fields = ["name_en", "name_es", "name_pt_br"]

    def has_delete_permission(self, request, obj=None):
        if obj is not None and is_scored(obj):
            return False  # scores point at it: hide it instead
        return super().has_delete_permission(request, obj)


@admin.register(Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "user", "active", "accepted_at", "expires_at"]
    list_filter = ["active"]
    search_fields = ["email", "name"]
    readonly_fields = ["user", "accepted_at", "invited_by", "created_at"]
    exclude = ["token"]


class ScoreInline(LabelledTabularInline):
    model = Score
    fields = ["criterion", "value", "comment"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "submitted_at", "conflict_declared_at"]
    list_filter = ["application__cohort"]
    list_select_related = ["application", "reviewer"]
    readonly_fields = [f.name for f in Assignment._meta.fields]
    inlines = [ScoreInline]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "decided_by", "decided_at"]
    list_filter = ["outcome", "application__cohort"]
    list_select_related = ["application", "decided_by"]
    readonly_fields = [f.name for f in Decision._meta.fields]
