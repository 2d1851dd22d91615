"""The cohort's own questions in the admin: listed, filtered, hidden or shown, deleted only
while unanswered, their wordings read-only. Wording is written on the staff pages
(``/staff/cohorts/<cohort>/questions/``), where each change becomes a new version."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.answers import label_of
from applications.question_models import Question, QuestionSection, QuestionVersion
from applications.questions import delete_question, hide_question, is_answered
from common.multilingual import in_language


class VersionInline(admin.TabularInline):
    model = QuestionVersion
    fields = ["number", "label", "help_text", "choices", "created_at", "created_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(QuestionSection)
class QuestionSectionAdmin(admin.ModelAdmin):
    list_display = ["section_title", "cohort", "position"]
    list_filter = ["cohort"]
    list_select_related = ["cohort"]
    fields = ["cohort", "title", "position"]

    @admin.display(description=gettext_lazy("title"))
    def section_title(self, obj):
        return in_language(obj.title)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or not obj.questions.exists())


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["question_label", "cohort", "section", "kind", "required", "hidden",
                    "position"]
    list_filter = ["cohort", "kind", "hidden", "required"]
    list_select_related = ["cohort", "section", "current"]
    fields = ["cohort", "section", "kind", "required", "hidden", "position", "word_limit",
              "min_number", "max_number", "min_date", "max_date", "file_types", "max_file_mb",
              "wording_page"]
    readonly_fields = ["cohort", "kind", "wording_page"]
    inlines = [VersionInline]
    actions = ["hide", "show"]

    def has_add_permission(self, request):
        return False  # a question is written, with its wording, on the staff pages

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or not is_answered(question=obj))

    def delete_model(self, request, obj):
        delete_question(question=obj)

    def delete_queryset(self, request, queryset):
        for question in queryset:
            try:
                delete_question(question=question)
            except ValidationError as error:
                self.message_user(request, f"{label_of(question)}: {' '.join(error.messages)}",
                                  messages.ERROR)

    @admin.display(description=gettext_lazy("question"))
    def question_label(self, obj):
        return label_of(obj)

    @admin.display(description=gettext_lazy("wording"))
    def wording_page(self, obj):
        return format_html('<a href="{}">{}</a>',
                           f"/staff/cohorts/{obj.cohort.slug}/questions/{obj.pk}/",
                           _("Change the wording on the staff page (a new version)"))

    @admin.action(description=gettext_lazy("Hide the selected questions"))
    def hide(self, request, queryset):
        for question in queryset:
            hide_question(question=question, hidden=True)

    @admin.action(description=gettext_lazy("Show the selected questions again"))
    def show(self, request, queryset):
        for question in queryset:
            hide_question(question=question, hidden=False)
