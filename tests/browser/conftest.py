"""Playwright harness: real Chromium (Debian's /usr/bin/chromium) against ``live_server``.

Fixtures: ``browser`` (one headless Chromium per session), ``page`` (a fresh context per
test; override the ``browser_timezone`` fixture, or parametrize it, to change the clock the
page sees), ``demo`` (the ``seed_demo`` data in the test database).
Helpers: ``visit``, ``login``, ``assert_accessible`` and ``snap``. Every page a test looks at
is checked with axe-core, laid out at a phone's 375 px (it must not scroll sideways, and the
header must stay compact) and saved as ``tests/browser/screenshots/<test>-<n>.png`` and
``<test>-<n>-375.png`` so that a person can look at it; its HTML is kept for the W3C HTML
checker, which checks every page of the session in one run at the end (``tests/browser/checks.py``).

Browser tests need ``transactional_db``: ``live_server`` serves from another thread, which
cannot see data inside the test's transaction.
"""

import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import checks
from tests.services import REQUIRED

# Playwright's sync API keeps an event loop running in this thread; Django refuses ORM calls
# from a thread with a running loop unless told that this is fine (it is: nothing else
# runs on that loop).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "accelerate-demo")
# axe impacts that fail a test; "minor" and "moderate" ones are left to judgement.
BLOCKING_IMPACTS = ("serious", "critical")

_axe = Axe()


@dataclass
class _Shots:
    """Where one test's screenshots go, and the JavaScript errors its pages raised."""

    stem: str
    count: int = 0
    page_errors: list[str] = field(default_factory=list)
    # The main frame's last HTML document response, and the last one whose body was saved.
    document: object = None
    saved_document: object = None


def snap(page, *, force=False):
    """Check and save the page, once per loaded document unless ``force``.

    A document that axe has not checked yet is checked first (``assert_accessible``), so
    every page a test visits, logs in through or leaves open at its end is checked. Then the
    page is saved at 1280 px, laid out at 375 px (failing when it scrolls sideways or its
    header is not compact; ``checks.phone_problems``) and saved again, and its HTML (the
    server's response and the DOM) is kept for the HTML checker at the end of the session.
    Returns the (desktop) file's path, or None when this document was saved already.
    """
    shots = getattr(page, "civic_shots", None)
    if shots is None or page.is_closed():
        return None
    settle(page)
    if page.url.startswith("http") and not page.evaluate("() => window.__civicAxe === true"):
        assert_accessible(page)
    # A flag on ``window`` marks a saved document; a new document starts without it.
    if not force and page.evaluate("() => window.__civicScreenshot === true"):
        return None
    shots.count += 1
    name = f"{shots.stem}-{shots.count}"
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    page.evaluate("() => { window.__civicScreenshot = true; }")
    if not page.url.startswith("http"):
        return path
    _save_html(page, shots, name)
    problems = checks.phone_problems(page, SCREENSHOTS / f"{name}-375.png")
    if problems:
        pytest.fail(f"{page.url} on a phone:\n" + "\n".join(problems), pytrace=False)
    return path


def settle(page):
    """Wait until the page's current document has loaded.

    A click on a link returns once the navigation has started, not when the new document
    is there; a test that reads the page straight after it (``path_of``, then ``snap``)
    would otherwise let axe or the screenshot meet a document still being replaced
    (axe then fails on a null ``documentElement``). Every check goes through here first.
    """
    page.wait_for_load_state("load")


def _run_axe(page, attempts=3):
    """axe-core's results for the loaded document.

    A navigation that a page's own script starts while axe runs (a redirect, a form sent
    on load) destroys the document axe was reading; then the new document is waited for
    and checked instead. Any other error is raised at once.
    """
    from playwright.sync_api import Error

    for attempt in range(attempts):
        settle(page)
        try:
            return _axe.run(page)
        except Error as error:
            replaced = any(sign in str(error) for sign in DOCUMENT_REPLACED)
            if not replaced or attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


# What Chromium says when the document a script was reading is replaced by a navigation.
DOCUMENT_REPLACED = (
    "Execution context was destroyed",
    "reading 'documentElement'",
    "Cannot find context with specified id",
)


def _save_html(page, shots, name):
    """Keep the page's HTML for the checker: the body the server sent for this document
    (once per response) and the DOM as the page's scripts left it."""
    response = shots.document
    if response is not None and response is not shots.saved_document:
        shots.saved_document = response
        try:
            body = response.text()
        except Exception:  # noqa: BLE001 - Chromium may have dropped the body; the DOM stays
            body = None
        if body is not None:
            checks.save_html(stem=name, url=response.url, text=body, kind="server")
    checks.save_html(stem=name, url=page.url, text=page.content(), kind="dom")


