"""Tools of the private-notes leak proof: the secrets, who may read which, turning any
response (HTML, JSON, CSV, ICS, XLSX, zip, PDF) into text, and a same-site crawler.

A *secret* is the text of a private field: a check-in's private coach notes (readable by
that city's coach and program staff only) or an application's internal notes (program
staff only). :func:`stamp_markers` gives every such field a unique marker, so a leak names
its source; :func:`collect_secrets` also keeps the texts the fields held before, because
e-mails and PDFs made earlier carry those.
"""

import html
import io
import json
import re
import zipfile
from collections import deque
from dataclasses import dataclass

import rules
from django.conf import settings
from django_scopes import scopes_disabled
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from applications.models import Application
from coaching.models import CheckIn

MIN_LENGTH = 12  # shorter texts could match by chance


@dataclass(frozen=True)
class Secret:
    text: str
    kind: str  # "checkin" or "application"
    city_id: int | None = None


def collect_secrets():
    """Every private text in the database now (call before and after stamping)."""
    with scopes_disabled():
        checkins = CheckIn.objects.exclude(private_notes="").values_list("private_notes", "city_id")
        notes = Application.objects.exclude(internal_notes="").values_list(
            "internal_notes", flat=True
        )
        secrets = {Secret(_norm(text), "checkin", city) for text, city in checkins}
        secrets |= {Secret(_norm(text), "application") for text in notes}
    return {s for s in secrets if len(s.text) >= MIN_LENGTH}


def stamp_markers():
    """Put a unique marker into every private field (rows made since are stamped too)."""
    with scopes_disabled():
        for pk, slug in CheckIn.objects.values_list("pk", "city__slug"):
            CheckIn.objects.filter(pk=pk).update(
                private_notes=f"LEAKMARK-COACHNOTE-{slug}-{pk}-END"
            )
        for pk in Application.objects.values_list("pk", flat=True):
            Application.objects.filter(pk=pk).update(internal_notes=f"LEAKMARK-APPNOTE-{pk}-END")


def may_read(user, secret):
    """Whether ``user`` (None: an anonymous visitor or a bare e-mail address) may read it."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if secret.kind == "application":
        return user.is_staff
    with scopes_disabled():
        from cities.models import City

        city = City.objects.get(pk=secret.city_id)
        return rules.test_rule("can_view_private_notes", user, city)


def leaks(text, user, secrets):
    """The secrets found in ``text`` that ``user`` may not read."""
    text = _norm(text)
    return sorted(s.text for s in secrets if s.text in text and not may_read(user, s))


def found(text, secrets):
    text = _norm(text)
    return {s for s in secrets if s.text in text}


# --- reading responses and files -----------------------------------------------------------


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def readable(raw):
    """All the text in a response body or a file, whatever its format."""
    if raw.startswith(b"%PDF"):
        try:
            reader = PdfReader(io.BytesIO(raw))
            return "\n".join(page.extract_text() or "" for page in reader.pages)
        except PyPdfError:  # not a readable PDF (a test's stub letter): read its bytes
            return raw.decode("latin-1")
    if raw.startswith(b"PK\x03\x04"):  # XLSX, or a zip archive (which may hold PDFs)
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "\n".join(readable(archive.read(name)) for name in archive.namelist())
    text = raw.decode("utf-8", errors="replace")
    try:
        decoded = json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        decoded = ""
    return "\n".join([text, html.unescape(text), decoded])


def _norm(text):
    return " ".join(text.split())


# --- the crawler ---------------------------------------------------------------------------

HREF = re.compile(r"""(?:href|src|action|data-[a-z-]+)=["'](/[^"'#\s]*)""")
SITE_HOST = re.escape(re.sub(r"^https?://", "", settings.SITE_URL))
ABSOLUTE = re.compile(r"https?://(?:testserver|" + SITE_HOST + r""")(/[^"'\s<>#\\]*)""")
SKIP = ("/accounts/logout", "/i18n/", "/static/", "/admin/", "/api/schema", "/api/docs")


@dataclass
class Visit:
    url: str
    status: int
    text: str


def crawl(client, starts, *, limit=300, skip=SKIP):
    """GET every same-site page reachable from ``starts`` (links, redirects, API URLs)."""
    queue, seen, visits = deque(starts), set(), []
    while queue and len(visits) < limit:
        url = queue.popleft()
        if url in seen or url.startswith(skip):
            continue
        seen.add(url)
        response = client.get(url)
        raw = body_of(response)
        visits.append(Visit(url, response.status_code, readable(raw)))
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            queue.append(response["Location"])
        if raw.startswith((b"%PDF", b"PK")):
            continue
        text = raw.decode("utf-8", errors="replace")
        for link in HREF.findall(text) + ABSOLUTE.findall(text):
            queue.append(html.unescape(link))
    return visits
