"""Every kind of notification reaches a Spanish and a Portuguese reader in their language.

The kinds are the folders under notifications/templates/notifications/ (the registry
``notify()`` renders from), so a new kind is checked the day it is written. Each is sent
through ``notify()`` to a reader whose language is es and one whose language is pt-br, and
the in-app notification, the e-mail's subject, text and HTML part are checked:
no English interface text left (the browser journeys' detector), every placeholder filled
(a variable the template names but nobody passes shows a marker), the person's own words
as typed, and no English month name in a date.
"""

import datetime
import html
import re
from functools import cache
from types import SimpleNamespace

import pytest
from django.template import engines
from django.utils import dates, translation
from django.utils.html import strip_tags

from notifications.models import EmailOutbox, Notification
from notifications.services import notify
from tests import factories
from tests.browser.english_leaks import english_interface, english_left
from tests.notifications.test_plain_text_is_not_escaped import KINDS, NAME, _context

UNFILLED = "UNFILLED-PLACEHOLDER"
ENGLISH_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])")


@pytest.fixture
def placeholders_show():
    """A variable that resolves to nothing renders a marker instead of an empty string."""
    templates = [engines[name].engine for name in ("django", "text")]
    previous = [engine.string_if_invalid for engine in templates]
    for engine in templates:
        engine.string_if_invalid = f"{UNFILLED}[%s]"
    yield
    for engine, value in zip(templates, previous, strict=True):
        engine.string_if_invalid = value


@cache
def _english(language):
    return english_interface(language)


def _world():
    """The context of every kind (names with quotes and brackets, as people type them):
    what each kind's sender passes, so that every placeholder has something to show."""
    world = _context()
    now, today, person = world["happened_at"], world["due_on"], world["by"]
    later = now + datetime.timedelta(days=40)
    return {
        **world,
        "revision": SimpleNamespace(comment=NAME, number=3),
        "export": SimpleNamespace(expires_at=later), "closes_at": later, "subject": NAME,
        "quarter": SimpleNamespace(number=2, starts_on=today, due_on=later.date(),
                                   ends_on=later.date()),
        "total": SimpleNamespace(hours=1.5, commitment=4, shortfall=12.5,
                                 members=[person] * 4, members_below=[person] * 3),
        "sessions": [world["session"]], "count": 1, "schedule_link": "/c/obrien/schedule/",
        "message": SimpleNamespace(author=person, body=NAME),
    }


def _month_names(language):
    with translation.override(language):
        return {str(name) for table in (dates.MONTHS, dates.MONTHS_3, dates.MONTHS_AP,
                                        dates.MONTHS_ALT) for name in table.values()}


def english_months_in(text, language):
    """English month names ("Dec.", "December") in ``text`` that ``language`` does not
    write the same way."""
    foreign = _month_names("en") - _month_names(language)
    return sorted(m for m in foreign if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", text))


def english_decimals_in(text):
    """Numbers written with an English decimal point ("12.5"; links left out): es and
    pt-br write "12,5"."""
    return ENGLISH_DECIMAL.findall(re.sub(r"\S+://\S+", " ", text))


def test_the_checks_find_english_in_an_english_message():
    reader = "Zuleica Ñandú"
    with translation.override("en"):
        text = "Due on Dec. 3, 2026: 12.5 hours to go. " + str(translation.gettext(
            "The attached calendar file updates the event in your calendar."))
    exact, fragments = _english("es")
    leaks = english_left([{"where": "text", "text": text}], exact=exact, fragments=fragments,
                         content=[reader])
    assert leaks and english_months_in(text, "es") == ["Dec."]
    assert english_decimals_in(text + " https://x.test/1.5") == ["12.5"]


def test_every_kind_is_checked():
    assert {"session.moved", "strategy.approved", "digest", "review.invitation"} <= set(KINDS)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["es", "pt-br"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_in_the_readers_language(kind, language, placeholders_show):
    reader = factories.UserFactory(language=language, name="Zuleica Ñandú")
    notify(kind, recipients=[reader], about=None, context=_world(), category="account",
           mandatory=True)
    notification = Notification.objects.get(recipient=reader)
    email = EmailOutbox.objects.get(recipient=reader)
    parts = {
        "subject": email.subject, "text": email.body_text,
        "html": html.unescape(strip_tags(email.body_html)),
        "inbox subject": notification.subject, "inbox body": notification.body,
    }
    exact, fragments = _english(language)
    for where, text in parts.items():
        assert UNFILLED not in text, f"{kind} ({language}) {where}: {text!r}"
        collected = [{"where": where, "text": line} for line in text.splitlines()]
        collected.append({"where": where, "text": text})
        leaks = english_left(collected, exact=exact, fragments=fragments, content=[NAME])
        assert leaks == [], f"{kind} ({language}) {where}"
        assert english_months_in(text, language) == [], f"{kind} ({language}) {where}: {text}"
        assert english_decimals_in(text) == [], f"{kind} ({language}) {where}: {text}"
    assert NAME in email.subject + email.body_text or NAME in email.body_text
