from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from strategy.models import (
    Comment,
    ComponentPlan,
    Initiative,
    Metric,
    Strategy,
    StrategyDocument,
    StrategyTemplate,
    StrategyVersion,
    TemplateComponent,
)


class TemplateComponentInline(admin.StackedInline):
    model = TemplateComponent
    extra = 0
    fields = ["key", "title", "order", "description", "guidance", "examples", "rubric_1",
              "rubric_2", "rubric_3", "rubric_4", "rubric_5"]


@admin.register(StrategyTemplate)
class StrategyTemplateAdmin(admin.ModelAdmin):
    """Staff adjust components, rubric text and guidance per cohort here, without code."""

    list_display = ["name", "cohort", "is_default"]
    inlines = [TemplateComponentInline]


class ComponentPlanInline(admin.TabularInline):
    model = ComponentPlan
    extra = 0
    fields = ["key", "order", "current_maturity"]
    show_change_link = True


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    """Read the strategies; state changes go through the portal's review functions."""

    list_display = ["city", "cohort", "state", "revision", "approved_at", "updated_at"]
    list_filter = ["state", "cohort"]
    search_fields = ["city__name"]
    readonly_fields = ["state", "revision", "section_revisions", "approved_by", "approved_at",
                       "updated_by"]
    inlines = [ComponentPlanInline]


@admin.register(ComponentPlan)
class ComponentPlanAdmin(SimpleHistoryAdmin):
    list_display = ["strategy", "key", "current_maturity"]


@admin.register(Initiative)
class InitiativeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "component", "year", "status"]
    list_filter = ["status", "year"]


@admin.register(Metric)
class MetricAdmin(SimpleHistoryAdmin):
    list_display = ["name", "component", "baseline", "target_year_3"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["strategy", "section", "author", "created_at", "resolved_at"]


@admin.register(StrategyVersion)
class StrategyVersionAdmin(admin.ModelAdmin):
    list_display = ["strategy", "number", "submitted_at", "decision", "decided_at"]
    readonly_fields = ["snapshot"]


@admin.register(StrategyDocument)
class StrategyDocumentAdmin(admin.ModelAdmin):
    list_display = ["strategy", "kind", "status", "attempts", "updated_at"]
    list_filter = ["status", "kind"]
    readonly_fields = ["content_hash", "error"]
