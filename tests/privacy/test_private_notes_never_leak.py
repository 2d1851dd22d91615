"""Private coach notes and internal application notes never appear in a response to a city
member: not on a page, in the API, an export (CSV, XLSX, ICS, the city's archive), an e-mail,
an in-app notification or a PDF. The coach and program staff, who may read them, do see
them where they belong, which proves the search would find a leak.

The program is the demo (two cities, their check-ins, items, showcases, strategy and
applications), every private field stamped with a unique marker (see ``tests/privacy/leaks``).
Pages are found by crawling from the portal's and the API's entry points, so new pages join
by being linked; the tenancy matrix's GET cases (every URL pattern) are checked too.
"""

import datetime
import importlib.util
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from applications import lifecycle as application_domain
from applications.models import Application
from cities.models import City
from coaching.actions import create_action_item
from coaching.checkins import log_checkin
from coaching.key_moments import answer_mayor_request, request_mayor_decision
from notifications.models import EmailOutbox, Notification, NotificationEvent
from notifications.reminders import run_reminder_sweep
from showcases import workflow
from strategy.models import Strategy, StrategyState
from strategy.review import approve_strategy, submit_for_review
from tests import factories
from tests.privacy.leaks import (
    body_of,
    collect_secrets,
    crawl,
    found,
    leaks,
    readable,
    stamp_markers,
)
from tests.tenancy import build_world, client_for
from tests.test_tenancy_matrix import CASES

pytestmark = pytest.mark.django_db

CITY_PEOPLE = [
    "cdo@riverton.demo.test",
    "mayor@riverton.demo.test",
    "cdo@lakeside.demo.test",
    "mayor@lakeside.demo.test",
]
OTHER_COACH = "coach@demo.test"  # coaches Riverton only: Lakeside's notes are not theirs
STARTS = [
    "/",
    "/inbox/",
    "/inbox/preferences/",
    "/apply/",
    "/apply/applications/",
    "/calendar/",
    "/library/",
    "/coach/",
    "/api/v1/",
    "/api/v1/cities/",
    "/api/v1/applications/",
    "/api/v1/cohorts/",
]
CITY_STARTS = [
    "/c/{slug}/",
    "/c/{slug}/coaching/",
    "/c/{slug}/schedule/",
    "/c/{slug}/showcases/",
    "/c/{slug}/strategy/",
    "/c/{slug}/export/",
    "/api/v1/cities/{slug}/",
    "/api/v1/cities/{slug}/checkins/",
    "/api/v1/cities/{slug}/action-items/",
    "/api/v1/cities/{slug}/sessions/",
    "/api/v1/cities/{slug}/hours/",
    "/api/v1/cities/{slug}/showcases/",
    "/api/v1/cities/{slug}/strategy/",
    "/api/v1/cities/{slug}/strategy/pdf/",
]
# What the program's flows below must have told someone about (a floor, not the whole list).
EXPECTED_EVENTS = {
    "coaching.checkin_logged",
    "coaching.action_item_assigned",
    "coaching.mayor_request",
    "coaching.mayor_answered",
    "application.submitted",
    "application.accepted",
    "application.invitation",
    "showcase.submitted",
    "showcase.revision_requested",
    "showcase.resubmitted",
    "showcase.accepted",
    "strategy.submitted",
    "strategy.approved",
}


def user(email):
    return get_user_model().objects.get(email=email)


def _client(person):
    client = Client()
    client.force_login(person)
    return client


HAS_CITY_ARCHIVE = importlib.util.find_spec("stewardship") is not None


def _city_export_hook(city, admin):
    """The city's data archive (``stewardship``), when installed: its administrator asks
    for one; the crawl then downloads it from ``/c/<city>/export/`` and reads every file."""
    if not HAS_CITY_ARCHIVE:
        return
    from stewardship.exports import request_city_export

    with scope(city=city):
        request_city_export(city=city, user=admin)


