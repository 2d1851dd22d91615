"""Staff define a cohort's questions on /staff/cohorts/<cohort>/questions/: sections,
questions in three languages, order, hiding, deleting (refused once answered), preview."""

import pytest

from applications.answers import record_answers
from applications.question_models import Question, QuestionSection
from tests import factories
from tests.applications.question_world import add_every_kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_add_a_section_and_a_choice_question_in_three_languages(staff):
    cohort = factories.OpenCohortFactory()
    base = f"/staff/cohorts/{cohort.slug}/questions/"
    assert staff.get(f"{base}add/")["Location"] == f"{base}sections/add/"  # a section first
    assert staff.post(f"{base}sections/add/", {"title_en": " "}).status_code == 400
    staff.post(f"{base}sections/add/", {"title_en": "Team", "title_es": "Equipo",
                                        "title_pt_br": "Equipe"})
    section = QuestionSection.objects.get(cohort=cohort)
    data = {"section": section.pk, "kind": "single_choice", "required": "on",
            "label_en": "Team size", "label_es": "Tamaño del equipo",
            "label_pt_br": "Tamanho da equipe", "choices_en": "Small\nLarge",
            "choices_es": "Pequeño\nGrande", "choices_pt_br": "Pequena"}
    uneven = staff.post(f"{base}add/", data)
    assert uneven.status_code == 400 and "choices_pt_br" in uneven.context["form"].errors
    assert not Question.objects.exists()
    response = staff.post(f"{base}add/", data | {"choices_pt_br": "Pequena\nGrande"})
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.required and question.current.choices[1]["label"] == {
        "en": "Large", "es": "Grande", "pt-br": "Grande"}
    page = staff.get(base).content.decode()
    assert "Team size" in page and "Wording version 1" in page
    preview = staff.get(f"{base}preview/?language=es").content.decode()
    assert "Tamaño del equipo" in preview and "Grande" in preview and 'lang="es"' in preview


def test_the_list_reorders_hides_and_refuses_to_delete_an_answered_question(staff):
    cohort = factories.OpenCohortFactory()
    questions = add_every_kind(cohort)
    base = f"/staff/cohorts/{cohort.slug}/questions/"
    staff.post(base, {"action": "down", "item": questions["short_text"].pk})
    assert Question.objects.get(pk=questions["long_text"].pk).position == 1
    staff.post(base, {"action": "hide", "item": questions["link"].pk})
    assert Question.objects.get(pk=questions["link"].pk).hidden
    preview = staff.get(f"{base}preview/?language=en").content.decode()
    assert "Portal address" not in preview and "Department" in preview
    application = factories.ApplicationFactory(cohort=cohort)
    record_answers(application=application, answers={questions["number"]: 3})
    refused = staff.post(base, {"action": "delete", "item": questions["number"].pk},
                         follow=True)
    assert "cannot be deleted" in refused.content.decode()
    assert Question.objects.filter(pk=questions["number"].pk).exists()
    staff.post(base, {"action": "delete", "item": questions["date"].pk})
    assert not Question.objects.filter(pk=questions["date"].pk).exists()
    retype = staff.post(f"{base}{questions['number'].pk}/", {
        "section": questions["number"].section_id, "kind": "short_text", "label_en": "N"})
    assert retype.status_code == 400 and "kind" in retype.context["form"].errors
    other = factories.OpenCohortFactory()
    assert staff.post(f"/staff/cohorts/{other.slug}/questions/",
                      {"action": "hide", "item": questions["yes_no"].pk}).status_code == 404
