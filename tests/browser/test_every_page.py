"""Every page of the tenancy matrix in real Chromium, as the least privileged person who may
open it, in English, Spanish and Brazilian Portuguese, at 1280 px and at a phone's 375 px
(axe runs on the first language a page is seen in: the others have the same markup).

The pages come from the matrix (``tests/browser/crawl.py``), so a new page is crawled the
day its URL joins it. At each page, in one visit: a 200 (no redirect), axe-core finds no
serious or critical violation, the page does not scroll sideways at 375 px, its header
stays compact and no caption, heading or label is cut off by a box that scrolls (a
screenshot ``every-page-<path>-<language>-375.png`` is kept), no JavaScript error, a portal
page's ``<html lang>`` names the language, no English interface text or
shipped content is left on a Spanish or Portuguese page (people's own words stay as typed),
and the HTML is kept for the W3C Nu checker at the session's end. Every problem of every
page is reported together (and written to ``every-page-problems-<part>.txt`` as found).
Files (PDF, ICS, CSV, JSON…) are told by their content type and only their status is
checked; the test fails if any planned page was neither checked as HTML nor found to be a
file, so no page escapes.
"""

import time

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import Error as PlaywrightError

from tests.browser import checks
from tests.browser.conftest import BLOCKING_IMPACTS, SCREENSHOTS, _axe, _describe
from tests.browser.crawl import (
    HAS_FORM_JS,
    LANGUAGES,
    SHARDS,
    crawl_plan,
    cut_off_text,
    file_stem,
    language_cookie,
    save_page_html,
    session_cookie,
    shard,
)
from tests.browser.english_leaks import (
    COLLECT_JS,
    english_interface,
    english_left,
    written_by_people,
)
from tests.fuzz.world import build_fuzz_world
from tests.services import requires_chromium
from tests.test_tenancy_matrix import all_cases

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Crawler:
    """One browser context per role (signed in by a session cookie); every problem found."""

    def __init__(self, browser, base, world, *, log):
        self.browser, self.base, self.world, self.log = browser, base, world, log
        self.pages, self.problems, self.seen, self.texts = {}, [], {}, []
        self.seconds = {}
        log.write_text("", encoding="utf-8")

    def problem(self, text):
        """Note a problem (also in the log file, to read while the crawl runs)."""
        self.problems.append(text)
        with open(self.log, "a", encoding="utf-8") as log:
            log.write(text + "\n")

    def page_for(self, role):
        if role not in self.pages:
            context = self.browser.new_context(locale="en-US", viewport=checks.DESKTOP)
            context.set_default_timeout(15_000)
            context.set_default_navigation_timeout(30_000)
            if role != "anonymous":
                context.add_cookies([session_cookie(self.world.users[role], self.base)])
            page = context.new_page()
            page.civic_errors = []
            page.on("pageerror", lambda error, page=page: page.civic_errors.append(str(error)))
            self.pages[role] = page
        return self.pages[role]

    def close(self):
        for page in self.pages.values():
            page.context.close()

    def crawl(self, visit):
        """Open the visit's page in its language, and in the two others when it is a home
        page or has a form."""
        case = visit.case
        try:
            if case.setup:
                with scopes_disabled():
                    case.setup(self.world)
            path = case.url(self.world)
        except Exception as error:  # noqa: BLE001 - reported with every other problem
            self.problem(f"{case.name}: the matrix case's URL failed: {error!r}")
            return
        page = self.page_for(visit.role)
        html = self.open(page, path, visit.language, case=case, role=visit.role, axe=True)
        if html and (visit.home or page.evaluate(HAS_FORM_JS)):
            for language in LANGUAGES:
                if language != visit.language:
                    # The same markup in another language: axe has seen it (its slowest check).
                    self.open(page, path, language, case=case, role=visit.role, axe=False)

    def open(self, page, path, language, *, case, role, axe):
        """Open one page in one language and check it; True when it was an HTML page."""
        where = f"{path} ({case.name}) as {role} in {language}"
        url = f"{self.base}{path}"
        page.context.add_cookies([language_cookie(language, self.base)])
        page.civic_errors.clear()
        tick = time.monotonic()
        try:
            response = page.goto(url, wait_until="load")
            self._time("load", tick)
        except PlaywrightError as error:
            if "Download is starting" not in str(error):
                self.problem(f"{where}: {error}")
                return False
            response = page.context.request.get(url)
            self._file(where, case, response.status, response.headers.get("content-type", ""))
            return False
        kind = response.headers.get("content-type", "")
        if not kind.startswith("text/html"):
            self._file(where, case, response.status, kind)
            return False
        self.seen[id(case)] = "html"
        if response.status != 200 or response.request.redirected_from is not None:
            self.problem(f"{where}: answered {response.status} at {page.url}")
            return True
        self._check(page, response, where, path, language, axe=axe)
        return True

    def _file(self, where, case, status, kind):
        self.seen.setdefault(id(case), kind.split(";")[0] or "no content type")
        if status != 200:
            self.problem(f"{where}: the file answered {status}")

    def _check(self, page, response, where, path, language, *, axe):
        tick = time.monotonic()
        found = page.evaluate(COLLECT_JS)
        ours = page.evaluate("() => !!document.querySelector('.site-header')")
        if language != "en":
            # A page of the portal says the language; another one (the admin's, the API
            # docs') says its own, checked by axe.
            if ours and found["lang"] != language:
                self.problem(f"{where}: <html lang={found['lang']!r}>")
            self.texts.append((where, language, found["texts"]))
        tick = self._time("collect", tick)
        violations = _axe.run(page).response["violations"] if axe else []
        tick = self._time("axe", tick)
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            self.problem(f"{where}: axe:\n" + "\n".join(_describe(v) for v in blocking))
        stem = file_stem(path, language)
        save_page_html(page, response, stem)
        tick = self._time("save html", tick)
        phone = checks.phone_problems(page, SCREENSHOTS / f"{stem}-375.png")
        self._time("phone", tick)
        if phone:
            self.problem(f"{where}: on a phone:\n" + "\n".join(phone))
        cut = cut_off_text(page)
        if cut:
            self.problem(f"{where}: cut off by a scroll box at 375 px: {cut}")
        if page.civic_errors:
            self.problem(f"{where}: JavaScript errors: {page.civic_errors}")

    def _time(self, what, since):
        now = time.monotonic()
        self.seconds[what] = self.seconds.get(what, 0) + now - since
        return now

    def english_leaks(self):
        """English left on the Spanish and Portuguese pages (people's words as typed:
        every text the database holds now, messages as they were delivered included)."""
        content = written_by_people()
        for language in LANGUAGES[1:]:
            # The header and menus repeat on every page: each distinct text is looked at once.
            pages = {}
            for where, text_language, texts in self.texts:
                if text_language == language:
                    for item in texts:
                        text = " ".join(str(item["text"]).split())
                        pages.setdefault((item["where"], text), []).append(where)
            exact, fragments = english_interface(language)
            collected = [{"where": at, "text": text} for at, text in pages]
            for at, text, english in english_left(
                collected, exact=exact, fragments=fragments, content=content
            ):
                found_on = pages[(at, text)]
                self.problem(
                    f"English left ({language}) {at}: {text[:160]!r} (English {english!r}) "
                    f"on {len(found_on)} page(s): " + "; ".join(found_on[:3])
                )


