"""Reading call transcripts (WebVTT, SRT, plain text) and drafting a check-in from them, in
English, Spanish and Portuguese, with speakers' names spelled unlike the accounts."""

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from coaching.transcript_dates import due_date_in
from coaching.transcript_drafting import Transcript, draft_checkin
from coaching.transcript_names import Person, match_speakers
from coaching.transcripts import (
    Cue,
    TranscriptError,
    decode_transcript,
    parse_plain,
    parse_srt,
    parse_transcript,
    parse_webvtt,
)

FILES = Path(__file__).parent / "transcripts"
MARIA, LUIS, ROSA, CARLA = (
    Person(1, "María José Gutiérrez"), Person(2, "Luis Ortega"), Person(3, "Rosa Díaz"),
    Person(9, "Carla Méndez", is_member=False),
)
PEOPLE = [MARIA, LUIS, ROSA, CARLA]
RECEIVED = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
CHICAGO = ZoneInfo("America/Chicago")


def _draft(name):
    text = decode_transcript((FILES / name).read_bytes())
    kind, cues = parse_transcript(file_name=name, text=text)
    return kind, draft_checkin(Transcript(
        cues=cues, people=PEOPLE, received_at=RECEIVED, zone=CHICAGO, file_name=name,
        header=text[:500],
    ))


# --- parsing --------------------------------------------------------------------------------

def test_webvtt_voice_tags_name_the_speakers_and_overlapping_cues_are_kept():
    cues = parse_webvtt((FILES / "es_teams.vtt").read_text(encoding="utf-8"))
    assert [cue.speaker for cue in cues[:3]] == [
        "Carla Mendez", "MARIA JOSE GUTIERREZ", "Dr. Luis Ortega"]
    assert cues[1].start == 8.0 and cues[0].end == 9.5  # the second starts before the first ends
    assert cues[1].text == "Yo me encargo del inventario. Lo enviaré el viernes a todo el equipo."


def test_webvtt_name_prefixes_markup_and_entities():
    cues = parse_webvtt("WEBVTT\n\nNOTE exported\n\n00:01.000 --> 00:04.500 align:start\n"
                        "Ana Souza: <b>Hello</b> &amp; welcome\n")
    assert cues == [Cue(1.0, 4.5, "Ana Souza", "Hello & welcome")]


def test_srt_with_windows_line_ends():
    text = decode_transcript((FILES / "pt_call.srt").read_bytes())
    cues = parse_srt(text)
    assert [cue.speaker for cue in cues] == [
        "Carla Méndez", "María", "PREFEITA ROSA DIAZ", "Dr Luis"]
    assert cues[-1].end == 55 * 60


def test_plain_text_lines_with_and_without_times():
    cues = parse_plain("Ana: Hello there\nwe agreed on two things: data and people.\n"
                       "[00:01:02] Dr. Bob: I will send it.\n")
    assert cues == [
        Cue(None, None, "Ana", "Hello there we agreed on two things: data and people."),
        Cue(62, 62, "Dr. Bob", "I will send it."),
    ]


@pytest.mark.parametrize(("name", "text", "message"), [
    ("call.vtt", "WEBVTT\n\n1\n00:00:01.000 -> 00:00:04.000\nSam: hello\n", "timing line"),
    ("call.vtt", "Sam: hello\n", "WEBVTT"),
    ("call.vtt", "WEBVTT\n\nNOTE nothing here\n", "no cues"),
    ("call.srt", "1\nnot a time\nSam: hi\n", "timing line"),
    ("call.txt", "just some words without any speaker\n", "Name: words"),
])
def test_a_malformed_file_is_refused_with_a_reason(name, text, message):
    with pytest.raises(TranscriptError) as error:
        parse_transcript(file_name=name, text=text)
    assert message in error.value.message


def test_the_malformed_sample_is_refused():
    with pytest.raises(TranscriptError):
        parse_transcript(file_name="malformed.vtt",
                         text=(FILES / "malformed.vtt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00", bytes(range(256)) * 10])
def test_binary_content_is_not_text(data):
    with pytest.raises(TranscriptError):
        decode_transcript(data)


def test_encodings_tools_write():
    assert decode_transcript("\ufeffAna: olá".encode()) == "Ana: olá"
    assert decode_transcript("Ana: olá".encode("utf-16")) == "Ana: olá"
    assert decode_transcript("Ana: olá\r\n".encode("cp1252")) == "Ana: olá\n"


def test_too_many_cues_is_a_clear_error():
    text = "".join(f"Ana: line {n}\n" for n in range(5001))
    with pytest.raises(TranscriptError, match="more than"):
        parse_plain(text)


def test_the_kind_comes_from_the_extension_or_the_first_line():
    assert parse_transcript(file_name="x", text="WEBVTT\n\n00:01.000 --> 00:02.000\nA: b c\n")[0] \
        == "webvtt"
    assert parse_transcript(file_name="x", text="1\n00:00:01,000 --> 00:00:02,000\nA: b c\n")[0] \
        == "srt"


