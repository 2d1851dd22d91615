from django import forms
from django.contrib import admin

from cohorts.enrollment import withdrawal_errors
from cohorts.models import Cohort, Enrollment, Program
from common.admin_inlines import LabelledTabularInline
from common.date_inputs import IsoDateInput
from common.inputs import SupportedYearsMixin


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class EnrollmentInline(LabelledTabularInline):
    model = Enrollment
    extra = 0
    autocomplete_fields = ["city"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "status", "starts_on", "ends_on", "capacity", "time_zone"]
    list_filter = ["status"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EnrollmentInline]


class EnrollmentForm(SupportedYearsMixin, forms.ModelForm):
    """Staff record a withdrawal with its day and reason, checked by the domain rule."""

    class Meta:
        model = Enrollment
        fields = ["city", "cohort", "withdrawn_on", "withdrawal_reason"]
        widgets = {"withdrawn_on": IsoDateInput()}

    def clean(self):
        cleaned = super().clean()
        on, reason = cleaned.get("withdrawn_on"), cleaned.get("withdrawal_reason")
        if (on or reason) and cleaned.get("cohort"):
            self.instance.cohort = cleaned["cohort"]
            for name, message in withdrawal_errors(
                enrollment=self.instance, on=on, reason=reason
            ).items():
                self.add_error(name, message)
        return cleaned


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    form = EnrollmentForm
    list_display = ["city", "cohort", "enrolled_at", "withdrawn_on"]
    list_filter = ["cohort", ("withdrawn_on", admin.EmptyFieldListFilter)]
    search_fields = ["city__name"]
    autocomplete_fields = ["city", "cohort"]
    list_select_related = ["city", "cohort"]
