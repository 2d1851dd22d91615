"""A cohort's own questions: versioned wording, answers that survive it, the rules that keep
answered questions, and each kind's validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from applications.answers import NewFile, answers_of, clean_answer, record_answers
from applications.question_models import Answer, Question, QuestionVersion
from applications.questions import delete_question, edit_question, hide_question, move
from tests import factories
from tests.applications.question_world import add_every_kind, words

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def asked(db):
    cohort = factories.OpenCohortFactory()
    return cohort, add_every_kind(cohort)


def _answer(question, value):
    application = factories.ApplicationFactory(cohort=question.cohort)
    record_answers(application=application,
                   answers={question: clean_answer(question=question, value=value)})
    return application


def _wording(question, **changes):
    version = question.current
    return {"label": version.label, "help_text": version.help_text,
            "choices": version.choices} | changes


def _rules(question):
    return {name: getattr(question, name) for name in (
        "required", "word_limit", "min_number", "max_number", "min_date", "max_date",
        "file_types", "max_file_mb")}


def test_a_question_with_answers_cannot_be_deleted_or_retyped_but_can_be_hidden(asked):
    _cohort, questions = asked
    question = questions["short_text"]
    _answer(question, "Innovation office")
    with pytest.raises(ValidationError, match="cannot be deleted"):
        delete_question(question=question)
    with pytest.raises(ValidationError, match="kind cannot change"):
        edit_question(question=question, kind="long_text", wording=_wording(question),
                      rules=_rules(question))
    question.refresh_from_db()
    assert question.kind == "short_text"
    hide_question(question=question)
    assert Question.objects.get(pk=question.pk).hidden
    assert Answer.objects.filter(question=question).count() == 1


def test_an_unanswered_question_can_be_deleted_and_retyped(asked):
    _cohort, questions = asked
    question = questions["link"]
    edit_question(question=question, kind="short_text", wording=_wording(question),
                  rules=_rules(question))
    assert Question.objects.get(pk=question.pk).kind == "short_text"
    delete_question(question=question)
    assert not Question.objects.filter(pk=question.pk).exists()


def test_answers_survive_a_change_of_wording_and_show_the_words_the_applicant_saw(asked):
    _cohort, questions = asked
    question = questions["single_choice"]
    application = _answer(question, "2")
    edit_question(question=question, kind=question.kind,
                  wording=_wording(question, label=words("Main focus"),
                                   choices=[{"value": "1", "label": words("Homes")},
                                            {"value": "2", "label": words("Buses")}]),
                  rules=_rules(question))
    question.refresh_from_db()
    assert question.current.number == 2
    assert QuestionVersion.objects.filter(question=question).count() == 2
    answer = Answer.objects.get(application=application, question=question)
    assert answer.version.number == 1
    [(_title, [shown])] = answers_of(application=application)
    assert (shown.label, shown.text) == ("Focus", "Transit")
    buses = next(c["value"] for c in question.current.choices if c["label"]["en"] == "Buses")
    later = _answer(question, buses)
    [(_title, [shown])] = answers_of(application=later)
    assert (shown.label, shown.text) == ("Main focus", "Buses")


def test_the_same_wording_saved_again_is_not_a_new_version(asked):
    _cohort, questions = asked
    question = questions["number"]
    edit_question(question=question, kind="number", wording=_wording(question),
                  rules=_rules(question) | {"required": True})
    question.refresh_from_db()
    assert (question.current.number, question.required) == (1, True)


def test_moving_a_question_swaps_it_with_its_neighbour(asked):
    cohort, questions = asked
    move(item=questions["long_text"], step=-1)
    first = Question.objects.filter(section=questions["short_text"].section)
    assert list(first.order_by("position"))[:2] == [questions["long_text"],
                                                   questions["short_text"]]
    move(item=questions["long_text"], step=-1)  # already first: nothing changes
    assert list(first.order_by("position"))[0] == questions["long_text"]


GOOD = [
    ("short_text", "  Data office  ", "Data office"),
    ("long_text", "one two three four five", "one two three four five"),
    ("number", "12.5", 12.5),
    ("number", 7, 7),
    ("yes_no", "yes", True),
    ("yes_no", False, False),
    ("single_choice", "3", "3"),
    ("multiple_choice", ["3", "1"], ["1", "3"]),
    ("date", "2026-06-30", "2026-06-30"),
    ("link", "https://data.example.org/portal", "https://data.example.org/portal"),
]
BAD = [
    ("short_text", "x" * 501, "500 characters"),
    ("long_text", "one two three four five six", "5 words"),
    ("number", "many", "Enter a number"),
    ("number", "51", "from 0 to 50"),
    ("number", "-1", "from 0 to 50"),
    ("number", "1e999", "Enter a number"),
    ("yes_no", "maybe", "yes or no"),
    ("single_choice", "9", "Choose from the choices"),
    ("multiple_choice", ["1", "9"], "Choose from the choices"),
    ("date", "30/06/2026", "YYYY-MM-DD"),
    ("date", "2025-12-31", "from"),
    ("date", "0001-01-01", "between the years"),
    ("link", "javascript:alert(1)", "http"),
    ("link", "ftp://files.example.org/", "http"),
    ("file", "not a file", "Upload a file"),
]


@pytest.mark.parametrize(("kind", "value", "stored"), GOOD)
def test_each_kind_accepts_good_answers(asked, kind, value, stored):
    _cohort, questions = asked
    assert clean_answer(question=questions[kind], value=value) == stored


@pytest.mark.parametrize(("kind", "value", "message"), BAD)
def test_each_kind_refuses_bad_answers_with_a_message(asked, kind, value, message):
    _cohort, questions = asked
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        clean_answer(question=questions[kind], value=value)
    assert message in " ".join(caught.value.messages)


def test_a_file_is_judged_by_its_bytes_name_and_size(asked):
    _cohort, questions = asked
    question = questions["file"]
    good = clean_answer(question=question,
                        value=SimpleUploadedFile("chart.pdf", PDF, "application/pdf"))
    assert isinstance(good, NewFile) and good.file_type == "pdf"
    for upload in (SimpleUploadedFile("chart.pdf", b"MZ\x90\x00 an executable"),
                   SimpleUploadedFile("chart.exe", PDF),
                   SimpleUploadedFile("chart.pdf", PDF + b"0" * (1024 * 1024))):
        with pytest.raises(ValidationError):
            clean_answer(question=question, value=upload)


def test_a_question_needs_a_label_and_a_choice_question_two_choices(asked):
    _cohort, questions = asked
    question = questions["single_choice"]
    with pytest.raises(ValidationError) as caught:
        edit_question(question=question, kind="single_choice",
                      wording={"label": {"en": " "}, "choices": [
                          {"value": "1", "label": {"en": "Only"}}]},
                      rules=_rules(question))
    assert set(caught.value.message_dict) == {"label", "choices"}
    assert Question.objects.get(pk=question.pk).current.number == 1


def test_limits_that_contradict_are_refused(asked):
    _cohort, questions = asked
    for question, rules, field in (
        (questions["number"], {"min_number": 10, "max_number": 1}, "max_number"),
        (questions["date"], {"min_date": datetime.date(2027, 1, 1),
                             "max_date": datetime.date(2026, 1, 1)}, "max_date"),
        (questions["file"], {"file_types": [], "max_file_mb": 500}, "max_file_mb"),
    ):
        with pytest.raises(ValidationError) as caught:
            edit_question(question=question, kind=question.kind,
                          wording=_wording(question), rules=_rules(question) | rules)
        assert field in caught.value.message_dict


def test_a_choice_keeps_its_value_when_a_neighbour_is_removed_or_it_moves(asked):
    _cohort, questions = asked
    question = questions["single_choice"]  # 1 Housing, 2 Transit, 3 Health
    application = _answer(question, "2")
    edit_question(question=question, kind=question.kind, rules=_rules(question),
                  wording=_wording(question, choices=[
                      {"value": "1", "label": words("Health")},
                      {"value": "2", "label": {"en": "Transit", "es": "Transporte"}},
                      {"value": "3", "label": words("Parks")}]))
    question.refresh_from_db()
    assert [(c["value"], c["label"]["en"]) for c in question.current.choices] == [
        ("3", "Health"), ("2", "Transit"), ("4", "Parks")]
    assert clean_answer(question=question, value="2") == "2"
    with pytest.raises(ValidationError):
        clean_answer(question=question, value="1")  # Housing is gone
    [(_title, [shown])] = answers_of(application=application)
    assert shown.text == "Transit"
