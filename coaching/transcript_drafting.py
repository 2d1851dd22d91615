"""Drafting a check-in from a call's transcript: one function, :func:`draft_checkin`.

It reads the cues (``coaching.transcripts``) and proposes what the coach would otherwise
type: when the call took place and how long it lasted, who attended (speakers matched to
the city's people by name, ``coaching.transcript_names``; unmatched names listed), candidate
action items (a sentence with an owner and a commitment or a date) and candidate decisions
for the mayor. Nothing here is saved or sent: the coach keeps, edits or drops each
proposal, and the confirmation goes through the domain functions of coaching.

The drafting runs with no outside service, by rules of thumb in English, Spanish and
Portuguese. A later version may replace this one function (same ``Transcript`` in, same
``Draft`` out) with a better reader.
"""

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from coaching.transcript_dates import due_date_in
from coaching.transcript_names import Person, first_names, match_speakers, plain_words
from coaching.transcripts import Cue

MAX_MINUTES = 8 * 60
WORDS_PER_MINUTE = 130
DEFAULT_DUE_DAYS = 14
MAX_CANDIDATES = 20
TITLE_MAX = 200
QUESTION_MAX = 300

# Commitments, in the words ``plain_words`` gives (no accents, lower case).
_FIRST_PERSON = re.compile(
    r"\b(i will|i ll|i m going to|i am going to|i can|let me|i ll take|we will|we ll|"
    r"we re going to|we are going to|voy a|vamos a|me encargo|me comprometo|yo me encargo|"
    r"yo lo|lo hago|eu vou|vou|fico de|eu faco|eu mando|eu envio|deixa comigo|dejame)\b"
)
_FIRST_PERSON_FUTURE = re.compile(r"\b\w{2,}(?:aré|eré|iré|aremos|eremos|iremos|arei|erei|irei)\b")
_THIRD_PERSON = re.compile(
    r"\b(will|ll|is going to|can you|could you|va a|se encarga|se compromete|vai|fica de|"
    r"pode|puedes|podes|podrias|poderia|can|could)\b"
)
_THIRD_PERSON_FUTURE = re.compile(r"\b\w{2,}(?:ará|erá|irá)\b")
_SELF = {"i", "yo", "eu", "we", "nosotros", "nos"}
_MAYOR = {"mayor", "alcalde", "alcaldesa", "prefeito", "prefeita"}
_DECIDE = re.compile(
    r"\b(decid\w*|decision\w*|decisao|decisoes|approv\w*|aprob\w*|aprov\w*|sign off|"
    r"sign-off|choose|elegir|escolh\w*|autoriz\w*|authoriz\w*)\b"
)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+")
_FILLER = re.compile(r"^(?:(?:ok|okay|so|and|well|bueno|pues|entonces|y|e|entao|então|"
                     r"vale|certo|right)[,.]?\s+)+", re.IGNORECASE)
_ZOOM_NAME = re.compile(r"GMT(20\d\d)(\d\d)(\d\d)-(\d\d)(\d\d)(\d\d)")
_ISO_MOMENT = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)(?:[ T_](\d\d)[:h.]?(\d\d))?")


@dataclass(frozen=True)
class Transcript:
    """What the drafting reads: the cues, the file's name and first lines (where tools
    write the date), the city's people and time zone, and when it was received."""

    cues: list[Cue]
    people: list[Person]
    received_at: datetime
    zone: object
    file_name: str = ""
    header: str = ""


@dataclass
class ActionCandidate:
    title: str
    owner_id: int | None
    due_on: date
    speaker: str
    date_said: bool


@dataclass
class DecisionCandidate:
    question: str
    deadline: date
    speaker: str


@dataclass
class Draft:
    """A proposed check-in. ``happened_at`` is ``None`` when the transcript does not say;
    ``duration_estimated`` when the length comes from the number of words."""

    happened_at: datetime | None
    duration_minutes: int
    duration_estimated: bool
    attendee_ids: list[int]
    speakers: dict = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)
    action_items: list[ActionCandidate] = field(default_factory=list)
    decisions: list[DecisionCandidate] = field(default_factory=list)


def draft_checkin(transcript):
    """Propose a check-in from ``transcript`` (a :class:`Transcript`); return a
    :class:`Draft`. Pure: reads nothing and saves nothing."""
    speakers = _speakers_in_order(transcript.cues)
    matches = match_speakers(speakers, transcript.people)
    minutes, estimated = _duration(transcript.cues)
    happened_at = _moment(transcript)
    call_day = (happened_at or transcript.received_at).astimezone(transcript.zone).date()
    today = transcript.received_at.astimezone(transcript.zone).date()
    attendees = []
    for person in matches.values():
        if person is not None and person.is_member and person.pk not in attendees:
            attendees.append(person.pk)
    draft = Draft(
        happened_at=happened_at, duration_minutes=minutes, duration_estimated=estimated,
        attendee_ids=attendees, speakers=matches,
        unmatched=[name for name, person in matches.items() if person is None],
    )
    _find_candidates(draft, transcript, matches, call_day=call_day, today=today)
    return draft


