"""The review panel, end to end on the demo: staff add a question to the open cohort and a
criterion to its rubric; a Spanish-speaking applicant answers in Spanish and submits; staff
assign two outside reviewers; one signs in with two factors and scores the application, the
other declares a conflict of interest; staff accept the city in the decision meeting and the
applicant receives the decision, in Spanish."""

import pytest

from tests.browser.conftest import login, path_of, snap, visit
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = {"en": "Who will sponsor the data strategy at city hall?",
            "es": "¿Quién patrocinará la estrategia de datos en la alcaldía?"}
CRITERION = {"en": "Open data readiness", "es": "Preparación en datos abiertos"}


def _second_factor(page):
    """Type the current TOTP code of the demo reviewers' authenticator."""
    from demo.reviews import TOTP_SECRET
    from tests.totp import current_code

    page.get_by_label("Code").fill(current_code(TOTP_SECRET))
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Sign In").click()
    snap(page)


def _sign_in_as(page, live_server, email, **kwargs):
    page.context.clear_cookies()
    login(page, live_server, email, **kwargs)


@requires_chromium
def test_staff_run_the_review_panel_and_the_applicant_hears_the_decision(
        page, live_server, demo):
    from applications.models import ApplicationState
    from cohorts.models import Cohort
    from notifications.models import EmailOutbox
    from reviews.models import Assignment
    from tests import factories

    # 1. Staff add a question to the open cohort, in English and Spanish.
    login(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/cohorts/demo-next-cohort/questions/add/")
    page.get_by_label("Section").select_option(label="Priorities")
    page.get_by_label("Kind of answer").select_option(label="Short text")
    page.get_by_label("Required to submit").check()
    page.get_by_label("Question (English)").fill(QUESTION["en"])
    page.get_by_label("Question (Spanish)").fill(QUESTION["es"])
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Save the question").click()
    assert "The question is saved." in page.inner_text("body")

    # 2. ... and a criterion to its rubric, from the decision meeting.
    visit(page, f"{live_server.url}/staff/")
    page.locator("tr", has_text="applications open").get_by_role(
        "link", name="Decision meeting").click()
    assert path_of(page) == "/staff/cohorts/demo-next-cohort/review/"
    snap(page)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Rubric", exact=True).click()
    snap(page)
    page.get_by_label("Criterion (English)").fill(CRITERION["en"])
    page.get_by_label("Criterion (Spanish)").fill(CRITERION["es"])
    for level, text in enumerate(["No open data", "A few files", "A portal", "A policy",
                                  "Open by default"], start=1):
        page.get_by_label(f"Level {level} (English)").fill(text)
    page.get_by_label("Weight").fill("2")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Add the criterion").click()
    snap(page)
    assert "Criterion added to the rubric." in page.inner_text("body")

    # 3. A Spanish-speaking applicant answers in Spanish and submits.
    applicant = factories.UserFactory(email="solicitante@sanisidro.test", language="es",
                                      name="Ana Solicitante")
    application = factories.ApplicationFactory(
        cohort=Cohort.objects.get(slug="demo-next-cohort"), applicant=applicant,
        city_name="San Isidro", country="AR", region="Buenos Aires",
        time_zone="America/Argentina/Buenos_Aires")
    _sign_in_as(page, live_server, applicant.email, password=factories.PASSWORD)
    visit(page, f"{live_server.url}/apply/applications/{application.pk}/", expect_status=200)
    page.get_by_label("¿Qué departamento dirige el trabajo con datos?").fill(
        "Secretaría de Modernización")
    page.get_by_label("¿Cuántas personas trabajan con datos a tiempo completo?").fill("3")
    page.get_by_label("Transporte").check()
    page.get_by_label("Describa una decisión que mejores datos habrían cambiado.").fill(
        "Cambiamos una ruta de autobús sin datos de uso.")
    page.get_by_label(QUESTION["es"]).fill("La jefa de gabinete")
    with page.expect_navigation(wait_until="load"):
        page.locator('button[value="submit"]').click()
    snap(page)
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED

    # 4. Staff assign two outside reviewers to it, by hand.
    _sign_in_as(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/cohorts/demo-next-cohort/reviewers/")
    snap(page)
    for reviewer in ("Ruth Reviewer", "Rafael Revisor"):
        page.get_by_label("Application", exact=True).select_option(label="San Isidro")
        page.get_by_label("Reviewer", exact=True).select_option(label=reviewer)
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("button", name="Assign", exact=True).click()
        assert "Reviewer assigned." in page.inner_text("body")
    snap(page)
    ruth, rafael = (Assignment.objects.get(application=application,
                                           reviewer__email=email)
                    for email in ("reviewer@demo.test", "reviewer2@demo.test"))

    # 5. Ruth signs in with two factors, reads the Spanish answers and scores every criterion.
    _sign_in_as(page, live_server, "reviewer@demo.test")
    _second_factor(page)
    assert path_of(page) == "/review/"
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="San Isidro").click()
    snap(page)
    main = page.inner_text("main")
    assert "La jefa de gabinete" in main and "Earlier applications of this city" in main
    for fieldset in page.locator("fieldset.rubric").all():
        fieldset.locator('input[type="radio"][value="4"]').check()
    page.get_by_label(f"Comment on “{CRITERION['en']}”").fill("Has a portal, no policy yet.")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Submit review").click()
    snap(page)
    assert "Your review is submitted" in page.inner_text("main")
    ruth.refresh_from_db()
    assert ruth.submitted and ruth.scores.count() == 4

    # 6. Rafael (who reads Spanish) declares a conflict of interest instead. (The panel's
    #    own words are translated when the lead merges locale/pending/panel.json, so the
    #    journey finds them by their place, not their words.)
    _sign_in_as(page, live_server, "reviewer2@demo.test")
    _second_factor(page)
    visit(page, f"{live_server.url}/review/{rafael.pk}/", expect_status=200)
    with page.expect_navigation(wait_until="load"):
        page.locator(f'a[href="/review/{rafael.pk}/conflict/"]').click()
    snap(page)
    page.locator('textarea[name="reason"]').fill(
        "Asesoré a la alcaldía de San Isidro el año pasado.")
    with page.expect_navigation(wait_until="load"):
        page.locator('main form button[type="submit"]').click()
    snap(page)
    assert path_of(page) == "/review/"
    assert "San Isidro" not in page.inner_text("main")
    rafael.refresh_from_db()
    assert rafael.conflict_reason.startswith("Asesoré a la alcaldía")
    visit(page, f"{live_server.url}/review/{rafael.pk}/", expect_status=404)

    # 7. Staff see the ranking and accept San Isidro, with a reason.
    _sign_in_as(page, live_server, "staff@demo.test")
    visit(page, f"{live_server.url}/staff/cohorts/demo-next-cohort/review/")
    row = page.locator("tr", has_text="San Isidro")
    assert "4.00" in row.inner_text() and "1 conflict" in row.inner_text()
    page.get_by_label("Decide San Isidro").check()
    page.get_by_label("Accept", exact=True).check()
    page.get_by_label("Reason (kept with each decision)").fill(
        "Strong sponsorship; a portal to build on.")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Record the decision").click()
    snap(page)
    assert "Accepted: San Isidro." in page.inner_text("body")
    application.refresh_from_db()
    assert application.state == ApplicationState.ACCEPTED

    # 8. The applicant receives the decision, in Spanish.
    mail = EmailOutbox.objects.get(to=applicant.email, record__event="application.accepted")
    assert mail.subject.startswith("San Isidro fue admitida en")
    _sign_in_as(page, live_server, applicant.email, password=factories.PASSWORD)
    visit(page, f"{live_server.url}/inbox/", expect_status=200)
    snap(page)
    assert "San Isidro" in page.inner_text("main")
