"""The feedback form parses input; ``feedback.answers.give_feedback`` decides."""

from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.models import COMMENT_MAX

RATING_CHOICES = [
    (5, _("5 — Excellent")),
    (4, _("4 — Good")),
    (3, _("3 — Fair")),
    (2, _("2 — Poor")),
    (1, _("1 — Very poor")),
]


def apply_errors(form, error):
    """Put a domain ``ValidationError`` on the form: at its field, or on the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How would you rate this session?"), choices=RATING_CHOICES, coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 (very poor) to 5 (excellent)."),
                        "invalid_choice": _("Choose a rating from 1 (very poor) to 5 "
                                            "(excellent).")},
    )
    most_useful = forms.CharField(
        label=_("What was most useful? (optional)"), required=False, max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    to_change = forms.CharField(
        label=_("What should we change? (optional)"), required=False, max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
