"""A cohort's rubric: criteria with weights and a 1–5 scale described level by level, in
English, Spanish and Portuguese (``common.multilingual``).

A criterion a review has scored cannot be removed (the scores point at it): hide it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from common.multilingual import LANGUAGES, in_language, texts_of
from reviews.models import LEVELS, Criterion, Score


def rubric_of(*, cohort, with_hidden=False):
    """The cohort's criteria in order (the hidden ones too when ``with_hidden``)."""
    criteria = Criterion.objects.filter(cohort=cohort)
    return criteria if with_hidden else criteria.filter(hidden=False)


def level_texts(criterion, level):
    """``{language: text}`` describing ``level`` (1–5) of ``criterion``."""
    return dict((criterion.levels or {}).get(str(level)) or {})


def describe(criterion, reader=None):
    """The criterion in the reader's language: ``{"name", "levels": [(n, text)…]}``."""
    return {
        "name": in_language(texts_of(criterion, "name"), reader, default=str(criterion)),
        "levels": [(level, in_language(level_texts(criterion, level), reader))
                   for level in LEVELS],
    }


def _check(names, levels, weight):
    errors = {}
    if not any((names.get(language) or "").strip() for language in LANGUAGES):
        errors["name_en"] = _("Name the criterion in at least one language.")
    missing = [str(level) for level in LEVELS
               if not any((levels.get(str(level), {}).get(lang) or "").strip()
                          for lang in LANGUAGES)]
    if missing:
        errors["levels"] = _("Describe every level from 1 to 5 in at least one language "
                             "(missing: %(levels)s).") % {"levels": ", ".join(missing)}
    if weight is None or not 1 <= int(weight) <= 100:
        errors["weight"] = _("Give the criterion a weight from 1 to 100.")
    if errors:
        raise ValidationError(errors)


def _clean_levels(levels):
    return {str(level): {lang: text.strip() for lang, text in
                         (levels.get(str(level)) or {}).items() if (text or "").strip()}
            for level in LEVELS}


@transaction.atomic
def add_criterion(*, cohort, names, levels, weight):
    """Add a criterion at the end of the cohort's rubric.

    ``names``: ``{language: name}``; ``levels``: ``{"1".."5": {language: description}}``.
    Refused without a name, without a description of each level, or with a weight outside
    1–100.
    """
    _check(names, levels, weight)
    last = Criterion.objects.filter(cohort=cohort).aggregate(last=Max("order"))["last"]
    criterion = Criterion(cohort=cohort, weight=int(weight), levels=_clean_levels(levels),
                          order=(last or 0) + 1)
    for language in LANGUAGES:
        setattr(criterion, f"name_{language.replace('-', '_')}",
                (names.get(language) or "").strip())
    criterion.save()
    return criterion


@transaction.atomic
def change_criterion(*, criterion, names, levels, weight, hidden=False):
    """Change a criterion's texts, weight, or whether it is hidden (same checks as adding).

    Scores already given keep their value; a new weight applies to the ranking at once.
    """
    _check(names, levels, weight)
    criterion.weight = int(weight)
    criterion.levels = _clean_levels(levels)
    criterion.hidden = bool(hidden)
    for language in LANGUAGES:
        setattr(criterion, f"name_{language.replace('-', '_')}",
                (names.get(language) or "").strip())
    criterion.save()
    return criterion


def is_scored(criterion):
    """True once a review has given this criterion a score."""
    return Score.objects.filter(criterion=criterion, value__isnull=False).exists()


@transaction.atomic
def remove_criterion(*, criterion):
    """Remove a criterion no review has scored. Refused once scored: hide it instead."""
    if is_scored(criterion):
        raise ValidationError(_(
            "“%(criterion)s” has been scored in a review, so it cannot be removed. Hide it "
            "instead: it is then no longer scored and no longer counts.")
            % {"criterion": criterion})
    Score.objects.filter(criterion=criterion).delete()  # empty drafts only
    criterion.delete()
