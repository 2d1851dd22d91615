"""The crawl of every page: which pages, as whom, in which languages, and the checks at each.

The page list is the tenancy matrix's (``tests/test_tenancy_matrix.py`` ``all_cases()``):
every GET case of the portal (not the API) that some role opens with a 200, so a page is
crawled the day its URL joins the matrix. Each is visited as the least privileged role
that may open it (:data:`ROLE_PREFERENCE`), in one language, rotating English, Spanish and
Brazilian Portuguese from page to page; home pages and pages with a form are visited in all
three. What is not HTML (files, PDF, ICS, CSV, JSON) is told apart by its content type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

from tests.browser import checks

# The least privileged first: the public, then people with one city (the mayor before the
# team: reading, not running it), coaches, then program staff.
ROLE_PREFERENCE = (
    "anonymous",
    "outsider",
    "reviewer",
    "other_reviewer",
    "mayor_a",
    "member_a",
    "coach_a",
    "member_b",
    "coach_b",
    "staff",
)
LANGUAGES = ("en", "es", "pt-br")
# A home page: the root, an area's first page (/staff/, /coach/, /apply/…) or a city's.
HOME = re.compile(r"^(c/<slug:city>/|[\w-]+/)?$")
SHARDS = 2  # the crawl is cut in two, one part per pytest-xdist worker

# Whether the page has a form a person fills in (not only the header's language switcher
# or sign-out button): a field that is not hidden, inside the page's main content.
HAS_FORM_JS = """() => [...document.querySelectorAll('main form')].some((f) =>
  f.querySelector('input:not([type=hidden]):not([type=submit]):not([type=button]), '
                  + 'select, textarea'))"""


# At a phone's width: captions, and headings and labels outside tables, cut off by the edge
# of a box that scrolls sideways (a wide table's caption laid out over the whole table).
CUT_OFF_JS = """() => {
  const out = [];
  // (a table's cells scroll into view: what is inside them is not cut off)
  const texts = 'main caption, main :is(h2, h3, h4, label):not(table *)';
  for (const el of document.querySelectorAll(texts)) {
    if (!el.checkVisibility()) continue;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX === 'visible') continue;
      if (el.getBoundingClientRect().right > a.getBoundingClientRect().right + 1) {
        out.push(el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 80));
      }
      break;
    }
  }
  return out;
}"""


def cut_off_text(page):
    """What :data:`CUT_OFF_JS` finds with the page laid out at 375 px."""
    page.set_viewport_size(checks.PHONE)
    try:
        return page.evaluate(CUT_OFF_JS)
    finally:
        page.set_viewport_size(checks.DESKTOP)


@dataclass
class Visit:
    """One matrix case, the role that opens it, and the language it is first seen in."""

    case: object
    role: str
    language: str

    @property
    def home(self):
        return bool(HOME.match(self.case.pattern)) and not self.case.covers_prefix


def crawl_plan(cases):
    """Every GET page of the matrix that some role opens with a 200, with the least
    privileged such role and a language in turn."""
    plan = []
    for case in cases:
        if case.method != "get" or case.api:
            continue
        roles = [role for role in ROLE_PREFERENCE if case.expect.get(role) == 200]
        if roles:
            plan.append(Visit(case, roles[0], LANGUAGES[len(plan) % len(LANGUAGES)]))
    return plan


def shard(plan, number):
    """The part of the plan crawled by shard ``number`` (every SHARDS-th page)."""
    return plan[number::SHARDS]


def session_cookie(user, base_url):
    """A signed-in session for ``user``, as a cookie for the browser."""
    client = Client()
    client.force_login(user)
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": base_url}


def language_cookie(language, base_url):
    return {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}


def file_stem(path, language):
    """A file name for a page's screenshot and HTML: its path and language."""
    slug = re.sub(r"[^\w.-]+", "_", path).strip("_") or "root"
    return f"every-page-{slug[:90]}-{language}"


# Pages whose whole DOM a vendored application builds in the browser: Swagger UI draws the
# API docs from the schema, with its own markup (links inside buttons, ``aria-label`` on a
# ``div``, an ``h3`` under the ``h1``) that we neither write nor can change. The HTML the
# server sends for them is still checked; their DOM is not, however fast the script ran.
DOM_BUILT_BY_VENDORED_SCRIPT = ("/api/docs/",)


def save_page_html(page, response, stem):
    """Keep the server's HTML and the DOM for the W3C Nu checker at the session's end
    (the DOM only where our own templates and scripts made it)."""
    try:
        body = response.text()
    except Exception:  # noqa: BLE001 - Chromium may have dropped the body; the DOM stays
        body = None
    if body is not None:
        checks.save_html(stem=stem, url=response.url, text=body, kind="server")
    if urlsplit(page.url).path in DOM_BUILT_BY_VENDORED_SCRIPT:
        return
    checks.save_html(stem=stem, url=page.url, text=page.content(), kind="dom")
