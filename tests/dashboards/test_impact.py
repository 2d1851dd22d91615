"""The impact report for the funder: each figure is the sum of the records behind it (the
test adds the records up itself), the country filter, and the page, the XLSX and the PDF
showing the same figures."""

import datetime
import html
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import polib
import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from openpyxl import load_workbook
from pypdf import PdfReader

from accounts.models import Membership, Role
from assessment.models import Answer, Assessment, Criterion, Review
from assessment.results import scores_of
from assessment.windows import open_assessment
from caching.data_versions import forget_data
from dashboards.impact import impact_report, months_begun
from dashboards.impact_sections import impact_sections
from dashboards.models import CohortReport
from feedback.models import SessionFeedback
from schedule.models import Attendance, HoursEntry, Session
from showcases.models import Showcase
from strategy.editing import start_strategy
from strategy.models import Strategy
from tests import factories

pytestmark = pytest.mark.django_db

COUNTRIES = ["US", "MX", "MX", "BR"]


def _world(cities=4):
    """A cohort of ``cities`` cities in the US, Mexico and Brazil, each with its own mix of
    ledger lines (some outside the cohort), attendance, showcases and strategies."""
    cohort = factories.CohortFactory(
        starts_on=timezone.localdate() - datetime.timedelta(days=70))
    now = timezone.now()
    with scopes_disabled():
        held = [factories.SessionFactory(
            cohort=cohort, starts_at=now - datetime.timedelta(days=d), audience=audience)
            for d, audience in ((20, "everyone"), (10, "mayors"), (5, "senior_teams"))]
        factories.SessionFactory(cohort=cohort, starts_at=now - datetime.timedelta(days=3),
                                 is_cancelled=True)
        factories.SessionFactory(cohort=cohort)  # still to come
        for n in range(cities):
            city = factories.CityFactory(country=COUNTRIES[n % len(COUNTRIES)],
                                         monthly_commitment_hours=4 + n % 3)
            enrollment = factories.EnrollmentFactory(cohort=cohort, city=city)
            mayor = factories.MembershipFactory(city=city, role=Role.MAYOR).user
            team = [factories.MembershipFactory(city=city, role=role).user
                    for role in (Role.CDO, Role.POLICY_LEAD)[: 1 + n % 2]]
            for k, person in enumerate([mayor, *team]):
                factories.HoursEntryFactory(city=city, user=person, hours=1.5 + k + n,
                                            on_date=cohort.starts_on + datetime.timedelta(k))
            factories.HoursEntryFactory(  # before the cohort: not delivered by it
                city=city, user=team[0], hours=9, on_date=cohort.starts_on - datetime.timedelta(3))
            for k, session in enumerate(held[: 1 + n % 3]):
                Attendance.objects.create(session=session, city=city, user=team[0])
                SessionFeedback.objects.create(session=session, city=city, user=team[0],
                                               rating=1 + (n + k) % 5, asked_at=now)
            SessionFeedback.objects.create(session=held[0], city=city, user=mayor,
                                           asked_at=now)  # asked, not answered
            for state in ("draft", "accepted", "presented")[: 1 + n % 3]:
                factories.ShowcaseFactory(city=city, state=state)
            if n % 2:
                Showcase.objects.filter(city=city, state="accepted").update(
                    publication_consent=True, published_at=now)
            _assess(enrollment, n)
            strategy = start_strategy(city=city)
            if n % 3 == 0:
                Strategy.objects.filter(pk=strategy.pk).update(state="approved")
    return cohort


def _assess(enrollment, n):
    """A baseline with the first criteria of the default framework met and verified (more
    for later cities), an end with more still for every other city; a criterion answered
    but not verified does not count."""
    for kind, met in (("baseline", 2 + n), ("end", 4 + 3 * n))[: 1 + n % 2]:
        assessment = open_assessment(enrollment=enrollment, kind=kind)
        criteria = list(Criterion.objects.filter(area__framework=assessment.framework)
                        .order_by("area__order", "order").prefetch_related("items"))
        for k, criterion in enumerate(criteria[: met + 1]):
            for item in criterion.items.all():
                Answer.objects.create(assessment=assessment, item=item, holds=True)
            if k < met:  # the last one answered, not verified
                Review.objects.create(assessment=assessment, criterion=criterion,
                                      verdict="verified")


