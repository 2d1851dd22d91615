"""Render one notification for one person, in their language and time zone."""

import re
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.template import TemplateDoesNotExist, engines
from django.template.loader import render_to_string
from django.utils import timezone, translation


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def absolute_url(path):
    """``path`` made absolute with ``SITE_URL`` (unchanged when already absolute or empty)."""
    if not path or "://" in path:
        return path or ""
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")


def render_text(template_name, context):
    """Render a plain-text template: through the ``text`` engine (``TEMPLATES``), which
    does not HTML-escape, so names and notes read as written in an e-mail's text part."""
    return engines["text"].get_template(template_name).render(context)


def render_message(*, event, context, language=None, time_zone=None, html=True):
    """Render ``notifications/<event>/subject.txt``, ``body.txt`` (plain text, not
    escaped) and ``body.html`` (escaped).

    The subject is collapsed to one line. ``body.html`` is optional; the other two must
    exist (a missing template fails loudly in the caller's tests).
    """
    language = language or settings.LANGUAGE_CODE
    with translation.override(language), timezone.override(_zone(time_zone)):
        subject = render_text(f"notifications/{event}/subject.txt", context)
        text = render_text(f"notifications/{event}/body.txt", context)
        body_html = ""
        if html:
            try:
                body_html = render_to_string(f"notifications/{event}/body.html", context)
            except TemplateDoesNotExist:
                body_html = ""
    subject = re.sub(r"\s+", " ", subject).strip()[:300]
    return Rendered(subject=subject, text=text.strip() + "\n", html=body_html.strip())
