"""Reading a call transcript: WebVTT and SRT files as video-call tools export them, or plain
text with ``Name: words`` lines, each read into a list of :class:`Cue`.

Nothing here touches the database. A file that cannot be read raises
:class:`TranscriptError` with a message for the person who uploaded it (shown at the
upload field); the caller saves nothing then. The reading is bounded: at most
:data:`MAX_CUES` cues, lines cut at :data:`MAX_LINE` characters, so a hostile file costs
no more than a long call.
"""

import html
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_CUES = 5000
MAX_LINE = 2000
MAX_SPEAKER = 80

#: The kinds of transcript, by how they are read.
WEBVTT, SRT, PLAIN = "webvtt", "srt", "plain"
KINDS_BY_EXTENSION = {".vtt": WEBVTT, ".srt": SRT, ".txt": PLAIN}


class TranscriptError(ValueError):
    """The file is not a transcript this product can read; ``message`` says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Cue:
    """One stretch of speech: seconds from the start of the call (``None`` when the file
    gives no times), who spoke (``""`` when unknown) and what they said."""

    start: float | None
    end: float | None
    speaker: str
    text: str


# --- decoding -------------------------------------------------------------------------------

def decode_transcript(data):
    """The text of an uploaded file (UTF-8, with or without a byte-order mark, UTF-16 with
    one, or Windows-1252 as older tools write it); a file with binary content is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise TranscriptError(_("The file is not readable text.")) from error
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text or _control_share(text) > 0.01:
        raise TranscriptError(_("The file is not a text file."))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_share(text):
    sample = text[:20000]
    if not sample:
        return 0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t")
    return controls / len(sample)


# --- times ----------------------------------------------------------------------------------

_TIME = r"(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")


def _seconds(hours, minutes, seconds, fraction):
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return value + (int(fraction.ljust(3, "0")) / 1000 if fraction else 0)


def _timing(line):
    """``(start, end)`` of a cue timing line, or ``None`` if the line is not one."""
    match = _TIMING.match(line)
    if not match:
        return None
    groups = match.groups()
    start, end = _seconds(*groups[:4]), _seconds(*groups[4:])
    return start, max(start, end)


# --- speakers -------------------------------------------------------------------------------

_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]{1,200})>")
_TAG = re.compile(r"</?[^>]{0,200}>")
_NAMED = re.compile(r"^\s*(?:-\s*)?\[?([^\W\d_][^:\[\]]{0,80}?)\]?\s*:\s+(.*)$")
_BRACKETED = re.compile(r"^\s*\[([^\]]{1,80})\]\s*(.*)$")


_PARTICLES = {"de", "da", "do", "das", "dos", "del", "la", "le", "van", "von", "y", "e"}


def _looks_like_name(name):
    """A speaker's name: one to six words, no digits, each capitalised but the particles
    (``María de la Cruz``), or all in lower case, so that “We agreed on two things: …” is
    not taken for one."""
    words = name.split()
    if not 0 < len(words) <= 6 or any(ch.isdigit() for ch in name):
        return False
    if name == name.lower():  # some tools write names in lower case: a short one is a name
        return len(words) <= 3
    return all(word[0].isupper() or word.lower() in _PARTICLES for word in words)


def _split_speaker(text):
    """``(speaker, words)`` of a line that starts with ``Name:`` or ``[Name]``."""
    for pattern in (_NAMED, _BRACKETED):
        match = pattern.match(text)
        if match and _looks_like_name(match.group(1)):
            return match.group(1).strip(), match.group(2).strip()
    return "", text.strip()


def _clean_payload(lines):
    """The speaker and words of a cue's text lines (voice tags, markup and entities out)."""
    joined = " ".join(line.strip()[:MAX_LINE] for line in lines if line.strip())
    voice = _VOICE.search(joined)
    text = html.unescape(_TAG.sub("", joined)).strip()
    text = re.sub(r"\s+", " ", text)
    if voice:
        return voice.group(1).strip()[:MAX_SPEAKER], text
    return _split_speaker(text)


def _blocks(text):
    block = []
    for line in text.split("\n"):
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _add(cues, cue):
    if len(cues) >= MAX_CUES:
        raise TranscriptError(
            _("The transcript has more than %(count)s cues; split it into shorter calls.")
            % {"count": MAX_CUES}
        )
    cues.append(cue)


# --- WebVTT ---------------------------------------------------------------------------------

