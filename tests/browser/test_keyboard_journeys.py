"""Four journeys with the keyboard only (WCAG 2.1.1, 2.4.1, 2.4.7, 3.3.1, 4.1.2): applying,
answering a session's invitation, a coach logging a check-in and editing the strategy.

Nothing is clicked or filled: Tab, Shift+Tab, Enter, Space, arrow keys and typing into the
focused element. After every key the focused element must show a focus ring and have an
accessible name (``tests/browser/keyboard.py``). Each page starts with the skip link. Each
form is first sent with a mistake: the error summary takes the focus, and the field is
marked invalid and described by its message. axe-core checks every page on the way.
"""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from tests.browser.conftest import DEMO_PASSWORD, assert_accessible, path_of, visit
from tests.browser.keyboard import Keyboard
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-applicant-passphrase"


def sign_in(kb, live_server, email, password=DEMO_PASSWORD):
    """Log in through the login form with the keyboard; returns the path landed on."""
    kb.page.context.clear_cookies()
    visit(kb.page, f"{live_server.url}/accounts/login/", expect_status=200)
    assert_accessible(kb.page)
    kb.skip_to_main()
    kb.tab_to('input[name="login"]')
    kb.type(email)
    kb.tab_to('input[name="password"]')
    kb.type(password)
    kb.submit_with("Enter")
    assert path_of(kb.page) != "/accounts/login/", f"login as {email} failed"
    return path_of(kb.page)


def follow_summary_link(kb, target):
    """From the focused error summary, Tab to its link to ``target`` and follow it: the
    focus lands on the invalid field."""
    kb.tab_to(f'[data-error-summary] a[href="#{target}"]')
    kb.page.keyboard.press("Enter")
    assert kb.matches(f"#{target}"), f"the summary's link did not move the focus to #{target}"
    return kb.focus()


def wait_for_requests(page):
    """On SQLite the live server shares the test's one connection: let the page's own
    background requests (eligibility checks, autosave) finish before sending the form."""
    page.wait_for_load_state("networkidle")


@requires_chromium
def test_applying_with_the_keyboard(page, live_server):
    from applications.models import Application
    from tests import factories

    factories.OpenCohortFactory(name="Autumn cohort", slug="autumn")
    applicant = factories.UserFactory(email="official@brightwater.test")
    applicant.set_password(PASSWORD)
    applicant.save()
    kb = Keyboard(page)

    sign_in(kb, live_server, "official@brightwater.test", PASSWORD)

    # The public list of cohorts, then the cohort's form.
    visit(page, f"{live_server.url}/apply/", expect_status=200)
    assert_accessible(page)
    kb.skip_to_main()
    link = kb.tab_to('main a[href="/apply/autumn/"]')
    assert link.label == "Apply to Autumn cohort"
    kb.submit_with("Enter")
    assert path_of(page) == "/apply/autumn/"
    assert_accessible(page)

    kb.skip_to_main()
    kb.tab_to("#id_city_name")
    kb.type("Brightwater")
    country = kb.tab_to("#id_country")
    assert country.role == "combobox" and country.label == "Country"
    kb.type("United States of America")
    assert kb.focus().value == "US"
    kb.tab_to("#id_region")
    kb.type("Oregon")
    zone = kb.tab_to("#id_time_zone")
    assert zone.role == "combobox" and zone.label == "Time zone"
    kb.type("America/Los")
    assert kb.focus().value == "America/Los_Angeles"
    kb.tab_to("#id_population")
    kb.type("100000")  # not more than 100,000: refused on submit
    kb.tab_to("#id_population_source")
    kb.type("US Census")
    has_cdo = kb.tab_to("#id_has_cdo")
    assert has_cdo.role == "checkbox"
    kb.press("Space")
    assert kb.focus().checked is True
    kb.tab_to("#id_cdo_name")
    kb.type("Dana Data")
    kb.tab_to("#id_cdo_email")
    kb.type("cdo@brightwater.test")
    kb.tab_to("#id_monthly_commitment_hours")
    kb.type("6")
    kb.tab_to("#id_mayor_name")
    kb.type("Mayor Bright")
    kb.tab_to("#id_mayor_email")
    kb.type("mayor@brightwater.test")
    kb.tab_to("#id_mayor_commits_to_convening")
    kb.press("Space")
    team = [
        ("Dana Data", "cdo@brightwater.test", "Chief", "cdo"),
        ("Sam Manager", "manager@brightwater.test", "City", "city_manager"),
        ("Eve Equity", "equity@brightwater.test", "Equity", "equity_lead"),
    ]
    for i, (name, email, role_prefix, role) in enumerate(team):
        named = kb.tab_to(f"#id_team_{i}_name")
        assert named.label == f"Name ({i + 1})"
        kb.type(name)
        kb.tab_to(f"#id_team_{i}_email")
        kb.type(email)
        kb.tab_to(f"#id_team_{i}_role")
        kb.type(role_prefix)
        assert kb.focus().value == role
    kb.tab_to("#id_priorities")
    kb.type("Faster permits and safer streets.")
    submit = kb.tab_to('button[value="submit"]')
    assert submit.label == "Submit application"
    wait_for_requests(page)
    kb.submit_with("Enter")

    # Refused: the summary has the focus and names the rule; the field says it too.
    summary = kb.error_summary()
    assert "The population must be more than 100,000; 100,000 is not." in summary
    kb.assert_invalid("#id_population", "The population must be more than 100,000")
    assert_accessible(page)
    application = Application.objects.get(applicant=applicant)
    assert application.state == "draft"

    population = follow_summary_link(kb, "id_population")
    assert population.value == "100000"
    page.keyboard.press("Control+a")
    kb.type("100001")
    kb.tab_to('button[value="submit"]')
    wait_for_requests(page)
    kb.submit_with("Enter")
    assert "Your application is submitted" in page.inner_text("main")
    application.refresh_from_db()
    assert application.state == "submitted"
    assert application.population == 100001
    assert [m["email"] for m in application.team] == [t[1] for t in team]
    assert_accessible(page)


