"""The staff's forms: write an announcement, schedule it, choose whom to preview it as."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from announcements.audience import LANGUAGES
from announcements.models import AudienceKind
from cities.models import City
from common.date_inputs import IsoDateInput, IsoTimeInput
from common.inputs import SupportedYearsMixin
from schedule.wall_clock import in_zone

LANGUAGE_NAMES = {"en": _("English"), "es": _("Spanish"), "pt-br": _("Portuguese")}


def apply_errors(form, error):
    """Put a domain ``ValidationError`` on the form: at its field, or on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class AnnouncementForm(forms.Form):
    """Subject and text per language (any of them), the audience, the cities, required."""

    audience = forms.ChoiceField(label=_("Who receives it"), choices=AudienceKind.choices,
                                 widget=forms.RadioSelect, initial=AudienceKind.EVERYONE)
    cities = forms.ModelMultipleChoiceField(
        label=_("Only these cities"), queryset=City.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave every box empty to reach every city of the cohort."),
    )
    required = forms.BooleanField(
        label=_("Required reading: e-mail it to everyone, whatever their preferences"),
        required=False,
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cities"].queryset = City.objects.filter(
            enrollments__cohort=cohort).order_by("name")
        for language in LANGUAGES:
            field = language.replace("-", "_")
            name = LANGUAGE_NAMES[language]
            self.fields[f"subject_{field}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name}, max_length=200,
                required=False)
            self.fields[f"body_{field}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name}, required=False,
                max_length=10_000, widget=forms.Textarea(attrs={"rows": 6}))
        self.order_fields([*(f"{kind}_{language.replace('-', '_')}" for language in LANGUAGES
                             for kind in ("subject", "body")), "audience", "cities", "required"])

    def texts(self):
        """``{language: (subject, body)}`` as ``write_announcement`` takes them."""
        data = self.cleaned_data
        return {language: (data[f"subject_{language.replace('-', '_')}"],
                           data[f"body_{language.replace('-', '_')}"])
                for language in LANGUAGES}

    def language_fields(self):
        """``[(language name, [subject field, body field])]`` for the template."""
        return [(LANGUAGE_NAMES[language], [self[f"subject_{language.replace('-', '_')}"],
                                            self[f"body_{language.replace('-', '_')}"]])
                for language in LANGUAGES]


class ScheduleForm(SupportedYearsMixin, forms.Form):
    """A date and a time, read in the program's (the cohort's) time zone."""

    date = forms.DateField(label=_("Date"), widget=IsoDateInput())
    time = forms.TimeField(label=_("Time"), widget=IsoTimeInput())

    def __init__(self, *args, zone_name, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zoneinfo.ZoneInfo(zone_name)
        self.fields["time"].help_text = _("In %(zone)s time.") % {"zone": zone_name}

    def send_at(self):
        """The aware moment typed (``None`` when the form is not valid)."""
        naive = datetime.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        try:
            return in_zone(naive, self.zone)
        except ValidationError as error:
            self.add_error("time", error)
            return None


class PreviewForm(forms.Form):
    """Whom to preview the announcement as: one of its audience."""

    person = forms.TypedChoiceField(label=_("Preview as"), coerce=int, required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [
            (p.user.pk, f"{p.user.get_full_name()} · {p.city.name}") for p in people]
