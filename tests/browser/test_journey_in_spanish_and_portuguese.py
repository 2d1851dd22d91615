"""The main journey, once in Spanish (chosen with the header's language switcher) and once
in Brazilian Portuguese (from the browser's Accept-Language, for people who never chose):
on every page visited no English interface text is left, <html lang> names the language,
and axe finds nothing serious.

The team member opens the city home, the schedule and a session (answers the RSVP), the
coaching page, the showcases, the strategy (reading view) and the inbox; Lakeside's CDO
(Mexico: its documents are in Spanish) walks every step of the strategy builder and
downloads the strategy's PDF, whose text is checked too; the mayor reviews the strategy
and asks for changes; the team member revises the vision; the coach logs a check-in;
program staff open their dashboard. "English" includes the program content the product
ships (template, rubric, pillars), not only interface strings.
"""

import re

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from tests.browser.conftest import _Shots, assert_accessible, login, path_of, snap, visit
from tests.browser.english_leaks import (
    COLLECT_JS,
    english_interface,
    english_left,
    pdf_texts,
    written_by_people,
)
from tests.services import requires_chromium

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PEOPLE = (
    "cdo@riverton.demo.test",
    "cdo@lakeside.demo.test",
    "mayor@riverton.demo.test",
    "coach@demo.test",
    "staff@demo.test",
)
BROWSER_LOCALE = {"es": "es-MX", "pt-br": "pt-BR"}


class Journey:
    """One person after another in one browser, checking every page they see."""

    def __init__(self, page, live_server, language, *, switcher):
        self.page, self.base, self.language = page, live_server.url, language
        self.switcher, self.started = switcher, timezone.now()
        self.exact, self.fragments = english_interface(language)
        self.typed = []
        self.refresh_content()
        self.pages = []

    def wrote(self, *texts):
        """Text a person typed during the journey: it stays as written."""
        self.typed += texts
        self.refresh_content()

    def refresh_content(self):
        """What people wrote, as the database holds it now."""
        self.content = sorted(
            {*written_by_people(since=self.started), *self.typed}, key=len, reverse=True
        )

    def check(self):
        """<html lang>, no English interface text, axe: on the page as it is now."""
        page = self.page
        page.wait_for_load_state("load")
        found = page.evaluate(COLLECT_JS)
        assert found["lang"] == self.language, f"{page.url}: <html lang={found['lang']!r}>"
        leaks = english_left(
            found["texts"], exact=self.exact, fragments=self.fragments, content=self.content
        )
        assert not leaks, f"English left on {page.url}:\n" + "\n".join(
            f"  {where}: {text!r} (English {english!r})" for where, text, english in leaks
        )
        assert_accessible(page)
        self.pages.append(path_of(page))

    def open(self, path):
        visit(self.page, f"{self.base}{path}", expect_status=200)
        self.check()

    def check_pdf(self, path, *, attempts=5):
        """Open the PDF page ``path`` until its download link is there (tasks run in
        process), download the PDF and check its text for English. Returns the text."""
        link = self.page.locator("a[href*='/strategy/documents/']")
        for _attempt in range(attempts):
            self.open(path)
            if link.count():
                break
        assert link.count(), f"{path}: the PDF was not ready after {attempts} visits"
        response = self.page.request.get(f"{self.base}{link.first.get_attribute('href')}")
        assert response.status == 200 and response.body().startswith(b"%PDF")
        texts = pdf_texts(response.body())
        leaks = english_left(texts, exact=self.exact, fragments=self.fragments,
                             content=self.content)
        assert not leaks, f"English left in the PDF of {path}:\n" + "\n".join(
            f"  {where}: {text[:160]!r} (English {english!r})" for where, text, english in leaks
        )
        return texts[-1]["text"]

    def submit(self, form):
        with self.page.expect_navigation(wait_until="load"):
            form.locator('[type="submit"]').first.click()
        snap(self.page)
        self.refresh_content()

    def sign_in(self, email):
        """Sign in afresh; with ``switcher`` the person then picks the language in the
        header (their pages were in English until then), which their account remembers."""
        page = self.page
        page.context.clear_cookies()
        visit(page, f"{self.base}/accounts/login/", expect_status=200)
        if not self.switcher:
            self.check()
        login(page, type("Server", (), {"url": self.base}), email)
        if self.switcher and _language_of(email) != self.language:
            # (Signing in again later, with no cookie left, the account's choice holds.)
            assert page.locator("html").get_attribute("lang") == "en"
            switch = page.locator("form.lang-switch")
            switch.locator("select").select_option(self.language)
            self.submit(switch)
            assert _language_of(email) == self.language
        self.check()


def _language_of(email):
    from accounts.models import User

    return User.objects.get(email=email).language


def _people_who_never_chose_a_language():
    from accounts.models import User

    with scopes_disabled():
        User.objects.filter(email__in=PEOPLE).update(language="")


