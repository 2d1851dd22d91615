"""Forms of the transcript import: the upload, and the rows of the drafted action items and
requests to the mayor, each of which the coach keeps (ticked) or drops."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coaching.forms import ActionItemForm, MayorRequestForm
from coaching.transcript_import import ALLOWED_EXTENSIONS, max_upload_bytes

MAX_ROWS = 20


class TranscriptUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Transcript of the call"),
        help_text=_("A WebVTT (.vtt) or SRT (.srt) file as video-call tools export them, or "
                    "a text file (.txt) with one “Name: words” line per turn. Only you and "
                    "program staff can read it; it is deleted after the retention period."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_upload_bytes():
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB."),
                params={"size": max(1, max_upload_bytes() // (1024 * 1024))},
            )
        return upload

    def file_bytes(self):
        """The uploaded bytes (bounded by the size checked in ``clean_file``)."""
        upload = self.cleaned_data["file"]
        upload.seek(0)
        return upload.read(max_upload_bytes() + 1)


class KeepMixin:
    """A drafted row: ``keep`` ticked keeps it; a dropped row is not validated at all."""

    def add_keep(self):
        self.fields["keep"] = forms.BooleanField(label=self.keep_label, required=False)
        self.order_fields(["keep"])

    def is_kept(self):
        if not self.is_bound:
            return bool(self.initial.get("keep"))
        return bool(self.data.get(self.add_prefix("keep")))


class DraftedActionForm(KeepMixin, ActionItemForm):
    keep_label = _("Keep this action")

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, owners=owners, optional=True, **kwargs)
        self.add_keep()
        del self.fields["initiative"]

    def clean(self):
        data = super().clean()
        if not (data.get("title") or "").strip() and "title" not in self.errors:
            self.add_error("title", _("Say what needs doing."))
        return data

    def domain_values(self):
        data = dict(self.cleaned_data)
        data.pop("keep", None)
        return data


class DraftedDecisionForm(KeepMixin, MayorRequestForm):
    keep_label = _("Keep this request")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_keep()

    def domain_values(self):
        data = dict(self.cleaned_data)
        data.pop("keep", None)
        return data


def row_count(data, name):
    """How many rows of one kind a posted review carries (bounded)."""
    try:
        return max(0, min(MAX_ROWS, int(data.get(name, 0))))
    except (TypeError, ValueError):
        return 0
