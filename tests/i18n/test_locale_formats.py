"""Dates, numbers, lists and short labels in the reader's language; the switcher's choice
is remembered on the account; the English-leak checker of the browser journeys works."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django_scopes import scopes_disabled

from tests import factories
from tests.browser.english_leaks import english_interface, english_left

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Mon, Nov 30, 2026 · 17:00–18:00"),
        ("es", "Lun, 30 Nov 2026 · 17:00–18:00"),
        ("pt-br", "Seg, 30 Nov 2026 · 17:00–18:00"),
    ],
)
def test_a_sessions_day_is_written_the_way_the_language_writes_it(db, language, expected):
    from schedule.templatetags.sessions import session_when_text

    start = datetime.datetime(2026, 11, 30, 17, tzinfo=NEW_YORK)
    with scopes_disabled():
        session = factories.SessionFactory(
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
            time_zone="America/New_York",
        )
    with translation.override(language):
        assert session_when_text(session, NEW_YORK).startswith(expected)


@pytest.mark.parametrize(
    ("language", "hours", "quarters", "listed", "month"),
    [
        ("en", "1.5", "Year 2, Q1, Q3", "Vision, Roadmap and Metrics", "November 2026"),
        ("es", "1,5", "Año 2, T1, T3", "Visión, Hoja de ruta y Métricas", "noviembre de 2026"),
        ("pt-br", "1,5", "Ano 2, T1, T3", "Visão, Roteiro e Métricas", "novembro de 2026"),
    ],
)
def test_numbers_lists_quarters_and_months_follow_the_language(
    language, hours, quarters, listed, month
):
    from django.template import Context, Template

    from common.labels import and_list
    from schedule.templatetags.sessions import hours as hours_filter
    from strategy.forms import QUARTER_CHOICES, YEAR_CHOICES
    from strategy.snapshot import quarters_label

    with translation.override(language):
        assert hours_filter(Decimal("1.50")) == hours
        assert hours_filter(Decimal("2.00")) == "2"
        assert quarters_label({"year": 2, "quarters": [1, 3]}) == quarters
        assert str(YEAR_CHOICES[1][1]) + ", " + str(QUARTER_CHOICES[0][1]) == quarters[:-4]
        words = [translation.gettext(w) for w in ("Vision", "Roadmap", "Metrics")]
        assert and_list(words) == listed
        rendered = Template('{{ month|date:"YEAR_MONTH_FORMAT" }}').render(
            Context({"month": datetime.date(2026, 11, 1)})
        )
        assert rendered.lower() == month.lower()


def test_the_switcher_sets_the_page_language_and_the_account_remembers_it(db):
    user = factories.UserFactory(language="en")
    client = Client()
    client.force_login(user)
    answer = client.post("/i18n/setlang/", {"language": "es", "next": "/inbox/"})
    assert answer.status_code == 302
    user.refresh_from_db()
    assert user.language == "es"
    # On another device (no cookie), the account's language holds.
    other = Client()
    other.force_login(user)
    assert '<html lang="es"' in other.get("/inbox/").content.decode()
    # An unknown language changes nothing.
    client.post("/i18n/setlang/", {"language": "xx", "next": "/inbox/"})
    user.refresh_from_db()
    assert user.language == "es"


def test_someone_who_never_chose_gets_the_browsers_language(db):
    user = factories.UserFactory(language="")
    client = Client()
    client.force_login(user)
    page = client.get("/inbox/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9")
    assert '<html lang="pt-br"' in page.content.decode()


def test_the_calendar_feed_labels_sessions_in_the_accounts_language(db):
    from schedule.feeds import feed_for

    with scopes_disabled():
        membership = factories.MembershipFactory()
        enrollment = factories.EnrollmentFactory(city=membership.city)
        factories.SessionFactory(cohort=enrollment.cohort, kind="workshop")
    membership.user.language = "es"
    membership.user.save()
    with translation.override("en"):
        feed = feed_for(user=membership.user).decode()
    with translation.override("es"):
        workshop = translation.gettext("Workshop")
    assert f"CATEGORIES:{workshop}" in feed and workshop != "Workshop"


def test_the_leak_checker_finds_english_and_leaves_what_people_wrote():
    exact, fragments = english_interface("es")
    assert "Sign in" in exact
    texts = [
        {"where": "button", "text": "Sign in"},
        {"where": "p", "text": "Iniciar sesión"},
        {"where": "h2", "text": "Open data portal"},
        {"where": "p", "text": f"{settings.LANGUAGE_CODE} 42"},
    ]
    leaks = english_left(texts, exact=exact, fragments=fragments, content=["Open data portal"])
    assert [(where, text) for where, text, _english in leaks] == [("button", "Sign in")]