def parse_webvtt(text):
    """The cues of a WebVTT file (``WEBVTT`` header; ``NOTE``, ``STYLE`` and ``REGION``
    blocks skipped; a speaker from a ``<v Name>`` tag or a ``Name:`` prefix)."""
    text = text.lstrip("\ufeff")
    if not re.match(r"^WEBVTT(?:[ \t].*)?(?:\n|$)", text):
        raise TranscriptError(_("A WebVTT file must start with the line “WEBVTT”."))
    cues = []
    blocks = list(_blocks(text))
    for number, block in enumerate(blocks[1:] if blocks else [], start=1):
        if block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        lines = block if _timing(block[0]) else block[1:]
        timing = _timing(lines[0]) if lines else None
        if timing is None:
            raise TranscriptError(
                _("Cue %(number)s has no timing line like “00:01:02.000 --> 00:01:05.000”.")
                % {"number": number}
            )
        speaker, words = _clean_payload(lines[1:])
        if words:
            _add(cues, Cue(timing[0], timing[1], speaker, words))
    if not cues:
        raise TranscriptError(_("The file has no cues with words in them."))
    return cues


# --- SRT ------------------------------------------------------------------------------------

def parse_srt(text):
    """The cues of a SubRip (SRT) file: numbered blocks with a ``00:00:01,000 -->
    00:00:04,000`` timing line and a ``Name:`` prefix on the words when the tool wrote one."""
    cues = []
    for number, block in enumerate(_blocks(text.lstrip("\ufeff")), start=1):
        lines = block[1:] if block[0].strip().isdigit() else block
        timing = _timing(lines[0]) if lines else None
        if timing is None:
            raise TranscriptError(
                _("Cue %(number)s has no timing line like “00:01:02,000 --> 00:01:05,000”.")
                % {"number": number}
            )
        speaker, words = _clean_payload(lines[1:])
        if words:
            _add(cues, Cue(timing[0], timing[1], speaker, words))
    if not cues:
        raise TranscriptError(_("The file has no cues with words in them."))
    return cues


# --- plain text -----------------------------------------------------------------------------

_STAMP = re.compile(rf"^\s*\[?{_TIME}\]?\s*[-–]?\s*")


def parse_plain(text):
    """The cues of a plain-text transcript: ``Name: words`` lines, each optionally after a
    time (``[00:12:03] Ana: …``); a line without a name continues the previous speaker.
    Without times, cues have none (the draft estimates the length from the words)."""
    cues = []
    for raw in text.lstrip("\ufeff").split("\n"):
        line = raw.strip()[:MAX_LINE]
        if not line:
            continue
        start = None
        stamp = _STAMP.match(line)
        if stamp and stamp.group(0).strip():
            start = _seconds(*stamp.groups()[:4])
            line = line[stamp.end():]
        speaker, words = _split_speaker(line)
        if speaker and words:
            _add(cues, Cue(start, start, speaker[:MAX_SPEAKER], re.sub(r"\s+", " ", words)))
        elif words and cues:
            last = cues[-1]
            cues[-1] = Cue(last.start, last.end, last.speaker, f"{last.text} {words}"[:20000])
    if not cues:
        raise TranscriptError(
            _("No line of the form “Name: words” was found. Upload a WebVTT (.vtt) or SRT "
              "(.srt) file, or a text file with one “Name: words” line per turn.")
        )
    # A timed line ends when the next one starts.
    for index, cue in enumerate(cues[:-1]):
        following = cues[index + 1].start
        if cue.start is not None and following is not None and following > cue.start:
            cues[index] = Cue(cue.start, following, cue.speaker, cue.text)
    return cues


# --- any of them ----------------------------------------------------------------------------

def transcript_kind(*, file_name, text):
    """Which reader a file needs: by its extension, else by its first line."""
    lowered = (file_name or "").lower()
    for extension, kind in KINDS_BY_EXTENSION.items():
        if lowered.endswith(extension):
            return kind
    head = text.lstrip("\ufeff").lstrip()
    if head.startswith("WEBVTT"):
        return WEBVTT
    first_block = next(_blocks(head), [])
    if any(_timing(line) for line in first_block[:2]):
        return SRT
    return PLAIN


PARSERS = {WEBVTT: parse_webvtt, SRT: parse_srt, PLAIN: parse_plain}


def parse_transcript(*, file_name, text):
    """``(kind, cues)`` of a transcript; raises :class:`TranscriptError`."""
    kind = transcript_kind(file_name=file_name, text=text)
    return kind, PARSERS[kind](text)
