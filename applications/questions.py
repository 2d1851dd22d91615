"""A cohort's own application questions: the domain functions staff's pages, the admin and
the demo call to define, word, order, hide and remove them.

The five eligibility rules stay built in (``applications/eligibility.py``); these are the
questions a cohort asks besides. A question's wording (label, help text, choices, in each
language) is versioned: changing it writes a new ``QuestionVersion``, and answers keep the
version they answered. Once an application has answered a question, the question can no
longer be deleted or change its kind; it can be hidden.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from applications.answer_files import FILE_TYPES, MAX_FILE_MB
from applications.question_models import (
    CHOICE_KINDS,
    Question,
    QuestionKind,
    QuestionSection,
    QuestionVersion,
)
from common.inputs import MAX_YEAR, MIN_YEAR
from common.multilingual import LANGUAGES

K = QuestionKind
RULE_FIELDS = ("required", "word_limit", "min_number", "max_number", "min_date", "max_date",
               "file_types", "max_file_mb")
RULES_OF_KIND = {
    K.LONG_TEXT: {"word_limit"},
    K.NUMBER: {"min_number", "max_number"},
    K.DATE: {"min_date", "max_date"},
    K.FILE: {"file_types", "max_file_mb"},
}


def _texts(mapping):
    """``{language: text}`` with blanks and unknown languages dropped."""
    return {language: text.strip() for language, text in (mapping or {}).items()
            if language in LANGUAGES and isinstance(text, str) and text.strip()}


def _wording(wording):
    return {
        "label": _texts(wording.get("label")),
        "help_text": _texts(wording.get("help_text")),
        "choices": [{"value": str(choice["value"]), "label": _texts(choice.get("label"))}
                    for choice in wording.get("choices") or []],
    }


def _check_wording(kind, wording):
    errors = {}
    if not wording["label"]:
        errors["label"] = [_("Write the question in at least one language.")]
    if kind in CHOICE_KINDS:
        if len(wording["choices"]) < 2:
            errors["choices"] = [_("Give at least two choices, one per line.")]
        elif any(not choice["label"] for choice in wording["choices"]):
            errors["choices"] = [_("Every choice needs words in at least one language.")]
    elif wording["choices"]:
        errors["choices"] = [_("Only a question with choices has choices: empty this box "
                               "or choose a kind with choices.")]
    return errors


def _check_rules(kind, rules):
    """Rules that do not apply to ``kind`` are dropped; the others must make sense."""
    kept = RULES_OF_KIND.get(kind, set())
    rules = {name: (rules.get(name) if name in kept or name == "required" else None)
             for name in RULE_FIELDS}
    rules["required"] = bool(rules["required"])
    rules["file_types"] = list(rules["file_types"] or [])
    errors = {}
    low, high = rules["min_number"], rules["max_number"]
    if low is not None and high is not None and low > high:
        errors["max_number"] = [_("The largest number must not be below the smallest.")]
    first, last = rules["min_date"], rules["max_date"]
    for name in ("min_date", "max_date"):
        if rules[name] is not None and not MIN_YEAR <= rules[name].year <= MAX_YEAR:
            errors[name] = [_("Enter a date between the years %(first)s and %(last)s.")
                            % {"first": MIN_YEAR, "last": MAX_YEAR}]
    if first and last and first > last and "max_date" not in errors:
        errors["max_date"] = [_("The latest date must not be before the earliest.")]
    if rules["word_limit"] is not None and rules["word_limit"] < 1:
        errors["word_limit"] = [_("A word limit is at least one word.")]
    if kind == K.FILE:
        if not rules["file_types"] or any(t not in FILE_TYPES for t in rules["file_types"]):
            errors["file_types"] = [_("Choose at least one type of file to accept.")]
        size = rules["max_file_mb"]
        if size is None or not 1 <= size <= MAX_FILE_MB:
            errors["max_file_mb"] = [_("Give the largest file size, from 1 to %(mb)s MB.")
                                     % {"mb": MAX_FILE_MB}]
    return rules, errors


def is_answered(*, question):
    """True once any application has answered ``question``."""
    return question.pk is not None and question.answers.exists()


def _write_version(question, wording, by):
    number = (question.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    question.current = QuestionVersion.objects.create(question=question, number=number,
                                                      created_by=by, **wording)
    question.save(update_fields=["current"])


def _keep_choice_values(previous, choices):
    """Give each choice the value it had before when any of its texts is unchanged (so a
    choice moved or a neighbour removed keeps the answers that chose it); a new choice gets
    a value never used by this question. ``previous``: every version's choices, oldest
    first (the current wording wins)."""
    known = {(language, text): choice["value"] for choice in previous
             for language, text in choice["label"].items()}
    used = {choice["value"] for choice in previous}
    fresh = (str(n) for n in range(1, 10_000) if str(n) not in used)
    kept = []
    for choice in choices:
        value = next((known[item] for item in choice["label"].items() if item in known
                      and known[item] not in kept), None)
        kept.append(value or next(fresh))
    return [dict(choice, value=value) for choice, value in zip(choices, kept, strict=True)]


def _same_wording(version, wording):
    return version is not None and all(getattr(version, key) == value
                                       for key, value in wording.items())


def _next_position(queryset):
    return (queryset.aggregate(last=Max("position"))["last"] or 0) + 1


# --- sections -------------------------------------------------------------------------------

def _section_title(title):
    title = _texts(title)
    if not title:
        raise ValidationError({"title": _("Give the section a title in at least one "
                                          "language.")})
    return title


def add_section(*, cohort, title):
    """A new section at the end of ``cohort``'s questions; ``title`` is ``{language: text}``."""
    return QuestionSection.objects.create(
        cohort=cohort, title=_section_title(title),
        position=_next_position(cohort.question_sections.all()))


