from django import forms
from django.utils.translation import gettext_lazy as _

from assignments.defining import MAX_INSTRUCTIONS, MAX_TITLE
from assignments.handing_in import MAX_COMMENT, MAX_TEXT
from assignments.models import Decision
from common.date_inputs import IsoDateInput
from common.inputs import SupportedYearsMixin
from common.uploads import ACCEPT
from curriculum.models import Module


def add_errors(form, error):
    """Put a domain ``ValidationError`` on the form: at its field, or at the top."""
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


class DraftForm(forms.Form):
    text = forms.CharField(
        label=_("What the team did"), required=False, max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("How you applied it in your city: what you did, who took part, what "
                    "came of it. Save a draft as often as you like."),
    )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"), required=False,
        help_text=_("PDF, PNG, JPEG, CSV or XLSX, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    url = forms.URLField(
        label=_("Or a link"), required=False, max_length=500, assume_scheme="https",
        help_text=_("A public page, dashboard or shared document."),
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your review"), widget=forms.RadioSelect,
        choices=[(Decision.ACCEPTED, _("Accept: the assignment is done")),
                 (Decision.REVISE, _("Ask for a revision"))],
    )
    comment = forms.CharField(
        label=_("Comment for the team"), required=False, max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you ask for a revision: say what to change."),
    )


class StaffAssignmentForm(SupportedYearsMixin, forms.Form):
    """Staff's form of a curriculum assignment (``assignments.defining``)."""

    module = forms.ModelChoiceField(label=_("Module"), queryset=Module.objects.none(),
                                    empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    instructions = forms.CharField(
        label=_("Instructions for the city's team"), required=False,
        max_length=MAX_INSTRUCTIONS, widget=forms.Textarea(attrs={"rows": 6}))
    due_on = forms.DateField(label=_("Due on"), widget=IsoDateInput())

    def __init__(self, *args, assignment=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = Module.objects.select_related("pillar").order_by(
            "pillar__order", "order", "title")
        if assignment is not None:
            self.initial.update({name: getattr(assignment, name) for name in
                                 ("title", "instructions", "due_on")}
                                | {"module": assignment.module_id})
