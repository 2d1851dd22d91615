"""The application form: the applicant's answers, the proposed team and the letter."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import SENIOR_TEAM_ROLES, time_zone_choices
from applications.answer_fields import add_question_fields, clean_question_fields
from applications.answers import stored_answers
from applications.models import Application
from applications.questions import questions_of

TEAM_ROWS = 5  # one more than the largest team, so that a team of 5 is refused, not lost
LETTER_MAX_BYTES = 5 * 1024 * 1024
TEAM_ROLE_CHOICES = [("", _("— role —"))] + [(r.value, r.label) for r in SENIOR_TEAM_ROLES]


def validate_letter(upload):
    """A PDF (judged by its first bytes, not its name) of at most 5 MB."""
    if upload.size > LETTER_MAX_BYTES:
        raise ValidationError(_("The letter is too large: the limit is 5 MB."))
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("The letter must be a PDF file."))


class ApplicationForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)

    class Meta:
        model = Application
        fields = [
            "city_name", "country", "region", "time_zone", "population", "population_source",
            "population_year", "has_cdo", "cdo_name", "cdo_title", "cdo_email",
            "no_cdo_statement", "monthly_commitment_hours", "mayor_name", "mayor_email",
            "mayor_commits_to_convening", "priorities", "data_foundations", "letter",
        ]
        widgets = {
            "priorities": forms.Textarea(attrs={"rows": 4}),
            "data_foundations": forms.Textarea(attrs={"rows": 4}),
            "no_cdo_statement": forms.Textarea(attrs={"rows": 2}),
            "letter": forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
            "monthly_commitment_hours": forms.NumberInput(attrs={"step": "0.5", "min": "0"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        team = list(self.instance.team or [])
        for i in range(TEAM_ROWS):
            member = team[i] if i < len(team) else {}
            self.fields[f"team_{i}_name"] = forms.CharField(
                label=_("Name"), required=False, max_length=200, initial=member.get("name"))
            self.fields[f"team_{i}_email"] = forms.EmailField(
                label=_("E-mail"), required=False, initial=member.get("email"))
            self.fields[f"team_{i}_role"] = forms.ChoiceField(
                label=_("Role"), required=False, choices=TEAM_ROLE_CHOICES,
                initial=member.get("role"))
        self.fields["population"].widget.attrs["min"] = "0"
        self.question_sections, self.answers = [], {}
        if self.instance.cohort_id:  # the cohort's own questions, after the built-in fields
            self.question_sections = add_question_fields(
                self, questions=questions_of(cohort=self.instance.cohort),
                answers=stored_answers(application=self.instance))

    def team_rows(self):
        return [
            {"number": i + 1, "fields": [self[f"team_{i}_{part}"]
                                         for part in ("name", "email", "role")]}
            for i in range(TEAM_ROWS)
        ]

    def clean_letter(self):
        letter = self.cleaned_data.get("letter")
        if letter and hasattr(letter, "content_type"):  # a new upload, not the stored file
            validate_letter(letter)
        return letter

    def clean(self):
        """Drafts are loose: a half-filled team row is kept as it is (submission, in
        ``applications.lifecycle.submit_application``, refuses it with a message)."""
        cleaned = super().clean()
        team, self.incomplete_rows = [], []
        for i in range(TEAM_ROWS):
            name = (cleaned.get(f"team_{i}_name") or "").strip()
            email = (cleaned.get(f"team_{i}_email") or "").strip().lower()
            role = cleaned.get(f"team_{i}_role") or ""
            if not (name or email or role):
                continue
            if not (name and email and role):
                self.incomplete_rows.append(i)
            team.append({"name": name, "email": email, "role": role})
        emails = [m["email"] for m in team if m["email"]]
        if len(emails) != len(set(emails)):
            self.add_error(None, _("Each team member needs their own e-mail address."))
        self.instance.team = team
        self.answers = clean_question_fields(self)
        return cleaned

    def mark_incomplete_rows(self):
        """Put a message at each half-filled team row (when a submission is refused)."""
        for i in getattr(self, "incomplete_rows", []):
            self.add_error(f"team_{i}_name", _(
                "Give this team member's name, e-mail and role, or leave the row empty."))
