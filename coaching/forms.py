"""Forms parse and label input; the rules live in the domain functions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from coaching.models import ActionItem, CheckIn, CheckInMode, Pillar, Rag
from common.date_inputs import IsoDateInput as DateInput
from common.date_inputs import IsoDateTimeInput as DateTimeInput
from common.inputs import SupportedYearsMixin

RAG_CHOICES = [("", _("Not assessed")), *Rag.choices]


class CheckInForm(SupportedYearsMixin, forms.ModelForm):
    """The quick logging form: one page, defaults filled in; attendees start unticked
    (each ticked person is credited the check-in's length, so none is ticked for the coach).

    With ``draft=True`` nothing is required (a draft may be incomplete).
    """

    attendees = forms.ModelMultipleChoiceField(
        label=_("Who attended"), queryset=User.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nobody is ticked in advance: tick each person who took part. Their "
                    "training hours are credited when the check-in is logged."),
    )

    class Meta:
        model = CheckIn
        fields = [
            "happened_at", "duration_minutes", "mode", "attendees", "summary", "private_notes",
            *[f"{p.value}_{part}" for p in Pillar for part in ("rag", "why")],
            "decisions", "next_checkin_on",
        ]
        widgets = {
            "happened_at": DateTimeInput(),
            "next_checkin_on": DateInput(),
            "mode": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 5}),
            "private_notes": forms.Textarea(attrs={"rows": 3}),
            "decisions": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "summary": _("Shared with the city's team."),
            "private_notes": _("Only you and program staff can read these."),
        }

    def __init__(self, *args, city, members, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.city = city
        self.fields["happened_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.fields["attendees"].queryset = members
        self.fields["attendees"].label_from_instance = lambda user: str(user)
        self.fields["mode"].choices = CheckInMode.choices
        for pillar in Pillar:
            rag = self.fields[f"{pillar.value}_rag"]
            rag.widget = forms.RadioSelect(choices=RAG_CHOICES)
            rag.choices = RAG_CHOICES
            rag.label = pillar.label
            self.fields[f"{pillar.value}_why"].label = _("Why, in a sentence")
        for name in ("happened_at", "duration_minutes", "mode"):
            self.fields[name].required = not draft
        if draft:
            for field in self.fields.values():
                field.required = False

    def pillar_rows(self):
        """``[(pillar, rag field, why field)]`` for the template."""
        return [(p, self[f"{p.value}_rag"], self[f"{p.value}_why"]) for p in Pillar]

    def domain_values(self):
        """The cleaned values for :mod:`coaching.checkins` (attendees apart)."""
        data = dict(self.cleaned_data)
        attendees = data.pop("attendees", None)
        return data, ({user.pk for user in attendees} if attendees is not None else set())


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return str(user)


class ActionItemForm(SupportedYearsMixin, forms.Form):
    title = forms.CharField(label=_("Action"), max_length=200)
    owner = OwnerChoiceField(label=_("Owner"), queryset=User.objects.none())
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())
    details = forms.CharField(label=_("Details"), required=False, widget=forms.Textarea(
        attrs={"rows": 2}))
    initiative = forms.ModelChoiceField(
        label=_("Strategy initiative it advances"), queryset=None, required=False,
        empty_label=_("None"),
    )

    def __init__(self, *args, owners, optional=False, initiatives=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["initiative"].queryset = (  # the model ActionItem.initiative points to
            initiatives if initiatives is not None
            else ActionItem._meta.get_field("initiative").related_model.objects.none()
        )
        self.optional = optional
        if optional:
            for field in self.fields.values():
                field.required = False

    def is_blank(self):
        """An optional row left empty (only meaningful after ``is_valid``)."""
        data = getattr(self, "cleaned_data", {})
        return self.optional and not (data.get("title") or "").strip()

    def clean(self):
        data = super().clean()
        if self.optional and (data.get("title") or "").strip():
            for name in ("owner", "due_on"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("This field is required."))
        return data


class MayorRequestForm(SupportedYearsMixin, forms.Form):
    question = forms.CharField(label=_("Question for the mayor"), max_length=300)
    context = forms.CharField(label=_("Context"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    deadline = forms.DateField(label=_("Answer needed by"), widget=DateInput())


class MayorAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 3}))