def _expected(cohort, country=None):
    """Each city's figures added up from the records, independently of the report."""
    today = timezone.localdate()
    now = timezone.now()
    expected = {}
    with scopes_disabled():
        past = list(Session.objects.filter(cohort=cohort, is_cancelled=False, ends_at__lt=now)
                    .exclude(kind="coaching"))
        enrollments = cohort.enrollments.select_related("city")
        for enrollment in enrollments:
            city = enrollment.city
            if country and city.country != country:
                continue
            members = list(Membership.objects.filter(city=city))
            mayors = sum(1 for m in members if m.role == Role.MAYOR)
            team = len(members) - mayors
            invited = sum(mayors if s.audience == "mayors" else team
                          if s.audience == "senior_teams" else len(members) for s in past)
            showcases = Showcase.objects.filter(city=city)
            feedback = SessionFeedback.objects.filter(city=city, session__cohort=cohort)
            expected[city.name] = {
                "hours": sum(e.hours for e in HoursEntry.objects.filter(
                    city=city, on_date__gte=cohort.starts_on, on_date__lte=today)),
                "committed": city.monthly_commitment_hours * team * months_begun(cohort, today),
                "attended": Attendance.objects.filter(
                    city=city, session__in=past).count(),
                "invited": invited,
                "showcased": showcases.filter(state__in=["accepted", "presented"]).count(),
                "published": showcases.filter(published_at__isnull=False).count(),
                "approved": Strategy.objects.filter(city=city, state="approved").count(),
                "asked": feedback.count(),
                "answered": feedback.filter(rating__isnull=False).count(),
                "rating_total": sum(f.rating for f in feedback if f.rating),
            }
    return expected, len(past)


def _figures(row):
    f = row.figures
    return {"hours": f.hours, "committed": f.committed, "attended": f.attended,
            "invited": f.invited, "showcased": f.showcased, "published": f.published,
            "approved": f.approved, "asked": f.asked, "answered": f.answered,
            "rating_total": f.rating_total}


def test_every_figure_is_the_sum_of_the_records_behind_it():
    cohort = _world()
    impact = impact_report(cohort=cohort)
    expected, held = _expected(cohort)
    assert {row.city.name: _figures(row) for row in impact.rows} == expected
    total = impact.total
    for name in ("hours", "committed", "attended", "invited", "showcased", "published",
                 "approved", "asked", "answered", "rating_total"):
        assert getattr(total, name) == sum(city[name] for city in expected.values()), name
    assert total.sessions == held == 3
    assert total.hours_percent == round(total.hours * 100 / total.committed)
    assert total.approved == 2 and total.published == 1  # the world's own mix, not zero
    assert impact.assessments and impact.practice_areas
    assert total.average_rating == round(
        Decimal(total.rating_total) / total.answered, 1) and total.answered < total.asked


def test_the_country_filter_keeps_that_countrys_cities_and_their_sums(client):
    cohort = _world()
    impact = impact_report(cohort=cohort, country="Mexico")  # a name works as well as a code
    expected, _held = _expected(cohort, country="MX")
    assert impact.country == "MX" and len(expected) == 2
    assert {row.city.name: _figures(row) for row in impact.rows} == expected
    assert impact.total.hours == sum(c["hours"] for c in expected.values())

    client.force_login(factories.UserFactory(is_staff=True))
    page = client.get(f"/staff/cohorts/{cohort.slug}/impact/?country=MX").content.decode()
    assert sorted(_table(page, "hours")) == sorted(expected)
    assert '<option value="MX" selected>Mexico</option>' in page


def test_a_country_of_no_city_in_the_cohort_is_refused_where_it_was_chosen(client):
    cohort = _world()
    client.force_login(factories.UserFactory(is_staff=True))
    response = client.get(f"/staff/cohorts/{cohort.slug}/impact/?country=Narnia")
    assert response.status_code == 200
    page = response.content.decode()
    assert "“Narnia” is not the country of any city in this cohort" in page
    assert 'aria-describedby="f-country-error"' in page
    assert len(_table(page, "hours")) == 4  # nothing filtered away