def _run_the_program(now):
    """Every kind of flow that tells people things, with the private fields stamped."""
    with scopes_disabled():
        riverton, lakeside = City.objects.get(slug="riverton"), City.objects.get(slug="lakeside")
    coach, cdo, mayor = (
        user("coach@demo.test"),
        user("cdo@riverton.demo.test"),
        user("mayor@riverton.demo.test"),
    )
    staff = user("staff@demo.test")
    with scope(city=riverton):
        checkin = log_checkin(
            city=riverton,
            by=coach,
            values={
                "happened_at": now - datetime.timedelta(hours=3),
                "duration_minutes": 50,
                "mode": "video",
                "summary": "Shared with the team.",
                "private_notes": "LEAKMARK-COACHNOTE-riverton-new-END",
                "lead_rag": "red",
                "lead_why": "Slow.",
            },
            attendee_ids={cdo.pk, mayor.pk},
        )
        create_action_item(
            city=riverton,
            by=coach,
            checkin=checkin,
            title="Leak-proof item",
            owner=cdo,
            due_on=timezone.localdate() + datetime.timedelta(days=1),
        )
        request = request_mayor_decision(
            city=riverton,
            by=coach,
            question="Fund it?",
            deadline=timezone.localdate() + datetime.timedelta(3),
        )
        answer_mayor_request(request=request, by=mayor, answer="Yes.")
        showcase = factories.ShowcaseFactory(city=riverton, created_by=cdo)
        factories.EvidenceLinkFactory(showcase=showcase)
        workflow.submit_showcase(showcase=showcase, by=cdo)
        workflow.request_revision(showcase=showcase, by=coach, strengths="Clear.")
        workflow.resubmit(showcase=showcase, by=cdo)
        workflow.accept_showcase(showcase=showcase, by=coach)
        workflow.post_message(showcase=showcase, by=coach, body="Well done.")
        strategy = Strategy.objects.get(city=riverton)
        if strategy.state != StrategyState.IN_REVIEW:
            submit_for_review(strategy=strategy, user=cdo)
        approve_strategy(strategy=strategy, user=mayor)
    with scopes_disabled():
        application = factories.ApplicationFactory(
            applicant=cdo, internal_notes="LEAKMARK-APPNOTE-fresh-END"
        )
    application_domain.submit_application(application=application, by=cdo)
    application_domain.start_review(application=application, by=staff)
    application_domain.accept_application(application=application, by=staff)
    for city in (riverton, lakeside):
        _city_export_hook(city, user(f"cdo@{city.slug}.demo.test"))
    for days in (0, 1, 2, 4, 8, 15, 32, 45):
        run_reminder_sweep(now=now + datetime.timedelta(days=days))


