"""Forms of the assessment pages (the rules are in ``answering.py``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assessment.models import Verdict
from common.uploads import ALLOWED_EXTENSIONS

HOLDS_CHOICES = [("yes", _("Yes, this holds")), ("no", _("No, not yet"))]


class AnswerForm(forms.Form):
    """One checklist item's answer; the page has one per item, each with its prefix."""

    holds = forms.ChoiceField(label=_("Does this hold in your city?"), choices=HOLDS_CHOICES,
                              widget=forms.RadioSelect, required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    link = forms.URLField(label=_("Link to evidence"), required=False, max_length=500,
                          assume_scheme="https")
    file = forms.FileField(
        label=_("File as evidence"), required=False,
        help_text=_("PDF, PNG, JPEG, CSV or XLSX."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(
            f".{ext}" for ext in ALLOWED_EXTENSIONS)}))
    remove_file = forms.BooleanField(label=_("Remove the file"), required=False)

    def holds_value(self):
        value = self.cleaned_data.get("holds")
        return {"yes": True, "no": False}.get(value)

    def is_blank(self):
        """Nothing said about this item (not answered before, nothing typed now)."""
        data = self.cleaned_data
        return not (data.get("holds") or data.get("note") or data.get("link")
                    or data.get("file"))


class ReviewForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Your verdict"), choices=Verdict.choices,
                                widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment for the team"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you question the criterion: say what is missing."))


def add_errors(form, error):
    """Put a domain ``ValidationError`` on the form: at its field, or at the top."""
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)