@requires_chromium
def test_answering_a_session_invitation_with_the_keyboard(page, live_server, demo):
    from cohorts.models import Cohort
    from schedule.models import Rsvp
    from schedule.scheduling import schedule_session

    with scopes_disabled():
        cohort = Cohort.objects.get(enrollments__city__slug="riverton")
        starts = (timezone.now() + datetime.timedelta(days=3)).replace(microsecond=0)
        workshop = schedule_session(
            cohort=cohort,
            kind="workshop",
            title="Keyboard workshop",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
        )
        session_path = workshop.get_absolute_url(cohort.enrollments.get(city__slug="riverton").city)
    kb = Keyboard(page)
    sign_in(kb, live_server, "cdo@riverton.demo.test")

    # From the schedule to the session's page.
    visit(page, f"{live_server.url}/c/riverton/schedule/", expect_status=200)
    kb.skip_to_main()
    link = kb.tab_to(f'main a[href="{session_path}"]')
    assert "Keyboard workshop" in link.label
    kb.submit_with("Enter")
    assert path_of(page) == session_path
    assert_accessible(page)

    # Sent without an answer: refused, announced, the group marked.
    kb.skip_to_main()
    kb.tab_to('section[aria-labelledby="rsvp-heading"] button[type="submit"]')
    kb.submit_with("Enter")
    summary = kb.error_summary()
    assert "Will you attend?: This field is required." in summary
    for radio in ("#id_answer_0", "#id_answer_1", "#id_answer_2"):
        assert page.locator(radio).get_attribute("aria-invalid") == "true"
    assert "This field is required." in kb.described_by(
        'section[aria-labelledby="rsvp-heading"] fieldset'
    )
    assert_accessible(page)
    with scopes_disabled():
        assert not Rsvp.objects.filter(session=workshop).exists()

    # The summary's link leads to the first choice; an arrow key picks "Maybe".
    first = follow_summary_link(kb, "id_answer_0")
    assert first.role == "radio" and first.label == "Yes, I will attend"
    maybe = kb.press("ArrowDown")
    assert maybe.label == "Maybe" and maybe.checked is True
    kb.tab_to('section[aria-labelledby="rsvp-heading"] button[type="submit"]')
    kb.submit_with("Enter")
    assert "You answered: Maybe." in page.inner_text("main")
    assert_accessible(page)
    with scopes_disabled():
        assert (
            Rsvp.objects.get(session=workshop, user__email="cdo@riverton.demo.test").answer
            == "maybe"
        )