def _table(page, key):
    """``{city: [cells]}`` of the page's table ``key`` (its body rows)."""
    body = page.split(f'<table id="{key}-table">')[1].split("<tbody>")[1].split("</tbody>")[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [re.sub(r"<[^>]+>", "", c).strip()
                 for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows[cells[0]] = [html.unescape(c) for c in cells[1:]]
    return rows


def _number(text):
    return float(text) if text not in ("", None) else None


def test_the_xlsx_and_the_pdf_show_the_page_s_figures(client, django_capture_on_commit_callbacks):
    cohort = _world()
    client.force_login(factories.UserFactory(is_staff=True))
    page = client.get(f"/staff/cohorts/{cohort.slug}/impact/?country=MX").content.decode()
    book = load_workbook(io.BytesIO(
        client.get(f"/staff/cohorts/{cohort.slug}/impact.xlsx?country=MX").content))
    assert book.sheetnames == ["Report", "Data practice", "Practice areas", "Hours",
                               "Sessions", "Showcases", "Strategies", "Feedback"]
    title = [row for row in book["Report"].iter_rows(values_only=True)]
    assert title[0][0] == f"Impact report: {cohort.name}"
    assert ("Country", "Mexico") in title

    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"/staff/cohorts/{cohort.slug}/impact/pdf/?country=MX")
    report = CohortReport.objects.get(cohort=cohort, kind="impact")
    assert report.status == "ready", report.error
    assert report.country == "MX"
    download = client.get(f"/staff/cohorts/{cohort.slug}/impact/pdf/?country=MX&download=1")
    assert download["Content-Type"] == "application/pdf"
    pdf = " ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(b"".join(download.streaming_content))).pages)
    pdf = re.sub(r"\s+", " ", pdf)
    assert f"Impact report: {cohort.name}" in pdf and "Cities in Mexico only." in pdf

    for sheet, key in (("Data practice", "assessment"), ("Hours", "hours"),
                       ("Sessions", "sessions"), ("Showcases", "showcases"),
                       ("Strategies", "strategies"), ("Feedback", "feedback")):
        on_page = _table(page, key)
        rows = list(book[sheet].iter_rows(min_row=5, values_only=True))
        in_book = {row[0]: list(row[1:]) for row in rows[:-1]}
        rows[-1] = rows[-1][1:]  # the total row, after its label
        assert sorted(in_book) == sorted(on_page) and len(on_page) == 2
        for city, cells in on_page.items():
            _same_cells(cells, in_book[city], (sheet, city))
            # the PDF's row: the same cells in the same order
            assert " ".join(c for c in cells if c) in pdf, (sheet, city, cells)
        total = page.split(f'<table id="{key}-table">')[1].split("<tfoot>")[1]
        total_cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(
            r"<t[hd][^>]*>(.*?)</t[hd]>", total.split("</tfoot>")[0], re.S)]
        _same_cells(total_cells[1:], list(rows[-1]), (sheet, "total"))
        assert any(re.fullmatch(r"-?[\d.]+", c) for c in total_cells), (key, total_cells)


def _same_cells(on_page, in_book, where):
    """A row of the page equals the workbook's: numbers as numbers, text as text."""
    assert len(on_page) == len(in_book), where
    for page_cell, book_cell in zip(on_page, in_book, strict=True):
        if re.fullmatch(r"-?[\d.]+", page_cell):
            assert float(page_cell) == float(book_cell), where
        else:
            assert page_cell == (book_cell or ""), where


def test_an_unchanged_report_is_not_rendered_twice(client, django_capture_on_commit_callbacks):
    cohort = _world(cities=2)
    client.force_login(factories.UserFactory(is_staff=True))
    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"/staff/cohorts/{cohort.slug}/impact/pdf/")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = client.get(f"/staff/cohorts/{cohort.slug}/impact/pdf/")
    assert callbacks == []
    assert "The PDF is ready." in again.content.decode()
    assert CohortReport.objects.get(cohort=cohort, kind="impact").attempts == 1


@pytest.mark.parametrize("cities", [4, 24])
def test_the_page_costs_the_same_queries_for_4_or_24_cities(cities, client,
                                                             django_assert_num_queries):
    cohort = _world(cities)
    client.force_login(factories.UserFactory(is_staff=True))
    client.get(f"/staff/cohorts/{cohort.slug}/impact/")  # per-process caches warmed
    forget_data(everything=True)
    # session, user, savepoint, the cohort's cities, their people, the sessions, every
    # count grouped by city (hours, attendance, showcases, strategies) in one, feedback,
    # the assessments' scores (five: assessments, criteria, items, answers, verdicts), their
    # practice areas' names, release
    with django_assert_num_queries(15):
        response = client.get(f"/staff/cohorts/{cohort.slug}/impact/")
    assert len(_table(response.content.decode(), "hours")) == cities


