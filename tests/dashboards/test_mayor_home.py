import datetime
import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import User
from schedule.models import Rsvp, Session
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())


def _home(client, email, slug):
    client.force_login(User.objects.get(email=email))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # Lakeside's people read Spanish
    return client.get(f"/c/{slug}/").content.decode()


def test_riverton_mayor_is_asked_to_review_the_strategy(demo, client):
    body = _home(client, "mayor@riverton.demo.test", "riverton")
    assert "What needs you" in body
    assert "data strategy is waiting for your review" in body


def test_lakeside_mayor_is_asked_to_confirm_each_unconfirmed_mayors_session(demo, client):
    with scopes_disabled():
        mayor = User.objects.get(email="mayor@lakeside.demo.test")
        upcoming = Session.objects.filter(
            cohort__slug="demo-cohort", audience="mayors", is_cancelled=False,
            starts_at__gte=timezone.now(),
        )
        unconfirmed = [
            s for s in upcoming
            if not Rsvp.objects.filter(session=s, user=mayor, answer="yes").exists()
        ]
    body = _home(client, "mayor@lakeside.demo.test", "lakeside")
    assert body.count("Please confirm you will attend") == len(unconfirmed)
    assert unconfirmed, "the demo leaves Lakeside's mayor with a session to confirm"


def test_team_members_get_the_team_home_not_the_mayors(demo, client):
    body = _home(client, "cdo@riverton.demo.test", "riverton")
    assert "What needs you" not in body
    assert "Team" in body


@pytest.mark.parametrize("n", [2, 12])
def test_mayor_home_query_count_does_not_grow(n, client, django_assert_num_queries):
    with scopes_disabled():
        enrollment = factories.EnrollmentFactory()
        mayor = factories.MembershipFactory(city=enrollment.city, role="mayor").user
        for _i in range(n):
            factories.SessionFactory(cohort=enrollment.cohort, audience="mayors")
            factories.CheckInFactory(city=enrollment.city, enrollment=enrollment)
    client.force_login(mayor)
    with django_assert_num_queries(17):
        body = client.get(f"/c/{enrollment.city.slug}/").content.decode()
    assert body.count("Please confirm you will attend") == min(n, 20)


def _needs_you_card(body):
    start = body.index('<section class="card needs-you"')
    return body[start:body.index("</section>", start)]


def _visible(html):
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def mayor_client(client):
    with scopes_disabled():
        enrollment = factories.EnrollmentFactory()
        mayor = factories.MembershipFactory(city=enrollment.city, role="mayor").user
    client.force_login(mayor)
    client.city = enrollment.city
    return client


def test_when_nothing_needs_the_mayor_the_card_says_so(mayor_client):
    card = _needs_you_card(mayor_client.get(f"/c/{mayor_client.city.slug}/").content.decode())
    assert _visible(card) == ("What needs you Nothing needs you right now. Your team will let "
                              "you know when something does.")


def test_a_question_from_the_coach_is_named_in_the_card(mayor_client):
    with scopes_disabled():
        factories.MayorRequestFactory(city=mayor_client.city)
    body = mayor_client.get(f"/c/{mayor_client.city.slug}/").content.decode()
    card = _visible(_needs_you_card(body))
    assert "Your coach is waiting for your decision on 1 question." in card
    assert 'href="#coaching-requests-heading"' in _needs_you_card(body)
    assert 'id="coaching-requests-heading"' in body


def test_the_mayor_is_asked_exactly_what_cohort_health_counts_as_not_confirmed(client):
    """The home reads the mayor's answers with the sessions; the statuses are those
    ``mayor_presence`` (cohort health, the staff calendar) gives, session by session."""
    from dashboards.mayor import mayor_briefing
    from schedule.convening import NOT_CONFIRMED, mayor_presence

    with scopes_disabled():
        enrollment = factories.EnrollmentFactory()
        city, cohort = enrollment.city, enrollment.cohort
        mayor = factories.MembershipFactory(city=city, role="mayor").user
        other = factories.MembershipFactory(city=city, role="cdo").user
        said = {}
        for answer in ("yes", "no", None, "someone else"):
            session = factories.SessionFactory(cohort=cohort, audience="mayors",
                                               title=f"Mayors: {answer}")
            if answer in ("yes", "no"):
                factories.RsvpFactory(session=session, city=city, user=mayor, answer=answer)
            elif answer == "someone else":
                factories.RsvpFactory(session=session, city=city, user=other, answer="yes")
            said[session.pk] = answer
        factories.SessionFactory(cohort=cohort, audience="mayors", is_cancelled=True)
        factories.SessionFactory(cohort=cohort, audience="everyone")
        expected = {
            status.session.pk for status in mayor_presence(
                sessions=list(Session.objects.filter(cohort=cohort)), city_ids=[city.pk],
                user=mayor)
            if status.status == NOT_CONFIRMED
        }
        briefing = mayor_briefing(city=city, user=mayor)

    asked = {session.pk for session in briefing.sessions_to_confirm}
    assert asked == expected
    assert {said[pk] for pk in asked} == {"no", None, "someone else"}


def test_this_months_check_ins_and_actions_are_counted_in_the_citys_month(client):
    from dashboards.mayor import mayor_briefing
    from schedule.hours import city_today

    with scopes_disabled():
        enrollment = factories.EnrollmentFactory()
        city = enrollment.city
        mayor = factories.MembershipFactory(city=city, role="mayor").user
        month_start = city_today(city).replace(day=1)
        this_month = timezone.make_aware(
            datetime.datetime.combine(month_start, datetime.time(12)))
        last_month = this_month - datetime.timedelta(days=20)
        for happened_at in (this_month, this_month, last_month):
            factories.CheckInFactory(city=city, enrollment=enrollment, happened_at=happened_at)
        factories.CheckInFactory(city=city, enrollment=enrollment, happened_at=this_month,
                                 status="draft")
        for closed_at, status in ((this_month, "done"), (last_month, "done"),
                                  (this_month, "open")):
            factories.ActionItemFactory(city=city, status=status, closed_at=closed_at)
        other_city = factories.EnrollmentFactory(cohort=enrollment.cohort).city
        factories.ActionItemFactory(city=other_city, status="done", closed_at=this_month)
        briefing = mayor_briefing(city=city, user=mayor)

    assert briefing.checkins_this_month == 2
    assert briefing.actions_done_this_month == 1
