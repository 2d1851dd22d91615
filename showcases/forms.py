from django import forms
from django.utils.translation import gettext_lazy as _

from cities.places import country_name
from common.date_inputs import IsoDateInput
from common.inputs import SupportedYearsMixin
from schedule.wall_clock import wall_clock
from showcases.library import SIZE_BANDS
from showcases.models import Pillar, PracticeType, Showcase, ShowcaseRound
from showcases.workflow import DRAFT_FIELDS


def add_errors(form, error):
    """Put a domain ``ValidationError`` on the form: at its field, or at the top."""
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


class ShowcaseForm(SupportedYearsMixin, forms.ModelForm):
    class Meta:
        model = Showcase
        fields = list(DRAFT_FIELDS)
        widgets = {
            "sustainment_review_on": IsoDateInput(),
            "what_changed": forms.Textarea(attrs={"rows": 4}),
            "who_involved": forms.Textarea(attrs={"rows": 3}),
            "impact": forms.Textarea(attrs={"rows": 3}),
            "sustainment_how": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "impact": _("What has improved, with numbers if you measured it, or what you "
                        "expect."),
            "sustainment_review_on": _("When the practice will next be reviewed."),
        }

    def __init__(self, *args, city, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = ShowcaseRound.objects.filter(
            cohort__enrollments__city=city
        ).select_related("cohort").order_by("submission_deadline")
        self.fields["round"].empty_label = _("No round")


class EvidenceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"), required=False,
        help_text=_("PDF, PNG, JPEG, CSV or XLSX, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.csv,.xlsx"}),
    )
    url = forms.URLField(
        label=_("Or a link"), required=False, max_length=500, assume_scheme="https",
        help_text=_("A public page, dashboard or document that shows the practice."),
    )


class FeedbackForm(forms.Form):
    strengths = forms.CharField(label=_("Strengths"), widget=forms.Textarea(attrs={"rows": 3}))
    suggestions = forms.CharField(
        label=_("Suggestions"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    sustainment_risks = forms.CharField(
        label=_("Risks to sustainment"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    revision_requested = forms.BooleanField(
        label=_("Ask the team to revise and resubmit"), required=False
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ScheduleForm(forms.Form):
    """``sessions`` is a list (read once per page, however many showcases it lists)."""

    session = forms.TypedChoiceField(label=_("Showcase session"), coerce=int)
    order = forms.IntegerField(label=_("Order"), min_value=1, max_value=100, required=False)
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=1, max_value=240, initial=15
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = {session.pk: session for session in sessions}
        self.fields["session"].choices = [("", "---------")] + [
            (session.pk, f"{session.title} — "
                         f"{wall_clock(session.starts_at, session.zone):%Y-%m-%d %H:%M} "
                         f"{session.time_zone}")  # the session's own time, as staff plan it
            for session in sessions
        ]

    def clean_session(self):
        return self.sessions[self.cleaned_data["session"]]


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    practice_type = forms.ChoiceField(
        label=_("Practice type"), required=False,
        choices=[("", _("Any practice type")), *PracticeType.choices],
    )
    pillar = forms.ChoiceField(
        label=_("Pillar"), required=False, choices=[("", _("Any pillar")), *Pillar.choices]
    )
    size_band = forms.ChoiceField(
        label=_("City size"), required=False,
        choices=[("", _("Any size")), *[(key, label) for key, label, _l, _h in SIZE_BANDS]],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country"))] + sorted(
            ((c, country_name(c)) for c in countries), key=lambda pair: pair[1])