# --- names ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("speaker", "person"), [
    ("MARIA JOSE GUTIERREZ", MARIA),  # case and accents
    ("maria", MARIA),  # first name only, lower case
    ("María Gutiérrez", MARIA),  # first and last
    ("Dr. Luis Ortega", LUIS),  # a title
    ("Dr Luis", LUIS),
    ("Alcaldesa Rosa", ROSA),
    ("PREFEITA ROSA DIAZ", ROSA),
    ("Carla Mendez", CARLA),
    ("Pedro Invitado", None),
])
def test_speakers_are_matched_despite_spelling(speaker, person):
    assert match_speakers([speaker], PEOPLE)[speaker] == person


def test_a_name_two_people_share_stays_unmatched():
    people = [Person(1, "Ana Souza"), Person(2, "Ana Lima")]
    assert match_speakers(["Ana", "ana lima"], people) == {"Ana": None, "ana lima": people[1]}


# --- dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("I will send it by Friday.", date(2026, 3, 6)),
    ("Lo enviaré el viernes.", date(2026, 3, 6)),
    ("Eu vou enviar até sexta-feira.", date(2026, 3, 6)),
    ("Para el 15 de marzo.", date(2026, 3, 15)),
    ("Até 1 de março.", date(2027, 3, 1)),  # past this year: next year's
    ("By March 20.", date(2026, 3, 20)),
    ("Next week, please.", date(2026, 3, 9)),
    ("La semana que viene.", date(2026, 3, 9)),
    ("By the end of the month.", date(2026, 3, 31)),
    ("Em 2 semanas.", date(2026, 3, 16)),
    ("On 2026-04-01.", date(2026, 4, 1)),
    ("Mañana.", date(2026, 3, 3)),
    ("No date here.", None),
    ("May I speak?", None),
])
def test_dates_said_in_three_languages(sentence, expected):
    assert due_date_in(sentence, on=date(2026, 3, 2)) == expected


# --- the draft ------------------------------------------------------------------------------

def test_a_spanish_call_becomes_a_draft():
    kind, draft = _draft("es_teams.vtt")
    assert kind == "webvtt"
    assert draft.happened_at == datetime(2026, 3, 2, 15, 0, tzinfo=CHICAGO)  # its NOTE line
    assert draft.duration_minutes == 46 and not draft.duration_estimated  # 0:01 to 45:10
    assert draft.attendee_ids == [MARIA.pk, LUIS.pk, ROSA.pk]  # the coach is no attendee
    assert draft.unmatched == ["Pedro Invitado"]
    assert [(item.title, item.owner_id, item.due_on) for item in draft.action_items] == [
        ("Yo me encargo del inventario.", MARIA.pk, date(2026, 3, 16)),
        ("Lo enviaré el viernes a todo el equipo.", MARIA.pk, date(2026, 3, 6)),
        ("Voy a preparar la política de datos abiertos para el 15 de marzo.", LUIS.pk,
         date(2026, 3, 15)),
    ]
    assert [(d.question, d.deadline) for d in draft.decisions] == [(
        "Necesitamos que la alcaldesa decida si publicamos los datos de 311 antes del 30 de "
        "abril.", date(2026, 4, 30))]


def test_an_english_call_names_owners_by_first_name():
    _kind, draft = _draft("en_zoom.vtt")
    assert draft.happened_at is None  # the file does not say
    assert draft.duration_minutes == 30
    assert draft.unmatched == ["Unknown Guest"]
    assert [(item.owner_id, item.due_on) for item in draft.action_items] == [
        (MARIA.pk, date(2026, 3, 20)),  # "I will …" said by maria
        (MARIA.pk, date(2026, 3, 10)),  # "Maria, can you … next week?" said by Luis
    ]
    assert [d.question for d in draft.decisions] == [
        "We need the mayor to decide whether to approve the open data policy."]
    assert draft.decisions[0].deadline == date(2026, 3, 17)  # none said: two weeks on


def test_a_portuguese_call():
    kind, draft = _draft("pt_call.srt")
    assert kind == "srt"
    assert sorted(draft.attendee_ids) == [MARIA.pk, LUIS.pk, ROSA.pk]
    assert draft.unmatched == []
    assert [(item.owner_id, item.due_on) for item in draft.action_items] == [
        (MARIA.pk, date(2026, 3, 6)), (LUIS.pk, date(2026, 3, 17))]
    assert len(draft.decisions) == 1


def test_a_plain_transcript_and_a_zoom_file_name():
    _kind, draft = _draft("plain_en.txt")
    assert draft.duration_minutes == 9
    assert [(item.owner_id, item.due_on) for item in draft.action_items] == [
        (LUIS.pk, date(2026, 3, 31))]
    cues = parse_plain("Ana: hello\n")
    zoom = draft_checkin(Transcript(cues=cues, people=PEOPLE, received_at=RECEIVED,
                                    zone=CHICAGO, file_name="GMT20260302-150012_Recording.vtt"))
    assert zoom.happened_at == datetime(2026, 3, 2, 15, 0, 12, tzinfo=UTC)
    assert zoom.duration_estimated and zoom.duration_minutes == 5


def test_a_date_already_past_is_moved_after_the_upload():
    cues = [Cue(0, 60, "Luis Ortega", "I will send it by Friday.")]
    draft = draft_checkin(Transcript(cues=cues, people=PEOPLE, received_at=RECEIVED,
                                     zone=CHICAGO, file_name="call 2026-02-02.vtt"))
    assert draft.action_items[0].due_on == date(2026, 3, 17)