@requires_chromium
def test_a_coach_logs_a_checkin_with_the_keyboard(page, live_server, demo):
    from coaching.models import ActionItem, CheckIn

    kb = Keyboard(page)
    sign_in(kb, live_server, "coach@demo.test")
    visit(page, f"{live_server.url}/c/riverton/coaching/checkins/new/", expect_status=200)
    assert_accessible(page)

    kb.skip_to_main()
    # Nobody is ticked in advance: the coach ticks who took part.
    attendee = kb.tab_to('input[name="attendees"]')
    assert attendee.role == "checkbox" and attendee.checked is False
    kb.press("Space")
    assert kb.focus().checked is True
    kb.tab_to("#id_summary")
    kb.type("Inventory finished; the stewards meet monthly.")
    lead = kb.tab_to('input[name="lead_rag"]')
    assert lead.role == "radio"
    # The group's first choice is "Not assessed"; arrows move through the choices.
    while not kb.matches('input[name="lead_rag"][value="green"]'):
        kb.press("ArrowDown")
    assert kb.focus().checked is True
    kb.tab_to("#id_lead_why")
    kb.type("The mayor presented the data vision.")
    kb.tab_to("#id_action-0-title")
    kb.type("Share the inventory with every department")
    # Owner and due date left out: refused.
    kb.tab_to('button[value="log"]')
    wait_for_requests(page)
    kb.submit_with("Enter")
    summary = kb.error_summary()
    assert "nothing was saved" in summary
    assert "Owner: This field is required." in summary
    assert "Due on: This field is required." in summary
    kb.assert_invalid("#id_action-0-owner", "This field is required.")
    kb.assert_invalid("#id_action-0-due_on", "This field is required.")
    assert_accessible(page)

    owner = follow_summary_link(kb, "id_action-0-owner")
    assert owner.role == "combobox" and owner.label.rstrip(":") == "Owner"
    kb.type("Dana")
    assert "Dana" in page.evaluate("() => document.activeElement.selectedOptions[0].textContent")
    kb.tab_to("#id_action-0-due_on")
    kb.type("01152099")
    assert kb.focus().value == "2099-01-15"
    kb.tab_to('button[value="log"]')
    wait_for_requests(page)
    kb.submit_with("Enter")
    assert path_of(page) == "/c/riverton/coaching/"
    assert "Check-in logged." in page.inner_text("main")
    assert_accessible(page)
    with scopes_disabled():
        checkin = CheckIn.objects.filter(city__slug="riverton", logged_at__isnull=False).latest(
            "logged_at"
        )
        assert checkin.summary == "Inventory finished; the stewards meet monthly."
        assert checkin.lead_rag == "green"
        item = ActionItem.objects.get(title="Share the inventory with every department")
        assert item.due_on == datetime.date(2099, 1, 15)
        assert item.owner.email == "cdo@riverton.demo.test"


@requires_chromium
def test_editing_the_strategy_with_the_keyboard(page, live_server, demo):
    from strategy.models import Initiative
    from tests.browser.test_strategy_journey import _send_demo_version_back

    _send_demo_version_back()
    kb = Keyboard(page)
    sign_in(kb, live_server, "cdo@riverton.demo.test")
    step = f"{live_server.url}/c/riverton/strategy/step/component-transparency/"
    visit(page, step, expect_status=200)
    assert_accessible(page)

    # Open "Add an initiative" and send it empty: refused, announced.
    kb.skip_to_main()
    disclosure = kb.tab_to("details.add-form > summary", limit=150)
    assert disclosure.label == "Add an initiative"
    page.keyboard.press("Enter")
    assert page.locator("details.add-form").get_attribute("open") is not None
    kb.tab_to("details.add-form button[type=submit]")
    kb.submit_with("Enter")
    summary = kb.error_summary()
    assert "Title: This field is required." in summary
    kb.assert_invalid("#new-initiative-title", "This field is required.")
    assert_accessible(page)

    # Fix it from the summary: title, year 2, Q1 and Q2, an owner.
    title = follow_summary_link(kb, "new-initiative-title")
    assert title.label == "Title"
    kb.type("Open data portal")
    kb.tab_to("#new-initiative-year")
    kb.press("ArrowDown")
    assert kb.focus().value == "2"
    for quarter in ("new-initiative-quarters_0", "new-initiative-quarters_1"):
        box = kb.tab_to(f"#{quarter}")
        assert box.role == "checkbox" and box.label in ("Q1", "Q2")
        kb.press("Space")
    owner = kb.tab_to("#new-initiative-owner")
    assert "A role or a person." in kb.described_by("#new-initiative-owner")
    assert owner.label == "Owner"
    kb.type("Open data lead")
    kb.tab_to("details.add-form button[type=submit]")
    kb.submit_with("Enter")
    assert "Initiative “Open data portal” added." in page.inner_text("main")
    assert_accessible(page)
    with scopes_disabled():
        initiative = Initiative.objects.get(
            title="Open data portal", component__strategy__city__slug="riverton"
        )
        assert (initiative.year, list(initiative.quarters), initiative.owner) == (
            2,
            [1, 2],
            "Open data lead",
        )

    # Edit it: back at "#initiatives", Tab goes on from the table to its "Edit" link.
    assert page.url.endswith("#initiatives")
    edit = kb.tab_to(f'a[href$="/strategy/initiatives/{initiative.pk}/"]', limit=20)
    assert edit.label == "Edit Open data portal"
    kb.submit_with("Enter")
    assert_accessible(page)
    kb.skip_to_main()
    kb.tab_to("#id_owner")
    page.keyboard.press("Control+a")
    kb.type("Chief data officer")
    kb.tab_to("form.card button[type=submit]")
    kb.submit_with("Enter")
    assert "Saved." in page.inner_text("main")
    assert_accessible(page)
    with scopes_disabled():
        initiative.refresh_from_db()
        assert initiative.owner == "Chief data officer"
