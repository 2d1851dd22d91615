"""The forms of the year after: a quarter's update (one row per initiative and per metric)
and the focus area chosen with the coach."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from followon.models import FocusArea
from strategy.models import InitiativeStatus


class QuarterForm(forms.Form):
    """A quarter's update: for each initiative its status, note, evidence link and file; for
    each metric its actual value and a note. Field names carry the row's id
    (``status_<id>``…), the names the domain's errors use."""

    def __init__(self, *args, initiatives, metrics, existing_initiatives, existing_metrics,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative_rows, self.metric_rows = [], []
        status_choices = [("", _("Not recorded")), *InitiativeStatus.choices]
        for initiative in initiatives:
            pk, done = initiative.pk, existing_initiatives.get(initiative.pk)
            self.fields[f"status_{pk}"] = forms.ChoiceField(
                label=_("Status"), choices=status_choices, required=False,
                initial=done.status if done else "")
            self.fields[f"note_{pk}"] = forms.CharField(
                label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                initial=done.note if done else "")
            self.fields[f"link_{pk}"] = forms.CharField(
                label=_("Evidence link"), required=False,
                # a text input: a refused link comes back as typed, still valid HTML
                widget=forms.TextInput(attrs={"inputmode": "url", "placeholder": "https://"}),
                initial=done.evidence_link if done else "")
            self.fields[f"file_{pk}"] = forms.FileField(
                label=_("Evidence file (PDF, PNG, JPEG, CSV or XLSX)"), required=False)
            self.initiative_rows.append((initiative, done, [
                self[f"status_{pk}"], self[f"note_{pk}"], self[f"link_{pk}"],
                self[f"file_{pk}"]]))
        for metric in metrics:
            pk, done = metric.pk, existing_metrics.get(metric.pk)
            self.fields[f"actual_{pk}"] = forms.CharField(
                label=_("Actual value"), required=False,
                initial=done.actual if done else "")
            self.fields[f"mnote_{pk}"] = forms.CharField(
                label=_("Note"), required=False, initial=done.note if done else "")
            self.metric_rows.append((metric, done, [self[f"actual_{pk}"],
                                                    self[f"mnote_{pk}"]]))

    def rows(self, files):
        """``(initiatives, metrics)`` as :func:`followon.updates.record_quarter` takes them."""
        data = self.cleaned_data
        initiatives = {
            initiative.pk: {
                "status": data.get(f"status_{initiative.pk}", ""),
                "note": data.get(f"note_{initiative.pk}", ""),
                "evidence_link": data.get(f"link_{initiative.pk}", ""),
                "evidence_file": files.get(f"file_{initiative.pk}"),
            } for initiative, _done, _fields in self.initiative_rows}
        metrics = {
            metric.pk: {"actual": data.get(f"actual_{metric.pk}", ""),
                        "note": data.get(f"mnote_{metric.pk}", "")}
            for metric, _done, _fields in self.metric_rows}
        return initiatives, metrics


class FocusForm(forms.Form):
    focus_area = forms.ChoiceField(
        label=_("Focus area"), choices=[("", pgettext_lazy("choice", "Choose…")),
                                        *FocusArea.choices])
    focus_other = forms.CharField(
        label=_("If other: the focus area in a few words"), required=False, max_length=200)
    focus_note = forms.CharField(
        label=_("What the city will work on with its coach"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
