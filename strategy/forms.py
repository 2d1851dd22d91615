"""Forms of the builder: they render labelled fields; the rules are in ``editing.py``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from strategy.labels import quarter_label_lazy, year_label_lazy
from strategy.models import Frequency, InitiativeStatus, PracticeArea

# Lazy: the labels are translated when a form is shown, not once when this module loads.
YEAR_CHOICES = [(str(y), year_label_lazy(y)) for y in (1, 2, 3)]
QUARTER_CHOICES = [(str(q), quarter_label_lazy(q)) for q in (1, 2, 3, 4)]
MATURITY_CHOICES = [(str(level), str(level)) for level in range(1, 6)]


class RevisionForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class VisionForm(RevisionForm):
    vision = forms.CharField(
        label=_("Vision statement"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What residents will notice in three years."),
    )
    priorities = forms.CharField(
        label=_("Priorities for resident impact"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}), help_text=_("One priority per line."),
    )


class ComponentForm(RevisionForm):
    current_maturity = forms.ChoiceField(
        label=_("Current maturity"), required=False, choices=MATURITY_CHOICES,
        widget=forms.RadioSelect,
    )
    current_state = forms.CharField(
        label=_("Current state"), required=False, max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What exists today, in a few sentences."),
    )
    target_state = forms.CharField(
        label=_("Target state in three years"), required=False, max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    goals = forms.CharField(
        label=_("Goals"), required=False, max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}), help_text=_("One goal per line."),
    )


class InitiativeForm(RevisionForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, max_length=5000,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    year = forms.ChoiceField(label=_("Year"), choices=YEAR_CHOICES)
    quarters = forms.MultipleChoiceField(
        label=_("Quarters"), required=False, choices=QUARTER_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    owner = forms.CharField(label=_("Owner"), required=False, max_length=200,
                            help_text=_("A role or a person."))
    resources = forms.CharField(label=_("Resources or budget"), required=False,
                                max_length=2000)
    dependencies = forms.CharField(label=_("Dependencies"), required=False, max_length=2000)
    status = forms.ChoiceField(label=_("Status"), choices=InitiativeStatus.choices,
                               initial=InitiativeStatus.PLANNED)
    practice_areas = forms.MultipleChoiceField(
        label=_("What Works Cities practice areas (optional)"), required=False,
        choices=PracticeArea.choices, widget=forms.CheckboxSelectMultiple,
    )


class MetricForm(RevisionForm):
    name = forms.CharField(label=_("Metric"), max_length=200)
    baseline = forms.CharField(label=_("Baseline"), required=False, max_length=100)
    target_year_1 = forms.CharField(label=_("Target, year 1"), required=False, max_length=100)
    target_year_2 = forms.CharField(label=_("Target, year 2"), required=False, max_length=100)
    target_year_3 = forms.CharField(label=_("Target, year 3"), required=False, max_length=100)
    data_source = forms.CharField(label=_("Data source"), required=False, max_length=200)
    frequency = forms.ChoiceField(label=_("Reporting frequency"), choices=Frequency.choices,
                                  initial=Frequency.QUARTERLY)


class CommentForm(forms.Form):
    section = forms.CharField(widget=forms.HiddenInput, max_length=80)
    body = forms.CharField(label=_("Add a comment"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[("approve", _("Approve the strategy")),
                 ("request_changes", _("Request changes"))],
    )
    comment = forms.CharField(
        label=_("Comment for the team"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you request changes."),
    )


def apply_errors(form, error):
    """Put a domain ValidationError's messages on the form's fields."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
    return form