def _speakers_in_order(cues):
    seen = []
    for cue in cues:
        if cue.speaker and cue.speaker not in seen:
            seen.append(cue.speaker)
    return seen


def _duration(cues):
    starts = [cue.start for cue in cues if cue.start is not None]
    ends = [cue.end for cue in cues if cue.end is not None]
    if starts and ends and max(ends) > min(starts):
        # Cues may overlap (people talk at once): the call spans first start to last end.
        minutes = math.ceil((max(ends) - min(starts)) / 60)
        return max(1, min(MAX_MINUTES, minutes)), False
    words = sum(len(cue.text.split()) for cue in cues)
    minutes = 5 * math.ceil(words / WORDS_PER_MINUTE / 5)
    return max(5, min(MAX_MINUTES, minutes)), True


def _moment(transcript):
    """When the call started, if the file's name or first lines say (Zoom names its files
    ``GMT20260312-150012_…``, in UTC; an ISO date, with or without a time, is local)."""
    zoom = _ZOOM_NAME.search(transcript.file_name)
    if zoom:
        try:
            return datetime(*(int(part) for part in zoom.groups()), tzinfo=UTC)
        except ValueError:
            pass
    for text in (transcript.file_name, transcript.header):
        iso = _ISO_MOMENT.search(text or "")
        if not iso:
            continue
        year, month, day, hour, minute = iso.groups()
        try:
            moment = datetime.combine(
                date(int(year), int(month), int(day)),
                time(int(hour), int(minute)) if hour else time(12, 0),
            )
        except ValueError:
            continue
        return moment.replace(tzinfo=transcript.zone)
    return None


def _sentences(text):
    for sentence in _SENTENCE.split(text):
        sentence = _FILLER.sub("", sentence.strip())
        if len(sentence.split()) >= 3:
            yield sentence[:1].upper() + sentence[1:]


def _shorten(text, limit):
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _find_candidates(draft, transcript, matches, *, call_day, today):
    named = first_names(transcript.people)
    for cue in transcript.cues:
        speaker = matches.get(cue.speaker)
        for sentence in _sentences(cue.text):
            if len(draft.action_items) + len(draft.decisions) >= 2 * MAX_CANDIDATES:
                return
            words = plain_words(sentence)
            flat = " ".join(words)
            said = due_date_in(sentence, on=call_day)
            due = _due(said, call_day=call_day, today=today)
            if _is_decision(words, flat, sentence):
                if len(draft.decisions) < MAX_CANDIDATES:
                    draft.decisions.append(DecisionCandidate(
                        question=_shorten(sentence, QUESTION_MAX), deadline=due,
                        speaker=cue.speaker,
                    ))
                continue
            owner = _owner(words, flat, sentence, speaker, named, said is not None)
            if owner is not False and len(draft.action_items) < MAX_CANDIDATES:
                draft.action_items.append(ActionCandidate(
                    title=_shorten(sentence, TITLE_MAX),
                    owner_id=owner.pk if owner is not None else None,
                    due_on=due, speaker=cue.speaker, date_said=said is not None,
                ))


def _due(said, *, call_day, today):
    """The date said, or two weeks after the call; never before the day of the upload."""
    due = said or call_day + timedelta(days=DEFAULT_DUE_DAYS)
    return due if due >= today else today + timedelta(days=DEFAULT_DUE_DAYS)


def _is_decision(words, flat, sentence):
    return bool(_MAYOR & set(words)) and bool(
        _DECIDE.search(flat) or sentence.rstrip().endswith("?"))


def _owner(words, flat, sentence, speaker, named, has_date):
    """Who a sentence commits (a :class:`Person`, ``None`` for the speaker when the speaker
    is not one of the city's people), or ``False`` when it commits no one.

    A name followed by a commitment (“Ana will…”, “Ana, can you…”, “Luis vai…”) names its
    owner; then the speaker's own commitments (“I will…”, “voy a…”, “eu vou…”); then a
    name, or the speaker's “I”/“we”, with a date."""
    accented = re.findall(r"[^\W_]+", sentence.lower())
    for index, word in enumerate(words):
        person = named.get(word)
        if person is None:
            continue
        window = " ".join(words[index + 1:index + 4])
        future = " ".join(accented[index + 1:index + 4])
        if _THIRD_PERSON.search(window) or _THIRD_PERSON_FUTURE.search(future):
            return person
    if _FIRST_PERSON.search(flat) or _FIRST_PERSON_FUTURE.search(sentence.lower()):
        return speaker
    if has_date:
        for word in words:
            person = named.get(word)
            if person is not None and person != speaker:
                return person
        if _SELF & set(words):
            return speaker
    return False
