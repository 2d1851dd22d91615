"""Forms parse input; the domain functions decide (their errors land at the field)."""

import zoneinfo
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cohorts.models import Cohort
from common.date_inputs import IsoDateInput, IsoTimeInput
from common.inputs import SupportedYearsMixin
from schedule.models import RsvpAnswer
from schedule.wall_clock import in_zone, wall_clock


def apply_errors(form, error):
    """Put a domain ``ValidationError`` on the form: at its field, or on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Will you attend?"), choices=RsvpAnswer.choices, widget=forms.RadioSelect
    )


class LogLearningForm(SupportedYearsMixin, forms.Form):
    hours = forms.DecimalField(
        label=_("Hours"), min_value=0.25, max_value=24, decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.25"}),
    )
    on_date = forms.DateField(label=_("Date"), widget=IsoDateInput())
    note = forms.CharField(
        label=_("What did you learn or work on?"), max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SessionTimeForm(SupportedYearsMixin, forms.Form):
    """A date and a time read in the session's own zone."""

    date = forms.DateField(label=_("Date"), widget=IsoDateInput())
    time = forms.TimeField(label=_("Start time"), widget=IsoTimeInput())

    def __init__(self, *args, zone_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zoneinfo.ZoneInfo(zone_name)
        self.fields["time"].help_text = _("In %(zone)s time.") % {"zone": zone_name}

    @staticmethod
    def initial_for(moment, zone_name):
        """Initial values showing aware ``moment`` in the session's zone."""
        local = wall_clock(moment, zoneinfo.ZoneInfo(zone_name))
        return {"date": local.date(), "time": local.time()}

    def starts_at(self):
        naive = datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        try:
            return in_zone(naive, self.zone)
        except ValidationError as error:
            raise ValidationError({"time": error.messages}) from error


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason (sent to the audience)"), max_length=300,
                             required=False)


class SeriesForm(forms.Form):
    weeks = forms.IntegerField(label=_("Number of weekly sessions (this one included)"),
                               min_value=2, max_value=26)


class CopyPlanForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Copy the sessions of"), queryset=Cohort.objects.none())

    def __init__(self, *args, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = Cohort.objects.exclude(pk=target.pk).order_by(
            "-starts_on"
        )