@pytest.fixture
def program(django_capture_on_commit_callbacks):
    """The demo, stamped, after every flow ran; returns the secrets (before and after)."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())
    secrets = collect_secrets()
    stamp_markers()
    with django_capture_on_commit_callbacks(execute=True):
        _run_the_program(timezone.now())
    secrets |= collect_secrets()
    stamp_markers()
    return secrets | collect_secrets()


def _starts(*slugs):
    return STARTS + [s.format(slug=slug) for slug in slugs for s in CITY_STARTS]


@pytest.mark.parametrize("email", [*CITY_PEOPLE, OTHER_COACH])
def test_no_page_api_or_download_shows_a_city_person_the_notes(program, email):
    person = user(email)
    visits = crawl(_client(person), _starts("riverton", "lakeside"))
    leaked = {v.url: leaks(v.text, person, program) for v in visits}
    assert not {url: found for url, found in leaked.items() if found}
    reached = [v.url for v in visits if v.status == 200]
    assert len(reached) > 20, reached
    if email != OTHER_COACH:  # their own check-ins, where a leak would sit
        assert any("/coaching/checkins/" in url for url in reached), reached
    if HAS_CITY_ARCHIVE and email.startswith("cdo@"):  # the city's administrator
        assert any(re.search(r"/export/\d+/download/", url) for url in reached), reached


def test_the_coach_and_staff_find_the_notes_where_they_belong(program):
    coach = user(OTHER_COACH)
    visits = crawl(_client(coach), _starts("riverton"))
    seen = set().union(*(found(v.text, program) for v in visits))
    assert {s.kind for s in seen} == {"checkin"}
    assert all(s.text.startswith("LEAKMARK") or s.city_id for s in seen)
    staff = _client(user("staff@demo.test"))
    with scopes_disabled():
        application = Application.objects.exclude(internal_notes="").first()
    page = staff.get(f"/admin/cities/application/{application.pk}/change/")
    assert application.internal_notes in readable(body_of(page))


def test_no_email_or_notification_carries_the_notes_to_someone_who_may_not_read_them(program):
    with scopes_disabled():
        events = set(NotificationEvent.objects.values_list("event", flat=True))
        emails = list(EmailOutbox.objects.select_related("recipient"))
        notes = list(Notification.objects.select_related("recipient"))
    assert EXPECTED_EVENTS <= events, sorted(EXPECTED_EVENTS - events)
    assert len(mail.outbox) > 20 and len(emails) > 20
    problems = []
    for email in emails:
        text = " ".join([email.subject, email.body_text, email.body_html, str(email.attachments)])
        problems += [(email.to, email.subject, s) for s in leaks(text, email.recipient, program)]
    for note in notes:
        text = " ".join([note.subject, note.body, note.url])
        problems += [
            (note.recipient, note.subject, s) for s in leaks(text, note.recipient, program)
        ]
    by_address = {u.email: u for u in get_user_model().objects.all()}
    for message in mail.outbox:
        parts = [
            message.subject,
            message.body,
            *[alt[0] for alt in getattr(message, "alternatives", [])],
            *[str(a[1]) for a in message.attachments if isinstance(a, tuple)],
        ]
        for address in message.to:
            problems += [
                (address, message.subject, s)
                for s in leaks(" ".join(parts), by_address.get(address), program)
            ]
    assert not problems


def test_pdfs_and_staff_exports_carry_no_notes_at_all(program, django_capture_on_commit_callbacks):
    """Files travel (to funders, councils, the press): no private text in any of them."""
    from dashboards.exports import EXPORTS
    from strategy.models import StrategyDocument
    from strategy.tasks import render_strategy_pdf

    staff = _client(user("staff@demo.test"))
    with scopes_disabled():
        riverton = City.objects.get(slug="riverton")
        strategy = Strategy.objects.get(city=riverton)
    for kind in ("full", "brief"):
        render_strategy_pdf.apply(args=(strategy.pk, kind, "en")).get()
    with django_capture_on_commit_callbacks(execute=True):
        assert staff.get("/staff/cohorts/demo-cohort/report/").status_code == 200
    files = {"cohort report": staff.get("/staff/cohorts/demo-cohort/report/?download=1")}
    for what in EXPORTS:
        for fmt in ("csv", "xlsx"):
            files[f"{what}.{fmt}"] = staff.get(f"/staff/cohorts/demo-cohort/export/{what}.{fmt}")
    for fmt in ("csv", "xlsx"):
        files[f"health.{fmt}"] = staff.get(f"/staff/cohorts/demo-cohort/health.{fmt}")
    texts = {name: readable(body_of(r)) for name, r in files.items() if r.status_code == 200}
    with scopes_disabled():
        # Riverton's documents, the ones rendered above (other demo cities have their own)
        for document in StrategyDocument.objects.filter(strategy=strategy).exclude(file=""):
            with document.file.open("rb") as handle:
                texts[f"strategy {document.kind}"] = readable(handle.read())
    assert set(files) <= set(texts), sorted(set(files) - set(texts))
    assert {"strategy full", "strategy brief"} <= set(texts)
    assert "Riverton" in texts["strategy full"] and "Riverton" in texts["cohort report"]
    assert not {name: found(text, program) for name, text in texts.items() if found(text, program)}


# --- every URL pattern, through the tenancy matrix -------------------------------------------

READERS = ["member_a", "mayor_a", "coach_b", "outsider"]  # the outsider is an applicant


def _walk_matrix(role):
    """GET every case of the matrix as ``role``: (case name, url, text, secrets) each."""
    world = build_world()
    with scopes_disabled():
        factories.CheckInFactory(city=world.city, coach=world.users["coach_a"])
        factories.ApplicationFactory(applicant=world.users["member_a"], city=world.city)
    for case in [c for c in CASES if c.method == "get" and not c.covers_prefix]:
        if case.setup:
            with scopes_disabled():
                case.setup(world)
        url = case.url(world)
        stamp_markers()
        response = client_for(world, role, api=case.api).get(url)
        yield world.users[role], case.name, url, readable(body_of(response)), collect_secrets()


@pytest.mark.parametrize("role", READERS)
def test_no_url_pattern_of_the_matrix_shows_the_notes(role):
    problems = [
        (name, url, s)
        for person, name, url, text, secrets in _walk_matrix(role)
        for s in leaks(text, person, secrets)
    ]
    assert not problems


def test_the_matrix_walk_shows_the_coach_their_citys_notes():
    pages = [
        name for person, name, url, text, secrets in _walk_matrix("coach_a") if found(text, secrets)
    ]
    assert any("checkins" in name for name in pages), pages
