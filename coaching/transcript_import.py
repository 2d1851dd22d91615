"""A coaching call becomes a check-in: the coach uploads the call's transcript, the product
drafts a check-in from it, the coach keeps, edits or drops each proposal and confirms.

The transcript is kept for the coach and program staff only, for
``TRANSCRIPT_RETENTION_DAYS`` (30 by default), then deleted by a daily task. Nothing else is
saved before the coach's confirmation, which goes through the check-in, action item and
key-moment domain functions (their rules, history and notifications apply unchanged).
Who may do this is checked at the door (``can_import_transcript``).
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from cities.people import coaches_of, members_of
from coaching import actions, checkins, key_moments
from coaching.models import CallTranscript
from coaching.transcript_drafting import Transcript, draft_checkin
from coaching.transcript_names import Person
from coaching.transcripts import TranscriptError, decode_transcript, parse_transcript

ALLOWED_EXTENSIONS = (".vtt", ".srt", ".txt")
HEADER_CHARS = 600


class ItemsRefused(ValidationError):
    """Some action items or requests to the mayor were refused (nothing was saved):
    ``by_item`` maps ``"action-<n>"`` / ``"decision-<n>"`` to the domain's refusal."""

    def __init__(self, by_item):
        super().__init__(_("Fix the items below; nothing was saved."))
        self.by_item = by_item


def max_upload_bytes():
    return settings.TRANSCRIPT_MAX_BYTES


def retention_days():
    return settings.TRANSCRIPT_RETENTION_DAYS


def read_upload(*, file_name, data):
    """``(kind, text, cues)`` of an uploaded file, or ``ValidationError`` on ``file`` saying
    why it cannot be read (wrong extension, too large, not text, not a transcript)."""
    if not (file_name or "").lower().endswith(ALLOWED_EXTENSIONS):
        raise ValidationError({"file": _(
            "Upload a WebVTT (.vtt), SRT (.srt) or plain text (.txt) transcript.")})
    if len(data) > max_upload_bytes():
        raise ValidationError({"file": _("The file is larger than %(size)s MB.") % {
            "size": max(1, max_upload_bytes() // (1024 * 1024))}})
    try:
        text = decode_transcript(data)
        kind, cues = parse_transcript(file_name=file_name, text=text)
    except TranscriptError as error:
        raise ValidationError({"file": error.message}) from error
    return kind, text, cues


def upload_transcript(*, city, by, file_name, data):
    """Keep an uploaded call transcript of ``city`` (private to its coach and staff) once
    it reads as one; return it. A file that does not read is refused and nothing is saved."""
    kind, text, _cues = read_upload(file_name=file_name, data=data)
    return CallTranscript.objects.create(
        city=city, uploaded_by=by, file_name=_printable(file_name)[-200:], kind=kind, text=text,
    )


def _printable(name):
    """The file's name without control characters (a NUL cannot be stored by PostgreSQL)."""
    return "".join(ch for ch in name if ch.isprintable()) or "transcript"


def city_people(*, city):
    """The people a speaker may be: the city's team (possible attendees) and its coaches."""
    members = [Person(user.pk, user.get_full_name()) for user in members_of(city)]
    member_ids = {person.pk for person in members}
    coaches = [Person(user.pk, user.get_full_name(), is_member=False)
               for user in coaches_of(city) if user.pk not in member_ids]
    return members + coaches


def draft_from(*, transcript, now=None):
    """The drafted check-in of a kept transcript (:func:`draft_checkin`)."""
    _kind, cues = parse_transcript(file_name=transcript.file_name, text=transcript.text)
    return draft_checkin(Transcript(
        cues=cues, people=city_people(city=transcript.city),
        received_at=now or timezone.now(), zone=ZoneInfo(transcript.city.time_zone),
        file_name=transcript.file_name, header=transcript.text[:HEADER_CHARS],
    ))


@transaction.atomic
def confirm_transcript_checkin(*, transcript, by, values, attendee_ids, action_items=(),
                               decisions=()):
    """Log the check-in the coach confirmed from ``transcript``, with the action items
    (``[{title, owner, due_on, details}]``) and the requests to the mayor (``[{question,
    deadline, context}]``) the coach kept; return the check-in.

    All or nothing: a refused check-in raises its ``ValidationError``, refused items raise
    :class:`ItemsRefused`, and nothing is saved.
    """
    if transcript.checkin_id is not None:
        raise ValidationError(_("A check-in was already saved from this transcript."))
    city = transcript.city
    checkin = checkins.log_checkin(
        city=city, by=by, values=values, attendee_ids=attendee_ids)
    errors = {}
    for index, item in enumerate(action_items):
        try:
            actions.create_action_item(city=city, by=by, checkin=checkin, **item)
        except ValidationError as error:
            errors[f"action-{index}"] = error
    for index, decision in enumerate(decisions):
        try:
            key_moments.request_mayor_decision(city=city, by=by, **decision)
        except ValidationError as error:
            errors[f"decision-{index}"] = error
    if errors:
        raise ItemsRefused(errors)
    transcript.checkin = checkin
    transcript.save(update_fields=["checkin"])
    return checkin


def discard_transcript(*, transcript):
    """Delete a transcript now (the coach need not wait for the retention)."""
    transcript.delete()


def delete_expired_transcripts(*, now=None):
    """Delete every city's transcripts uploaded more than ``TRANSCRIPT_RETENTION_DAYS``
    ago; return how many. Run daily by Celery beat (scopes off: every city)."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    with scopes_disabled():
        _total, by_model = CallTranscript.objects.filter(created_at__lt=cutoff).delete()
    return by_model.get(CallTranscript._meta.label, 0)
