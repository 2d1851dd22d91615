"""Pages cached per person (caching/page_cache.py): a second visit is served without
rebuilding the page, and every change behind a page shows at the next request."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from accounts.models import Role
from caching.data_versions import ALL, city_version
from caching.page_cache import CSRF_PLACEHOLDER
from caching.versioned_cache import versions
from cities.owned import city_of
from coaching.models import ActionItem
from stewardship.deletion import delete_account
from strategy.editing import start_strategy
from tests import factories

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def team(no_scope):
    """Riverton with a coach, its CDO and a policy lead, in a cohort, with a strategy."""
    city = factories.CityFactory(name="Riverton", slug="riverton")
    enrollment = factories.EnrollmentFactory(city=city)
    coach = factories.UserFactory(name="Casey Coach")
    factories.CoachAssignmentFactory(coach=coach, enrollment=enrollment)
    cdo = factories.MembershipFactory(city=city, role=Role.CDO).user
    lead = factories.MembershipFactory(city=city, role=Role.POLICY_LEAD).user
    start_strategy(city=city)
    return {"city": city, "cohort": enrollment.cohort, "coach": coach, "cdo": cdo,
            "lead": lead}


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


CITY_PAGES = ["/c/riverton/", "/c/riverton/schedule/", "/c/riverton/coaching/",
              "/c/riverton/showcases/", "/c/riverton/strategy/", "/c/riverton/strategy/read/"]


@pytest.mark.parametrize("url", CITY_PAGES)
def test_a_second_visit_shows_the_same_page_without_rebuilding_it(team, url):
    client = signed_in(team["cdo"])
    first = page(client, url)
    with CaptureQueriesContext(connection) as built_again:
        second = page(client, url)
    assert TOKEN.sub("", second) == TOKEN.sub("", first)
    assert CSRF_PLACEHOLDER.decode() not in second
    # The session, the person, the city and the person's access to it (the middleware, as
    # on every page): nothing of the page itself.
    statements = [q["sql"] for q in built_again.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) <= 5, statements


def test_a_form_on_a_cached_page_posts_and_its_message_shows_once(team):
    client = signed_in(team["coach"], enforce_csrf_checks=True)
    page(client, "/c/riverton/coaching/")
    client.logout()
    client.force_login(team["coach"])  # signing in again gives a new CSRF secret
    cached = page(client, "/c/riverton/coaching/")
    token = TOKEN.search(cached).group(1)
    response = client.post("/c/riverton/coaching/action-items/new/", {
        "csrfmiddlewaretoken": token, "item-title": "Publish the open-data inventory",
        "item-owner": team["cdo"].pk, "item-due_on": "2030-01-15",
    })
    assert response.status_code == 302
    after = page(client, "/c/riverton/coaching/")
    assert "Action added." in after
    assert "Publish the open-data inventory" in after
    again = page(client, "/c/riverton/coaching/")
    assert "Action added." not in again
    assert "Publish the open-data inventory" in again


def test_each_person_gets_their_own_page(team):
    """The coach's page shows the coach's draft check-in; the team's, cached after it, never
    does."""
    with scopes_disabled():
        factories.CheckInFactory(city=team["city"], coach=team["coach"], status="draft",
                                 summary="Draft: the mayor is wary of open data")
    coach, cdo = signed_in(team["coach"]), signed_in(team["cdo"])
    for _ in range(2):
        assert "the mayor is wary" in page(coach, "/c/riverton/coaching/")
        assert "the mayor is wary" not in page(cdo, "/c/riverton/coaching/")


def test_the_schedule_shows_my_answer_at_once_and_not_to_my_colleague(team):
    with scopes_disabled():
        session = factories.SessionFactory(cohort=team["cohort"], title="Data inventory 101")
    cdo, lead = signed_in(team["cdo"]), signed_in(team["lead"])
    assert "Your answer:" not in page(cdo, "/c/riverton/schedule/")
    assert "Your answer:" not in page(lead, "/c/riverton/schedule/")
    response = cdo.post(f"/c/riverton/schedule/{session.pk}/", {"answer": "yes"})
    assert response.status_code == 302
    assert "Your answer: yes" in page(cdo, "/c/riverton/schedule/")
    assert "Your answer:" not in page(lead, "/c/riverton/schedule/")


def test_city_pages_follow_records_saved_anywhere(team):
    """Records saved outside the page's own forms (the admin, tasks, another city's page)."""
    client = signed_in(team["cdo"])
    for url in CITY_PAGES:
        page(client, url)
    with scopes_disabled():
        factories.ActionItemFactory(city=team["city"], title="Name the data stewards",
                                    owner=team["cdo"])
        factories.ShowcaseFactory(city=team["city"], title="Pothole triage dashboard",
                                  created_by=team["cdo"])
        factories.SessionFactory(cohort=team["cohort"], title="Metrics that matter")
        plan = team["city"].strategies.get().components.first()
        factories.InitiativeFactory(component=plan, title="Open the budget data")
    assert "Name the data stewards" in page(client, "/c/riverton/coaching/")
    assert "Pothole triage dashboard" in page(client, "/c/riverton/showcases/")
    assert "Metrics that matter" in page(client, "/c/riverton/schedule/")
    assert "Open the budget data" in page(client, "/c/riverton/strategy/read/")


def test_another_citys_change_leaves_this_citys_pages_cached(team):
    other = factories.CityFactory(name="Lakeside")
    before = versions([city_version(team["city"].pk), ALL])
    with scope(city=other):
        factories.ActionItemFactory(city=other)
    assert versions([city_version(team["city"].pk), ALL]) == before


def test_a_renamed_person_and_a_new_language_show_at_once(team):
    client = signed_in(team["cdo"])
    assert "Casey Coach" in page(client, "/c/riverton/")
    team["coach"].name = "Casey Q. Coach"
    team["coach"].save()
    assert "Casey Q. Coach" in page(client, "/c/riverton/")
    team["cdo"].language = "es"
    team["cdo"].save()
    assert 'lang="es"' in page(client, "/c/riverton/")


def test_a_deleted_account_leaves_no_trace_on_cached_pages(team):
    client = signed_in(team["cdo"])
    with scopes_disabled():
        factories.ActionItemFactory(city=team["city"], title="Map the data flows",
                                    owner=team["lead"],
                                    due_on=timezone.localdate() + datetime.timedelta(days=3))
    lead_name = str(team["lead"])
    assert lead_name in page(client, "/c/riverton/")
    delete_account(user=team["lead"])
    assert lead_name not in page(client, "/c/riverton/")
    with scopes_disabled():
        assert ActionItem.objects.get(title="Map the data flows").owner is None


def test_the_coach_home_follows_the_coachs_cities(team):
    client = signed_in(team["coach"])
    assert "Riverton" in page(client, "/coach/")
    assert "Lakeside" not in page(client, "/coach/")
    with scopes_disabled():
        factories.CoachAssignmentFactory(
            coach=team["coach"],
            enrollment=factories.EnrollmentFactory(city=factories.CityFactory(name="Lakeside")),
        )
    assert "Lakeside" in page(client, "/coach/")


def test_the_admin_lists_follow_their_rows_and_related_names(team):
    staff = signed_in(factories.UserFactory(is_staff=True, is_superuser=True))
    with scopes_disabled():
        factories.CheckInFactory(city=team["city"], coach=team["coach"])
    assert "Riverton" in page(staff, "/admin/coaching/checkin/")
    team["city"].name = "Riverton Falls"
    team["city"].save()
    assert "Riverton Falls" in page(staff, "/admin/coaching/checkin/")
    page(staff, "/admin/cities/application/")
    factories.ApplicationFactory(city_name="Brookhaven")
    assert "Brookhaven" in page(staff, "/admin/cities/application/")


def test_the_api_list_follows_a_new_record(team):
    client = signed_in(team["cdo"])
    url = "/api/v1/cities/riverton/action-items/"
    assert client.get(url).json()["count"] == 0
    assert client.get(url).json()["count"] == 0
    with scopes_disabled():
        factories.ActionItemFactory(city=team["city"], title="Draft the data policy")
    listed = client.get(url).json()
    assert [row["title"] for row in listed["results"]] == ["Draft the data policy"]


def test_records_without_a_city_of_their_own_are_traced_to_theirs(team):
    with scopes_disabled():
        plan = team["city"].strategies.get().components.first()
        initiative = factories.InitiativeFactory(component=plan)
        showcase = factories.ShowcaseFactory(city=team["city"], created_by=team["cdo"])
        evidence = factories.EvidenceLinkFactory(showcase=showcase)
        assignment = team["coach"].coach_assignments.get()
    for record in (initiative, evidence, assignment, plan, team["city"]):
        assert city_of(record) == team["city"].pk
    assert city_of(team["cohort"]) is None  # shared by many cities: every page's version


def test_an_api_list_links_to_the_host_it_was_asked_on(team):
    with scopes_disabled():
        for _ in range(51):  # two pages: the answer links to the next one
            factories.ActionItemFactory(city=team["city"])
    client = signed_in(team["cdo"])
    url = "/api/v1/cities/riverton/action-items/"
    for host in ("portal.example.test", "internal.example.test", "portal.example.test"):
        assert client.get(url, HTTP_HOST=host).json()["next"].startswith(f"http://{host}/")