def rename_section(*, section, title):
    """Change a section's title (its questions stay as they are)."""
    section.title = _section_title(title)
    section.save(update_fields=["title"])
    return section


# --- questions ------------------------------------------------------------------------------

@transaction.atomic
def add_question(*, section, kind, wording, rules, by=None):
    """A new question at the end of ``section``, with its first wording (version 1).

    ``wording``: ``label`` and ``help_text`` (``{language: text}``) and ``choices``
    (``[{"value", "label": {language: text}}]``, for the kinds with choices). ``rules``:
    ``required`` and the limits of the kind (word limit, number range, date range, file
    types and size). Raises ``ValidationError`` with a message per field.
    """
    if kind not in K.values:
        raise ValidationError({"kind": _("Choose the kind of answer.")})
    wording = _wording(wording)
    rules, errors = _check_rules(kind, rules)
    errors.update(_check_wording(kind, wording))
    if errors:
        raise ValidationError(errors)
    question = Question.objects.create(
        cohort=section.cohort, section=section, kind=kind,
        position=_next_position(section.questions.all()), **rules)
    _write_version(question, wording, by)
    return question


@transaction.atomic
def edit_question(*, question, kind, wording, rules, section=None, by=None):
    """Change a question. New wording becomes a new version (answers keep theirs); the
    kind cannot change once an application answered the question."""
    if kind != question.kind and is_answered(question=question):
        raise ValidationError({"kind": _(
            "Applications have answered this question, so its kind cannot change. Hide it "
            "and add a new question instead.")})
    if kind not in K.values:
        raise ValidationError({"kind": _("Choose the kind of answer.")})
    wording = _wording(wording)
    rules, errors = _check_rules(kind, rules)
    errors.update(_check_wording(kind, wording))
    if section is not None and section.cohort_id != question.cohort_id:
        errors["section"] = [_("Choose a section of this cohort.")]
    if errors:
        raise ValidationError(errors)
    if section is not None and section.pk != question.section_id:
        question.section = section
        question.position = _next_position(section.questions.all())
    question.kind = kind
    for name, value in rules.items():
        setattr(question, name, value)
    question.save()
    if question.current is not None and kind in CHOICE_KINDS:
        earlier = [c for v in question.versions.order_by("number") for c in v.choices]
        wording["choices"] = _keep_choice_values(earlier, wording["choices"])
    if not _same_wording(question.current, wording):
        _write_version(question, wording, by)
    return question


def hide_question(*, question, hidden=True):
    """Stop (or start again) asking ``question``; its answers are kept and still shown."""
    question.hidden = hidden
    question.save(update_fields=["hidden"])
    return question


@transaction.atomic
def delete_question(*, question):
    """Delete a question nobody has answered; an answered one can only be hidden."""
    if is_answered(question=question):
        raise ValidationError(_(
            "Applications have answered this question, so it cannot be deleted: hide it "
            "instead (its answers are kept)."))
    question.current = None
    question.save(update_fields=["current"])
    question.delete()


@transaction.atomic
def move(*, item, step):
    """Move a question within its section (or a section within its cohort) one place up
    (``step=-1``) or down (``step=1``); at either end nothing changes."""
    siblings = (item.section.questions.all() if isinstance(item, Question)
                else item.cohort.question_sections.all())
    ordered = list(siblings.order_by("position", "pk"))
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    target = index + step
    if not 0 <= target < len(ordered):
        return item
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, other in enumerate(ordered, start=1):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position"])
    return item


# --- reading --------------------------------------------------------------------------------

def questions_of(*, cohort, include_hidden=False):
    """``cohort``'s questions in order (section, then position), with section and wording."""
    questions = (Question.objects.filter(cohort=cohort).select_related("section", "current")
                 .order_by("section__position", "section_id", "position", "pk"))
    return list(questions if include_hidden else questions.filter(hidden=False))


def by_section(questions, sections=()):
    """``[(section, [questions])]`` in order; ``sections`` adds the empty ones too."""
    groups = {section.pk: (section, []) for section in sections}
    for question in questions:
        groups.setdefault(question.section_id, (question.section, []))[1].append(question)
    return sorted(groups.values(), key=lambda group: (group[0].position, group[0].pk))
