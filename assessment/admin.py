"""Staff edit frameworks in the admin. A framework that an assessment was made with is frozen
(read-only here): the "copy as a new version" action makes an editable copy, so a city's
assessment keeps the version it was made with. Assessments are read here, answered and
verified on the city's assessment page."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from assessment.frameworks import copy_framework, is_frozen
from assessment.models import Answer, Area, Assessment, Criterion, Framework, Item, Review
from common.admin_inlines import LabelledTabularInline


def _framework_of(obj):
    if isinstance(obj, Framework):
        return obj
    if isinstance(obj, Area):
        return obj.framework
    if isinstance(obj, Criterion):
        return obj.area.framework
    return None


class FrozenWhenUsedMixin:
    """Read-only (no change, no delete) once an assessment uses the framework."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not is_frozen(_framework_of(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not is_frozen(_framework_of(obj))


class AreaInline(LabelledTabularInline):
    model = Area
    fields = ["key", "order", "name", "description"]
    extra = 0
    show_change_link = True


class CriterionInline(LabelledTabularInline):
    model = Criterion
    fields = ["key", "order", "text", "needs", "requires"]
    extra = 0
    show_change_link = True


class ItemInline(LabelledTabularInline):
    model = Item
    fields = ["key", "order", "text"]
    extra = 0


class FrozenInlineMixin:
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not is_frozen(_framework_of(obj))

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not is_frozen(_framework_of(obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not is_frozen(_framework_of(obj))


class FrozenAreaInline(FrozenInlineMixin, AreaInline):
    pass


class FrozenCriterionInline(FrozenInlineMixin, CriterionInline):
    pass


class FrozenItemInline(FrozenInlineMixin, ItemInline):
    pass


@admin.register(Framework)
class FrameworkAdmin(FrozenWhenUsedMixin, admin.ModelAdmin):
    list_display = ["__str__", "key", "version", "is_current", "created_at"]
    list_filter = ["key", "is_current"]
    fields = ["key", "version", "name", "description", "tiers", "is_current"]
    inlines = [FrozenAreaInline]
    actions = ["copy_as_new_version"]

    @admin.action(description=_("Copy as a new version (to edit a framework in use)"))
    def copy_as_new_version(self, request, queryset):
        for framework in queryset:
            copy = copy_framework(framework)
            self.message_user(request, _("%(framework)s copied as version %(version)s.") % {
                "framework": framework, "version": copy.version}, messages.SUCCESS)


@admin.register(Area)
class AreaAdmin(FrozenWhenUsedMixin, admin.ModelAdmin):
    list_display = ["__str__", "key", "framework", "order"]
    list_filter = ["framework"]
    list_select_related = ["framework"]
    inlines = [FrozenCriterionInline]


@admin.register(Criterion)
class CriterionAdmin(FrozenWhenUsedMixin, admin.ModelAdmin):
    list_display = ["__str__", "key", "area", "needs"]
    list_filter = ["area__framework", "area__key"]
    list_select_related = ["area"]
    inlines = [FrozenItemInline]


class AnswerInline(LabelledTabularInline):
    model = Answer
    fields = ["item", "holds", "note", "link", "original_name", "answered_by", "updated_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReviewInline(AnswerInline):
    model = Review
    fields = ["criterion", "verdict", "comment", "reviewer", "updated_at"]
    readonly_fields = fields


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "framework", "opens_on", "closes_on"]
    list_filter = ["kind", "enrollment__cohort", "framework"]
    list_select_related = ["city", "framework"]
    readonly_fields = ["city", "enrollment", "kind", "framework", "opens_on", "closes_on"]
    inlines = [AnswerInline, ReviewInline]

    def has_add_permission(self, request):
        return False
