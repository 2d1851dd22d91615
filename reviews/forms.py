"""Forms of the review panel: a reviewer's scores and conflict; staff's rubric criterion,
assignments, invitations and bulk decisions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.models import Application
from common.multilingual import LANGUAGES, suffix
from reviews.models import LEVELS, Outcome
from reviews.rubric import describe, level_texts

LANGUAGE_NAMES = {"en": _("English"), "es": _("Spanish"), "pt-br": _("Portuguese")}


def apply_errors(form, error):
    """Put a domain ``ValidationError`` on the form: at its field, or on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ScoresForm(forms.Form):
    """A score (1–5, each level described) and a comment per criterion of the rubric."""

    def __init__(self, *args, criteria, scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        scores = scores or {}
        self.criteria = []
        for criterion in criteria:
            text = describe(criterion)
            given = scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=text["name"], required=False, coerce=int, empty_value=None,
                choices=[(level, f"{level} — {description}" if description else str(level))
                         for level, description in text["levels"]],
                widget=forms.RadioSelect,
                initial=given.value if given else None)
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": text["name"]},
                required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}),
                initial=given.comment if given else "")
            self.criteria.append((criterion, text))

    def rows(self):
        """(criterion, its texts, score field, comment field) per criterion."""
        return [(criterion, text, self[f"score_{criterion.pk}"],
                 self[f"comment_{criterion.pk}"]) for criterion, text in self.criteria]

    def scores(self):
        """``{criterion id: (value or None, comment)}`` as the domain takes them."""
        data = self.cleaned_data
        return {criterion.pk: (data.get(f"score_{criterion.pk}"),
                               data.get(f"comment_{criterion.pk}", ""))
                for criterion, _text in self.criteria}


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("What is the conflict of interest?"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: you work for this city, or advise it. The program team "
                    "sees what you write; the other reviewers do not."))


class CriterionForm(forms.Form):
    """A criterion's name and level descriptions per language, its weight."""

    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1,
                                help_text=_("How much this criterion counts against the "
                                            "others (from 1 to 100)."))
    hidden = forms.BooleanField(label=_("Hidden: not scored and not counted"),
                                required=False)

    def __init__(self, *args, criterion=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.language_groups = []
        for language in LANGUAGES:
            name = LANGUAGE_NAMES[language]
            key = suffix(language)
            self.fields[f"name_{key}"] = forms.CharField(
                label=_("Criterion (%(language)s)") % {"language": name}, max_length=200,
                required=False,
                initial=getattr(criterion, f"name_{key}", "") if criterion else "")
            for level in LEVELS:
                self.fields[f"level_{level}_{key}"] = forms.CharField(
                    label=_("Level %(level)s (%(language)s)")
                    % {"level": level, "language": name},
                    required=False, max_length=500,
                    initial=level_texts(criterion, level).get(language, "") if criterion
                    else "")
            self.language_groups.append((name, [f"name_{key}"] + [
                f"level_{level}_{key}" for level in LEVELS]))
        if criterion is not None:
            self.fields["weight"].initial = criterion.weight
            self.fields["hidden"].initial = criterion.hidden
        else:
            del self.fields["hidden"]

    def fieldsets(self):
        return [(name, [self[field] for field in fields])
                for name, fields in self.language_groups]

    def names(self):
        return {language: self.cleaned_data.get(f"name_{suffix(language)}", "")
                for language in LANGUAGES}

    def levels(self):
        return {str(level): {language: self.cleaned_data.get(
            f"level_{level}_{suffix(language)}", "") for language in LANGUAGES}
            for level in LEVELS}


class InviteReviewerForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name"), max_length=200, required=False)


class AssignForm(forms.Form):
    """Assign one reviewer to one application."""

    application = forms.ModelChoiceField(label=_("Application"), queryset=None)
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=None)

    def __init__(self, *args, applications, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications
        self.fields["application"].label_from_instance = lambda a: a.city_name
        self.fields["reviewer"].queryset = reviewers


class SpreadForm(forms.Form):
    """Spread reviewers evenly: n per application over the chosen reviewers."""

    per_application = forms.IntegerField(label=_("Reviewers per application"), min_value=1,
                                         max_value=10, initial=2)
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Reviewers to spread"), queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = reviewers


class DecideForm(forms.Form):
    """The same decision, with its reason, for the ticked applications."""

    applications = forms.ModelMultipleChoiceField(
        label=_("Applications to decide"), queryset=Application.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one application to decide.")})
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices,
                                widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason (kept with each decision)"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))
    share_reason = forms.BooleanField(
        label=_("Also tell the applicants this reason in the decision e-mail"), required=False,
        help_text=_("Unticked, the reason stays with the program team."))

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = applications
