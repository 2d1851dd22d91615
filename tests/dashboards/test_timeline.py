import io

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from cities.models import City
from coaching.models import CheckIn, MayorRequest
from dashboards.timeline import city_timeline
from schedule.models import Attendance
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def riverton():
    call_command("seed_demo", stdout=io.StringIO())
    return City.objects.get(slug="riverton")


def test_timeline_holds_each_kind_of_record_newest_first(riverton):
    with scopes_disabled():
        events = city_timeline(city=riverton)
        checkins = CheckIn.objects.filter(city=riverton, status="logged").count()
        sessions = Attendance.objects.filter(city=riverton).values("session").distinct().count()
        answered = MayorRequest.objects.filter(city=riverton, answered_at__isnull=False).count()
    kinds = [e.kind for e in events]
    assert kinds.count("checkin") == checkins
    assert kinds.count("session") == sessions
    assert kinds.count("decision") == answered
    assert "strategy" in kinds and "showcase" in kinds
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)


def test_private_coach_notes_never_reach_the_timeline(riverton, client):
    with scopes_disabled():
        notes = [c.private_notes for c in CheckIn.objects.filter(city=riverton) if c.private_notes]
    client.force_login(factories.UserFactory(is_staff=True))
    body = client.get("/c/riverton/timeline/").content.decode()
    assert notes and not any(note in body for note in notes)


def test_timeline_page_filters_by_kind(riverton, client, django_assert_max_num_queries):
    client.force_login(factories.UserFactory(is_staff=True))
    body = client.get("/c/riverton/timeline/?kind=checkin").content.decode()
    assert "Check-in with the coach" in body and "Session attended" not in body.split("<ol")[1]


@pytest.mark.parametrize("n", [2, 12])
def test_timeline_query_count_does_not_grow(n, client, django_assert_num_queries):
    with scopes_disabled():
        enrollment = factories.EnrollmentFactory()
        city = enrollment.city
        member = factories.MembershipFactory(city=city).user
        for _i in range(n):
            factories.CheckInFactory(city=city, enrollment=enrollment)
            session = factories.SessionFactory(cohort=enrollment.cohort)
            Attendance.objects.create(session=session, city=city, user=member)
            factories.ShowcaseFactory(city=city, state="submitted",
                                      submitted_at=session.starts_at)
    client.force_login(factories.UserFactory(is_staff=True))
    # 14: the city menu asks the person's membership of the city for its links; whether they
    # coach it is known without a query once the header has found they coach no city
    # (cities.access.request_memo), whatever the data's size.
    with django_assert_num_queries(14):
        response = client.get(f"/c/{city.slug}/timeline/")
    assert response.status_code == 200
    timeline = response.content.decode().split('<ol class="timeline">')[1].split("</ol>")[0]
    assert timeline.count("<li>") == 3 * n
