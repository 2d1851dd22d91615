from django import forms
from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.admin_inlines import LabelledTabularInline
from strategy.defaults import SHIPPED_COMPONENTS, TEMPLATE_FIELDS, as_shipped
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


class ShippedTextForm(forms.ModelForm):
    """A template's texts in the admin: a field left empty is the text the product ships,
    shown to every reader in their language (its placeholder shows it); text typed here is
    shown as typed. Text equal to the shipped text, in any language, is stored as shipped."""

    def shipped_source(self, field, key=None):
        return TEMPLATE_FIELDS.get(field)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            source = self.shipped_source(name, getattr(self.instance, "key", None))
            if source:
                field.widget.attrs["placeholder"] = gettext(source)
                field.help_text = _("Leave empty to show the text shipped with the product "
                                    "(shown here), in each reader's language.")

    def clean(self):
        cleaned = super().clean()
        for name in self.fields:
            source = self.shipped_source(name, cleaned.get("key"))
            if source and isinstance(cleaned.get(name), str) and as_shipped(cleaned[name], source):
                cleaned[name] = ""
        return cleaned


class StrategyTemplateForm(ShippedTextForm):
    class Meta:
        model = StrategyTemplate
        fields = ["name", "cohort", "is_default", *TEMPLATE_FIELDS]


class TemplateComponentForm(ShippedTextForm):
    class Meta:
        model = TemplateComponent
        fields = ["key", "title", "order", "description", "guidance", "examples", "rubric_1",
                  "rubric_2", "rubric_3", "rubric_4", "rubric_5"]

    def shipped_source(self, field, key=None):
        return SHIPPED_COMPONENTS.get(key or "", {}).get(field)


class TemplateComponentInline(admin.StackedInline):
    model = TemplateComponent
    form = TemplateComponentForm
    extra = 0
    fields = TemplateComponentForm.Meta.fields


@admin.register(StrategyTemplate)
class StrategyTemplateAdmin(admin.ModelAdmin):
    """Staff adjust components, rubric text and guidance per cohort here, without code."""

    list_display = ["name", "cohort", "is_default"]
    form = StrategyTemplateForm
    inlines = [TemplateComponentInline]


class ComponentPlanInline(LabelledTabularInline):
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