def _note_document(page, shots):
    """Remember the main frame's HTML document responses (not redirects, not downloads)."""

    def on_response(response):
        if (
            response.request.resource_type == "document"
            and response.frame == page.main_frame
            and not 300 <= response.status < 400
            and response.headers.get("content-type", "").startswith("text/html")
        ):
            shots.document = response

    page.on("response", on_response)


def visit(page, url, *, expect_status=None):
    """Open ``url``, wait for it to load, save a screenshot and return the response.

    With ``expect_status`` the final response's status is checked too.
    """
    response = page.goto(url, wait_until="load")
    snap(page)
    if expect_status is not None:
        assert response is not None, f"no response for {url}"
        assert response.status == expect_status, (
            f"{url} answered {response.status} ({page.url}), expected {expect_status}"
        )
    return response


def path_of(page):
    """The path of the page's current URL, e.g. ``/c/riverton/``, once its document has loaded."""
    settle(page)
    return urlsplit(page.url).path


def login(page, live_server, email, password=DEMO_PASSWORD):
    """Log in through allauth's form at /accounts/login/; returns the page after login.

    If the browser is already on the login page (e.g. sent there with ``?next=``), that page
    is used, so the ``next`` round trip is exercised.
    """
    if path_of(page) != "/accounts/login/":
        visit(page, f"{live_server.url}/accounts/login/", expect_status=200)
    form = page.locator("form").filter(has=page.locator('input[name="password"]')).first
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(password)
    with page.expect_navigation(wait_until="load"):
        form.locator('[type="submit"]').first.click()
    snap(page)
    if path_of(page) == "/accounts/login/":
        errors = page.locator(".errorlist, [role=alert], .alert").all_inner_texts()
        pytest.fail(f"login as {email} failed; the page says: {errors or page.inner_text('body')}")
    return page


def _describe(violation):
    lines = [
        f"- [{violation['impact']}] {violation['id']}: {violation['help']}",
        f"  {violation['helpUrl']}",
    ]
    for node in violation["nodes"][:5]:
        target = ", ".join(str(t) for t in node["target"])
        lines.append(f"    at {target}: {node['html'][:200]}")
        summary = node.get("failureSummary")
        if summary:
            lines.extend(f"      {line}" for line in summary.splitlines())
    if len(violation["nodes"]) > 5:
        lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


def assert_accessible(page):
    """Run axe-core on the current page; fail on any serious or critical violation."""
    results = _run_axe(page)
    page.evaluate("() => { window.__civicAxe = true; }")
    snap(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        report = "\n".join(_describe(v) for v in blocking)
        pytest.fail(
            f"{len(blocking)} serious/critical accessibility violation(s) on {page.url}:\n{report}",
            pytrace=False,
        )
    return results


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session", autouse=True)
def html_checked():
    """At the end of the session, the W3C Nu HTML checker over every page the tests saved:
    any error fails the session, naming the page, the line and the message."""
    folder = checks.start_html_folder()
    yield folder
    try:
        errors = checks.html_checker_errors(folder)
    except RuntimeError as error:
        if REQUIRED:
            pytest.fail(str(error), pytrace=False)
        warnings.warn(f"HTML not checked: {error}", stacklevel=1)
        return
    if errors:
        pytest.fail(
            f"{len(errors)} HTML error(s) from the W3C Nu HTML checker (pages saved in "
            f"{folder}):\n" + "\n".join(errors),
            pytrace=False,
        )


@pytest.fixture
def browser_timezone():
    """The time zone the page's clock runs in; override or parametrize to change it."""
    return "UTC"


@pytest.fixture
def page(browser, browser_timezone, request):
    """A page in a new browser context (en-US, ``browser_timezone``) for one test."""
    stem = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob(f"{stem}-*.png"):
        old.unlink()
    context = browser.new_context(
        locale="en-US",
        timezone_id=browser_timezone,
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(15_000)
    context.set_default_navigation_timeout(30_000)
    page = context.new_page()
    shots = _Shots(stem=stem)
    # Kept on the page itself, so the helpers work whichever module object imported them.
    page.civic_shots = shots
    page.on("pageerror", lambda error: shots.page_errors.append(str(error)))
    _note_document(page, shots)
    try:
        yield page
        # The last page the test saw, unless it was saved already.
        snap(page)
        assert not shots.page_errors, f"JavaScript errors on the page: {shots.page_errors}"
    finally:
        context.close()


@pytest.fixture
def demo(transactional_db):
    """The demo cohort, cities and accounts made by ``manage.py seed_demo``."""
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0)