@pytest.fixture
def crawl_world(transactional_db):
    return build_fuzz_world()


@requires_chromium
@pytest.mark.parametrize("part", range(SHARDS))
def test_every_page_as_its_least_privileged_reader_in_three_languages(
    browser, live_server, crawl_world, part
):
    plan = shard(crawl_plan(all_cases()), part)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    log = SCREENSHOTS / f"every-page-problems-{part}.txt"
    crawler = Crawler(browser, live_server.url, crawl_world, log=log)
    started = timezone.now()
    try:
        for visit in plan:
            crawler.crawl(visit)
    finally:
        crawler.close()
    tick = time.monotonic()
    crawler.english_leaks()
    crawler._time("english", tick)
    missed = [visit.case.name for visit in plan if id(visit.case) not in crawler.seen]
    html = sum(1 for kind in crawler.seen.values() if kind == "html")
    print(
        f"\ncrawl part {part}: {len(plan)} matrix pages, {html} HTML, "
        f"{len(crawler.seen) - html} files, "
        f"in {(timezone.now() - started).total_seconds():.0f}s; "
        + ", ".join(f"{what} {seconds:.0f}s" for what, seconds in crawler.seconds.items())
    )
    assert not missed, "matrix pages the crawl never reached:\n" + "\n".join(missed)
    assert not crawler.problems, (
        f"{len(crawler.problems)} problem(s) on the matrix's pages:\n" + "\n".join(crawler.problems)
    )


def test_the_crawl_plans_every_matrix_page_in_every_language():
    """The shards together plan each GET page of the matrix that someone opens, once, and
    the plan's languages cover English, Spanish and Portuguese."""
    cases = all_cases()
    pages = [
        case.name
        for case in cases
        if case.method == "get" and not case.api and 200 in case.expect.values()
    ]
    plan = crawl_plan(cases)
    planned = [visit.case.name for number in range(SHARDS) for visit in shard(plan, number)]
    assert sorted(planned) == sorted(pages)
    assert {visit.language for visit in plan} == set(LANGUAGES)