def _run(journey):
    page = journey.page

    # The team member: home, schedule, a session and its RSVP, coaching, showcases,
    # the strategy and the inbox.
    journey.sign_in("cdo@riverton.demo.test")
    assert path_of(page) == "/c/riverton/"
    journey.open("/c/riverton/schedule/")
    page.locator("main a[href*='/schedule/'][href$='/']").filter(
        has_not_text=re.compile(r"^\s*$")
    ).last.click()
    journey.check()
    if page.locator('input[name="answer"]').count():
        page.locator('input[name="answer"]').nth(1).check()
        journey.submit(page.locator("main form").filter(has=page.locator('[name="answer"]')))
        journey.check()
    journey.open("/c/riverton/hours/")
    journey.open("/c/riverton/coaching/")
    journey.open("/c/riverton/showcases/")
    showcase = page.locator("main a[href*='/showcases/']").filter(has_not_text=re.compile(r"^\s*$"))
    if showcase.count():
        showcase.first.click()
        journey.check()
    journey.open("/c/riverton/strategy/")
    journey.open("/c/riverton/strategy/read/")
    journey.open("/c/riverton/strategy/pdf/")
    journey.open("/inbox/")

    # Lakeside's CDO: every step of the strategy builder (shipped template, guidance and
    # rubric), the reading view, and the PDF, which comes in Lakeside's language: Spanish.
    journey.sign_in("cdo@lakeside.demo.test")
    assert path_of(page) == "/c/lakeside/"
    for step in ("", "step/vision/", "step/component-governance/", "step/component-quality/",
                 "step/component-use/", "step/component-transparency/", "step/roadmap/",
                 "step/metrics/", "step/review/", "read/"):
        journey.open(f"/c/lakeside/strategy/{step}")
    pdf_text = journey.check_pdf("/c/lakeside/strategy/pdf/")
    assert "Gobernanza de datos" in pdf_text and "Estrategia de datos a tres años" in pdf_text

    # The mayor: her home, then the strategy's review: changes requested.
    journey.sign_in("mayor@riverton.demo.test")
    assert path_of(page) == "/c/riverton/"
    journey.open("/c/riverton/strategy/read/")
    comment = "Nombre el responsable del portal / Nomeie o responsável pelo portal."
    journey.wrote(comment)
    page.locator('input[name="decision"][value="request_changes"]').check()
    page.locator('textarea[name="comment"]').fill(comment)
    journey.submit(page.locator("form").filter(has=page.locator('[name="decision"]')))
    journey.check()

    # The team member revises the vision (a plain form post) and reads the strategy.
    journey.sign_in("cdo@riverton.demo.test")
    journey.open("/c/riverton/strategy/step/vision/")
    vision = "Riverton decide con datos abiertos y confiables / com dados abertos."
    journey.wrote(vision)
    page.locator('textarea[name="vision"]').fill(vision)
    journey.submit(page.locator("form.section-form"))
    journey.check()
    journey.open("/c/riverton/strategy/read/")
    assert vision in page.inner_text("main")

    # The coach logs a check-in.
    journey.sign_in("coach@demo.test")
    assert path_of(page) == "/coach/"
    journey.open("/c/riverton/coaching/checkins/new/")
    summary = "Inventario de datos revisado / inventário revisado."
    journey.wrote(summary, "Presentó la visión / apresentou a visão.")
    page.fill("#id_summary", summary)
    page.locator('input[name="attendees"]').first.check()  # nobody is ticked in advance
    page.check('input[name="lead_rag"][value="green"]')
    page.fill("#id_lead_why", "Presentó la visión / apresentou a visão.")
    journey.submit(
        page.locator("form.checkin-form").filter(has=page.locator('button[value="log"]'))
    )
    assert path_of(page) == "/c/riverton/coaching/", page.inner_text("main")
    journey.check()
    assert summary in page.inner_text("main")

    # Program staff: their dashboard.
    journey.sign_in("staff@demo.test")
    journey.open("/staff/")
    return journey.pages


@pytest.fixture
def localized_page(browser, request):
    """A page in a browser context whose Accept-Language is ``request.param``'s."""
    language = request.param
    context = browser.new_context(
        locale=BROWSER_LOCALE[language], timezone_id="UTC", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    context.set_default_navigation_timeout(30_000)
    page = context.new_page()
    shots = _Shots(stem=re.sub(r"[^\w.-]+", "_", request.node.name).strip("_"))
    page.civic_shots = shots
    page.on("pageerror", lambda error: shots.page_errors.append(str(error)))
    try:
        yield page
        assert not shots.page_errors, f"JavaScript errors on the page: {shots.page_errors}"
    finally:
        context.close()


@requires_chromium
@pytest.mark.parametrize("localized_page", ["pt-br"], indirect=True)
def test_the_journey_in_portuguese_from_the_browsers_language(localized_page, live_server, demo):
    _people_who_never_chose_a_language()
    pages = _run(Journey(localized_page, live_server, "pt-br", switcher=False))
    assert len(pages) >= 20


@requires_chromium
@pytest.mark.parametrize("localized_page", ["es"], indirect=True)
def test_the_journey_in_spanish_chosen_with_the_switcher(localized_page, live_server, demo):
    # The browser asks for English; each person switches to Spanish in the header.
    localized_page.context.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.9"})
    pages = _run(Journey(localized_page, live_server, "es", switcher=True))
    assert len(pages) >= 20
