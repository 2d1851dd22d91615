"""The team answers checklist items (with evidence); the coach verifies or questions each
criterion. Each write is one function that checks its rule and raises ``ValidationError``
with a message per field; nothing is saved when a check fails.

- Answers are taken while the assessment is open (its window, from the cohort's dates).
- Changing the answers of a criterion the coach verified sends it back to the coach (the
  verdict is removed); a criterion questioned keeps its question until the coach decides.
- The coach reviews while the assessment is open and up to ``REVIEW_DAYS_AFTER_CLOSE``
  days after it closed; then the assessment is final.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from assessment.models import Answer, Criterion, Item, Review, Verdict
from assessment.results import refresh_summary
from assessment.windows import is_open
from common.uploads import check_upload, original_name, save_on_commit

NOTE_MAX = 2000
COMMENT_MAX = 2000
REVIEW_DAYS_AFTER_CLOSE = 30
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def max_bytes():
    return getattr(settings, "ASSESSMENT_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES)


def _text(value, *, field, max_length, errors):
    value = (value or "").replace("\r\n", "\n").strip()
    if "\x00" in value:
        errors[field] = [_("Null characters are not allowed.")]
    elif len(value) > max_length:
        errors[field] = [_("Keep this under %(n)s characters.") % {"n": max_length}]
    return value


def _item_of(assessment, item_id):
    item = Item.objects.filter(pk=item_id, criterion__area__framework=assessment.framework
                               ).select_related("criterion").first()
    if item is None:
        raise ValidationError({"item": [_("This item is not part of this assessment.")]})
    return item


def _send_back_to_coach(assessment, criterion_id):
    """A verified criterion whose answers changed waits for the coach again."""
    Review.objects.filter(assessment=assessment, criterion_id=criterion_id,
                          verdict=Verdict.VERIFIED).delete()


@transaction.atomic
def answer_item(*, assessment, item_id, holds, by, today, note="", link="", upload=None,
                remove_file=False):
    """Record whether checklist item ``item_id`` holds, with a note, a link and/or a file
    (checked by content and size). Returns the answer."""
    if not is_open(assessment, today):
        raise ValidationError({"holds": [_(
            "This assessment is open from %(opens)s to %(closes)s; answers cannot be "
            "changed outside those dates.") % {"opens": assessment.opens_on,
                                                 "closes": assessment.closes_on}]})
    item = _item_of(assessment, item_id)
    errors = {}
    if holds not in (True, False):
        errors["holds"] = [_("Say whether this holds in your city.")]
    note = _text(note, field="note", max_length=NOTE_MAX, errors=errors)
    link = (link or "").strip()
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            errors["link"] = [_("Enter a full web address (https://…).")]
        if len(link) > 500:
            errors["link"] = [_("Keep this under %(n)s characters.") % {"n": 500}]
    file_type = None
    if upload:
        try:
            file_type = check_upload(upload=upload, limit=max_bytes())
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    answer = Answer.objects.filter(assessment=assessment, item=item).first()
    before = None if answer is None else (answer.holds, answer.note, answer.link,
                                          answer.file.name if answer.file else "")
    if answer is None:
        answer = Answer(assessment=assessment, item=item, holds=holds)
    answer.holds, answer.note, answer.link, answer.answered_by = holds, note, link, by
    old_file = answer.file.name if answer.file else ""
    if upload:
        answer.original_name = original_name(upload)
        answer.content_type, answer.size = file_type.content_type, upload.size
        save_on_commit(answer.file, f"evidence.{file_type.extensions[0]}", upload)
    elif remove_file and old_file:
        answer.file, answer.original_name, answer.content_type, answer.size = "", "", "", 0
    answer.save()
    if old_file and (upload or remove_file):
        storage = answer.file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    after = (answer.holds, answer.note, answer.link, answer.file.name if answer.file else "")
    if after != before:
        _send_back_to_coach(assessment, item.criterion_id)
        refresh_summary(assessment)
    return answer


def may_review(assessment, today):
    """Whether the coach's verdicts can still change (open, or closed for under
    ``REVIEW_DAYS_AFTER_CLOSE`` days)."""
    last = assessment.closes_on + datetime.timedelta(days=REVIEW_DAYS_AFTER_CLOSE)
    return assessment.opens_on <= today <= last


@transaction.atomic
def review_criterion(*, assessment, criterion_id, verdict, comment, by, today):
    """The coach verifies or questions a criterion (a question needs a comment saying what
    is missing). Returns the review."""
    if not may_review(assessment, today):
        raise ValidationError({"verdict": [_("This assessment is final; it can no longer be "
                                             "reviewed.")]})
    criterion = Criterion.objects.filter(pk=criterion_id,
                                         area__framework=assessment.framework).first()
    if criterion is None:
        raise ValidationError({"criterion": [_("This criterion is not part of this "
                                               "assessment.")]})
    errors = {}
    if verdict not in Verdict.values:
        errors["verdict"] = [_("Choose whether you verify or question this criterion.")]
    comment = _text(comment, field="comment", max_length=COMMENT_MAX, errors=errors)
    if verdict == Verdict.QUESTIONED and not comment and "comment" not in errors:
        errors["comment"] = [_("Say what is missing or unclear, so the team can answer.")]
    if errors:
        raise ValidationError(errors)
    review, _created = Review.objects.update_or_create(
        assessment=assessment, criterion=criterion,
        defaults={"verdict": verdict, "comment": comment, "reviewer": by})
    refresh_summary(assessment)
    return review
