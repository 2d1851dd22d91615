"""Staff add a question to the open demo cohort (in three languages, with a number range)
and preview it in Spanish; a Spanish-speaking applicant answers it in their draft (an answer
out of range is refused at the field, nothing saved), submits; staff read the answer."""

import pytest

from tests.browser.conftest import login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABELS = {
    "en": "How many neighbourhood data stewards will you name?",
    "es": "¿Cuántos responsables de datos de barrio nombrará?",
    "pt": "Quantos responsáveis de dados de bairro você nomeará?",
}


@requires_chromium
def test_staff_add_a_question_and_an_applicant_answers_it_in_spanish(page, live_server, demo):
    from applications.models import Application, ApplicationState
    from applications.question_models import Answer, Question
    from tests import factories

    # 1. From the staff home to the open cohort's questions.
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/")
    page.locator("tr", has_text="applications open").get_by_role(
        "link", name="Questions").click()
    assert path_of(page) == "/staff/cohorts/demo-next-cohort/questions/"
    snap(page)

    # 2. Add a required number question, 1 to 20, in three languages.
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Add a question").click()
    snap(page)
    page.get_by_label("Section").select_option(label="Priorities")
    page.get_by_label("Kind of answer").select_option(label="Number")
    page.get_by_label("Required to submit").check()
    page.get_by_label("Question (English)").fill(LABELS["en"])
    page.get_by_label("Question (Spanish)").fill(LABELS["es"])
    page.get_by_label("Question (Portuguese)").fill(LABELS["pt"])
    page.get_by_label("Help text (Spanish)").fill("Personas que cuidan los datos de cada barrio.")
    page.get_by_label("Smallest number (number)").fill("1")
    page.get_by_label("Largest number (number)").fill("20")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Save the question").click()
    snap(page)
    assert "The question is saved." in page.inner_text("body")
    assert LABELS["en"] in page.inner_text("main")
    question = Question.objects.get(current__label__en=LABELS["en"])

    # 3. Preview the form as a Spanish-speaking applicant sees it.
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Spanish").first.click()
    snap(page)
    preview = page.locator("form.question-preview").inner_text()
    assert LABELS["es"] in preview and "Personas que cuidan" in preview
    assert "Su equipo de datos" in preview

    # 4. A Spanish-speaking applicant opens their draft.
    applicant = factories.UserFactory(email="solicitante@sanisidro.test", language="es",
                                      name="Ana Solicitante")
    application = factories.ApplicationFactory(
        cohort=question.cohort, applicant=applicant, city_name="San Isidro", country="AR",
        region="Buenos Aires", time_zone="America/Argentina/Buenos_Aires")
    page.context.clear_cookies()
    login(page, live_server, applicant.email, password=factories.PASSWORD)
    visit(page, f"{live_server.url}/apply/applications/{application.pk}/", expect_status=200)
    snap(page)
    assert "Prioridades" in page.inner_text("main")
    field = page.get_by_label(LABELS["es"])
    assert field.count() == 1

    # 5. Answers, one out of range: refused at its field, nothing saved.
    page.get_by_label("¿Qué departamento dirige el trabajo con datos?").fill(
        "Secretaría de Modernización")
    page.get_by_label("¿Cuántas personas trabajan con datos a tiempo completo?").fill("3")
    page.get_by_label("Transporte").check()
    page.get_by_label("Describa una decisión que mejores datos habrían cambiado.").fill(
        "Cambiamos una ruta de autobús sin datos de uso.")
    field.fill("50")
    with page.expect_navigation(wait_until="load"):
        page.locator('button[value="submit"]').click()
    snap(page)
    error = page.locator(".field-error", has=page.get_by_label(LABELS["es"]))
    assert "20" in error.locator(".errorlist").inner_text()
    assert not Answer.objects.filter(application=application).exists()

    # 6. In range: saved and submitted.
    page.get_by_label(LABELS["es"]).fill("6")
    with page.expect_navigation(wait_until="load"):
        page.locator('button[value="submit"]').click()
    snap(page)
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED
    answer = Answer.objects.get(application=application, question=question)
    assert (answer.value, answer.version.number) == (6, 1)
    assert LABELS["es"] in page.inner_text("main") and "Transporte" in page.inner_text("main")

    # 7. Staff read the answer, with the question in their own language.
    page.context.clear_cookies()
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/apply/applications/{application.pk}/", expect_status=200)
    snap(page)
    main = page.inner_text("main")
    assert LABELS["en"] in main and "Secretaría de Modernización" in main
    assert Application.objects.get(pk=application.pk).answers.count() == 5
