"""Staff's forms for a cohort's own questions: a section's titles, a question's kind, rules
and wording in each language (choices one per line, the same lines in each language)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.answer_files import FILE_TYPE_CHOICES, MAX_FILE_MB
from applications.question_models import QuestionKind, QuestionSection
from common.date_inputs import IsoDateInput
from common.inputs import SupportedYearsMixin
from common.multilingual import LANGUAGES, suffix

LANGUAGE_NAMES = {"en": _("English"), "es": _("Spanish"), "pt-br": _("Portuguese")}
LANGUAGE_CHOICES = [(language, LANGUAGE_NAMES[language]) for language in LANGUAGES]
RULES = ["required", "word_limit", "min_number", "max_number", "min_date", "max_date",
         "file_types", "max_file_mb"]


def apply_errors(form, error, aliases=None):
    """Put a domain ``ValidationError`` on the form: at its field (``aliases`` maps a domain
    key to a field, e.g. ``label`` → ``label_en``), or on the form."""
    aliases = aliases or {}
    if hasattr(error, "error_dict"):
        for key, errors in error.error_dict.items():
            name = aliases.get(key, key)
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class SectionForm(forms.Form):
    """A section's title in each language (at least one)."""

    def __init__(self, *args, section=None, **kwargs):
        super().__init__(*args, **kwargs)
        title = section.title if section else {}
        for language in LANGUAGES:
            self.fields[f"title_{suffix(language)}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": LANGUAGE_NAMES[language]},
                max_length=200, required=False, initial=title.get(language, ""))

    def title(self):
        return {language: self.cleaned_data[f"title_{suffix(language)}"]
                for language in LANGUAGES}


class QuestionForm(SupportedYearsMixin, forms.Form):
    """A question: its section and kind, its wording per language and its rules."""

    section = forms.ModelChoiceField(label=_("Section"), queryset=QuestionSection.objects.none(),
                                     empty_label=None)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=QuestionKind.choices)
    required = forms.BooleanField(label=_("Required to submit"), required=False)
    word_limit = forms.IntegerField(label=_("Word limit (long text)"), required=False,
                                    min_value=1, max_value=100_000)
    min_number = forms.DecimalField(label=_("Smallest number (number)"), required=False,
                                    max_digits=14, decimal_places=2)
    max_number = forms.DecimalField(label=_("Largest number (number)"), required=False,
                                    max_digits=14, decimal_places=2)
    min_date = forms.DateField(label=_("Earliest date (date)"), required=False,
                               widget=IsoDateInput())
    max_date = forms.DateField(label=_("Latest date (date)"), required=False,
                               widget=IsoDateInput())
    file_types = forms.MultipleChoiceField(
        label=_("Accepted file types (file upload)"), required=False,
        choices=FILE_TYPE_CHOICES, widget=forms.CheckboxSelectMultiple)
    max_file_mb = forms.IntegerField(
        label=_("Largest file in MB (file upload)"), required=False, min_value=1,
        max_value=MAX_FILE_MB)

    def __init__(self, *args, cohort, question=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = cohort.question_sections.order_by("position", "pk")
        version = question.current if question else None
        for language in LANGUAGES:
            name = LANGUAGE_NAMES[language]
            self.fields[f"label_{suffix(language)}"] = forms.CharField(
                label=_("Question (%(language)s)") % {"language": name}, max_length=500,
                required=False)
            self.fields[f"help_{suffix(language)}"] = forms.CharField(
                label=_("Help text (%(language)s)") % {"language": name}, max_length=2000,
                required=False, widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"choices_{suffix(language)}"] = forms.CharField(
                label=_("Choices (%(language)s), one per line") % {"language": name},
                max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4}))
        if question is not None:
            self.initial.update({"section": question.section_id, "kind": question.kind,
                                 **{rule: getattr(question, rule) for rule in RULES}})
        if version is not None:
            for language in LANGUAGES:
                self.initial[f"label_{suffix(language)}"] = version.label.get(language, "")
                self.initial[f"help_{suffix(language)}"] = version.help_text.get(language, "")
                self.initial[f"choices_{suffix(language)}"] = "\n".join(
                    choice["label"].get(language, "") for choice in version.choices)

    def language_fields(self):
        """``[(language name, [label, help, choices fields])]`` for the template."""
        return [(LANGUAGE_NAMES[language],
                 [self[f"{part}_{suffix(language)}"] for part in ("label", "help", "choices")])
                for language in LANGUAGES]

    def rule_fields(self):
        return [self[name] for name in RULES if name not in ("required", "file_types")]

    def clean(self):
        cleaned = super().clean()
        counts = {language: len(_lines(cleaned.get(f"choices_{suffix(language)}")))
                  for language in LANGUAGES}
        written = {count for count in counts.values() if count}
        if len(written) > 1:
            for language, count in counts.items():
                if count and count != max(written):
                    self.add_error(f"choices_{suffix(language)}", _(
                        "Give the same choices, in the same order, in each language "
                        "(one language has %(most)s lines, this one %(count)s).")
                        % {"most": max(written), "count": count})
        return cleaned

    def wording(self):
        """``{label, help_text, choices}`` as ``add_question``/``edit_question`` take them."""
        data = self.cleaned_data
        lines = {language: _lines(data.get(f"choices_{suffix(language)}"))
                 for language in LANGUAGES}
        count = max(len(found) for found in lines.values())
        return {
            "label": {language: data.get(f"label_{suffix(language)}", "")
                      for language in LANGUAGES},
            "help_text": {language: data.get(f"help_{suffix(language)}", "")
                          for language in LANGUAGES},
            "choices": [{"value": str(number + 1),
                         "label": {language: found[number] for language, found in lines.items()
                                   if number < len(found)}}
                        for number in range(count)],
        }

    def rules(self):
        return {rule: self.cleaned_data.get(rule) for rule in RULES}


ALIASES = {"label": "label_en", "choices": "choices_en", "title": "title_en"}