@pytest.fixture
def catalogues(tmp_path, settings):
    """The project's catalogues with this report's translations merged in (as the lead
    merges ``locale/pending``), compiled into ``tmp_path`` and used for the test."""
    locale = Path(settings.BASE_DIR) / "locale"
    pending = json.loads((locale / "pending/impact.json").read_text(encoding="utf-8"))
    for language in ("es", "pt_BR"):
        catalogue = polib.pofile(str(locale / language / "LC_MESSAGES/django.po"))
        known = {entry.msgid for entry in catalogue}
        for entry in pending:
            if entry["msgid"] not in known:
                catalogue.append(polib.POEntry(msgid=entry["msgid"], msgstr=entry[language]))
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        catalogue.save_as_mofile(str(folder / "django.mo"))
    settings.LOCALE_PATHS = [str(tmp_path)]
    return {entry["msgid"]: entry for entry in pending}


@pytest.mark.parametrize("language", ["es", "pt-br"])
def test_the_report_comes_in_the_reader_s_language(language, catalogues, client):
    cohort = _world(cities=2)
    key = "es" if language == "es" else "pt_BR"
    client.force_login(factories.UserFactory(is_staff=True, language=language))
    page = client.get(f"/staff/cohorts/{cohort.slug}/impact/").content.decode()
    for msgid in ("Training hours delivered against commitments", "Places offered",
                  "The cohort at a glance"):
        assert catalogues[msgid][key] in page
    assert "Training hours delivered against commitments" not in page
    book = load_workbook(io.BytesIO(
        client.get(f"/staff/cohorts/{cohort.slug}/impact.xlsx").content))
    title = book.worksheets[0]["A1"].value
    assert title == catalogues["Impact report: %(cohort)s"][key] % {"cohort": cohort.name}
    header = [c.value for c in book.worksheets[3][4]]  # the hours sheet
    assert catalogues["Hours delivered"][key] in header


def test_a_city_that_withdrew_is_named_so_and_what_it_did_still_counts(client):
    cohort = _world(cities=2)
    with scopes_disabled():
        enrollment = cohort.enrollments.select_related("city").order_by("pk").first()
        enrollment.withdrawn_on = timezone.localdate() - datetime.timedelta(days=2)
        enrollment.save()
    expected, _held = _expected(cohort)
    client.force_login(factories.UserFactory(is_staff=True))
    page = client.get(f"/staff/cohorts/{cohort.slug}/impact/").content.decode()
    label = f"{enrollment.city.name} (withdrew on "
    assert any(city.startswith(label) for city in _table(page, "hours"))
    assert impact_report(cohort=cohort).total.hours == sum(
        city["hours"] for city in expected.values())


def test_baseline_and_end_add_up_each_city_s_verified_criteria():
    cohort = _world()
    impact = impact_report(cohort=cohort)
    sections = {s.key: s for s in impact_sections(impact)}
    with scopes_disabled():
        assessments = list(Assessment.objects.filter(enrollment__cohort=cohort)
                           .select_related("framework"))
        verified = {a.pk: Review.objects.filter(assessment=a, verdict="verified").count()
                    for a in assessments}
        scores = {a.pk: scores_of([a])[a.pk] for a in assessments}  # one by one
    names = {row.city.pk: row.city.name for row in impact.rows}
    table = {row[0]: row for row in sections["assessment"].rows}
    for a in assessments:
        row = table[names[a.city_id]]
        met, percent = (row[2], row[3]) if a.kind == "baseline" else (row[5], row[6])
        assert met == verified[a.pk] == len(scores[a.pk].met)  # the unverified one left out
        assert percent == scores[a.pk].percent
    for kind, column in (("baseline", 2), ("end", 5)):
        assert sections["assessment"].total[column] == sum(
            verified[a.pk] for a in assessments if a.kind == kind)
    # per practice area, the cohort's share adds up every city's criteria of that area
    areas = sections["areas"]
    for n, key in enumerate(impact.practice_areas, start=1):
        shares = {}
        for kind in ("baseline", "end"):
            met = sum(scores[a.pk].areas[key].met for a in assessments if a.kind == kind)
            total = sum(scores[a.pk].areas[key].total for a in assessments if a.kind == kind)
            shares[kind] = met * 100 // total
        assert areas.total[n] == f"{shares['baseline']}% → {shares['end']}%"
