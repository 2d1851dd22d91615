"""The staff's cohort health dashboard: figures recomputed from the records, no N+1."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from accounts.models import Membership, Role
from caching.data_versions import ALL
from caching.versioned_cache import bump
from coaching.models import ActionItem, CheckIn
from cohorts.models import Cohort
from dashboards.health import AMBER, GREEN, RED, cohort_health, sort_rows
from schedule.models import Attendance, HoursEntry, Rsvp, Session
from showcases.models import Showcase
from strategy.editing import start_strategy
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())
    return Cohort.objects.get(slug="demo-cohort")


def _rows(cohort):
    return {row.city.slug: row for row in cohort_health(cohort=cohort)}


def test_action_item_and_showcase_figures_equal_the_records(demo):
    today = timezone.localdate()
    rows = _rows(demo)
    with scopes_disabled():
        for slug, row in rows.items():
            items = ActionItem.objects.filter(city__slug=slug, status="open")
            overdue = items.filter(due_on__lt=today).count()
            assert row.cells["actions"].value == overdue
            assert f"{items.count()} open, {overdue} overdue" == row.cells["actions"].text
            done = Showcase.objects.filter(
                city__slug=slug, state__in=["accepted", "presented"]
            ).count()
            assert row.cells["showcases"].value == done


def test_checkin_and_hours_figures_equal_the_records(demo):
    rows = _rows(demo)
    with scopes_disabled():
        for slug, row in rows.items():
            held = CheckIn.objects.filter(
                city__slug=slug, status="logged", happened_at__date__gte=demo.starts_on
            ).count()
            assert row.cells["checkins"].value == held
            for month, hours, _commitment in row.hours_by_month:
                following = (month + datetime.timedelta(days=32)).replace(day=1)
                recorded = sum(
                    e.hours for e in HoursEntry.objects.filter(
                        city__slug=slug, on_date__gte=month, on_date__lt=following
                    )
                )
                assert hours == recorded


def test_attendance_and_convening_figures_equal_the_records(demo):
    now = timezone.now()
    rows = _rows(demo)
    with scopes_disabled():
        for slug, row in rows.items():
            members = list(Membership.objects.filter(city__slug=slug))
            mayors = [m.user_id for m in members if m.role == Role.MAYOR]
            past = Session.objects.filter(cohort=demo, ends_at__lt=now, is_cancelled=False)
            past = past.exclude(kind="coaching")
            invited = 0
            for session in past:
                if session.audience == "mayors":
                    invited += len(mayors)
                elif session.audience == "senior_teams":
                    invited += len(members) - len(mayors)
                elif session.audience == "everyone" or session.city and session.city.slug == slug:
                    invited += len(members)
            attended = Attendance.objects.filter(city__slug=slug, session__in=past).count()
            if invited:
                assert row.cells["attendance"].value == round(min(attended / invited, 1) * 100)
            convening = Session.objects.filter(
                cohort=demo, kind="convening", audience="mayors", is_cancelled=False
            )
            # Held: marked present; still to come: said yes.
            confirmed = all(
                (Attendance if s.starts_at <= now else Rsvp).objects.filter(
                    session=s, user_id__in=mayors
                ).exclude(**({} if s.starts_at <= now else {"answer__in": ["no", "maybe"]}))
                .exists()
                for s in convening
            ) and bool(mayors)
            assert (row.cells["convening"].value == 1) == confirmed
            # A withdrawn city keeps its figures without a colour (tests/cohorts/test_withdrawal).
            if not row.enrollment.withdrawn_on:
                assert (row.cells["convening"].rag == GREEN) == confirmed
            assert confirmed, "both demo mayors attended the convening"


def test_the_demo_shows_red_amber_and_green_for_real_reasons(demo):
    colours = {cell.rag for row in _rows(demo).values() for cell in row.cells.values()}
    assert {RED, AMBER, GREEN} <= colours


def test_most_red_first_sorting(demo):
    rows = sort_rows(cohort_health(cohort=demo), "-reds")
    assert [r.reds for r in rows] == sorted((r.reds for r in rows), reverse=True)


def _cohort_of(n):
    cohort = factories.CohortFactory()
    with scopes_disabled():
        for _i in range(n):
            enrollment = factories.EnrollmentFactory(cohort=cohort)
            city = enrollment.city
            factories.CoachAssignmentFactory(enrollment=enrollment)
            mayor = factories.MembershipFactory(city=city, role=Role.MAYOR).user
            factories.MembershipFactory(city=city, role=Role.CDO)
            factories.CheckInFactory(city=city, enrollment=enrollment)
            factories.ActionItemFactory(city=city)
            factories.ShowcaseFactory(city=city)
            factories.HoursEntryFactory(city=city, user=mayor)
            start_strategy(city=city)
        session = factories.SessionFactory(
            cohort=cohort, kind="convening", audience="mayors",
            starts_at=timezone.now() - datetime.timedelta(days=3),
            ends_at=timezone.now() - datetime.timedelta(days=3, hours=-2),
        )
        for membership in Membership.objects.filter(city__enrollments__cohort=cohort):
            Attendance.objects.create(session=session, city=membership.city,
                                      user=membership.user)
    return cohort


@pytest.mark.parametrize("cities", [5, 50])
def test_dashboard_query_count_does_not_grow_with_cities(cities, client,
                                                         django_assert_num_queries):
    cohort = _cohort_of(cities)
    client.force_login(factories.UserFactory(is_staff=True))
    # 15 rendered for the first time (31, then 18 before): the cohort's enrollments are
    # read once, for the versions the cached page depends on and for the rows
    # (dashboards/health_reads.py); the convening's answers in the grouped counts' query;
    # what each city's own records say (dashboards.health_cache.own_figures: each
    # strategy's percent from its plans' counts, the counts of its check-ins, action items
    # and showcases, its people's hours) in four queries for every city.
    with django_assert_num_queries(15):
        response = client.get(f"/staff/cohorts/{cohort.slug}/health/")
    assert response.status_code == 200
    health_table = response.content.decode().split('<table class="health">')[1].split("</table>")[0]
    assert health_table.count('<th scope="row">') == cities
    # Again, nothing changed: the page comes from the page cache (session, user, the
    # cohort's cities, whose versions the cached page depends on; and the request's
    # savepoint and its release).
    with django_assert_num_queries(5):
        again = client.get(f"/staff/cohorts/{cohort.slug}/health/")
    again_table = again.content.decode().split('<table class="health">')[1].split("</table>")[0]
    assert again_table == health_table
    # After a change of shared data (every page rendered afresh), what each city's own
    # records say is kept: it depends on its city's records only
    # (dashboards.health_cache.own_figures), as are the header's navigation and unread
    # count (their own versions): 9, the same table.
    bump(ALL)
    with django_assert_num_queries(9):
        afresh = client.get(f"/staff/cohorts/{cohort.slug}/health/")
    assert afresh.content.decode().split('<table class="health">')[1].split(
        "</table>")[0] == health_table


def test_xlsx_export_has_the_filtered_rows(demo, client):
    client.force_login(factories.UserFactory(is_staff=True))
    response = client.get("/staff/cohorts/demo-cohort/health.xlsx?country=Mexico")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "City"
    assert [r[0] for r in rows[1:]] == ["Lakeside", "Puerto Sol"]  # the demo's Mexican cities


def test_csv_export_and_unknown_format(demo, client):
    client.force_login(factories.UserFactory(is_staff=True))
    csv_text = client.get("/staff/cohorts/demo-cohort/health.csv").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("City,Country,Coaches")
    assert {"Lakeside", "Riverton"} <= {line.split(",")[0] for line in csv_text.splitlines()}
    assert client.get("/staff/cohorts/demo-cohort/health.exe").status_code == 404


def test_api_gives_staff_the_same_figures_as_the_page(demo, client):
    client.force_login(factories.UserFactory(is_staff=True))
    data = client.get(f"/api/v1/cohorts/{demo.slug}/health/").json()
    rows = _rows(demo)
    assert {r["city"] for r in data["results"]} == set(rows)
    for result in data["results"]:
        for key, cell in result["cells"].items():
            assert cell["rag"] == rows[result["city"]].cells[key].rag
            assert cell["text"] == str(rows[result["city"]].cells[key].text)
    assert set(data["rules"]) == set(result["cells"])


def test_the_hours_chart_numbers_are_also_a_table(demo, client):
    client.force_login(factories.UserFactory(is_staff=True))
    body = client.get("/staff/cohorts/demo-cohort/health/").content.decode()
    table = body.split("Training hours by month, as a table")[1].split("</table>")[0]
    for slug, row in _rows(demo).items():
        for _month, hours, _commitment in row.hours_by_month:
            assert f"<td>{hours.normalize():f}</td>" in table or f"<td>{hours:.1f}</td>" in table
        assert row.city.name in table
    assert '<svg class="bars" role="img"' in body and "<title>Training hours per month" in body


def test_a_citys_own_figures_follow_its_records_not_a_shared_change(demo):
    """What a city's own records say (dashboards.health_cache.own_figures) is kept per
    city: a shared change alone keeps it, a new record of the city shows at once."""
    before = _rows(demo)
    today = timezone.localdate()
    with scopes_disabled():
        riverton = before["riverton"].city
        member = (Membership.objects.filter(city=riverton).exclude(role=Role.MAYOR)
                  .select_related("user").first().user)
        bump(ALL)  # a shared change: nothing a city's own figures read
        assert _rows(demo)["riverton"].cells == before["riverton"].cells
        factories.ActionItemFactory(city=riverton, due_on=today - datetime.timedelta(days=3))
        factories.HoursEntryFactory(city=riverton, user=member, hours=7, on_date=today)
        factories.ShowcaseFactory(city=riverton, state="accepted")
    after = _rows(demo)
    assert after["riverton"].cells["actions"].value == before["riverton"].cells["actions"].value + 1
    assert after["riverton"].cells["showcases"].value == (
        before["riverton"].cells["showcases"].value + 1)
    *_, (month, hours, _commitment) = after["riverton"].hours_by_month
    assert month == today.replace(day=1)
    assert hours == before["riverton"].hours_by_month[-1][1] + 7
    assert after["lakeside"].cells == before["lakeside"].cells
