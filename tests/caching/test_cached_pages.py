"""What issue 10 cached shows a change at the next request after the data changes."""

import datetime

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.models import Role
from caching.versioned_cache import bump, cached
from cities.models import City
from coaching.models import ActionItem
from notifications.inbox import mark_all_read, mark_read
from notifications.models import Notification
from notifications.services import notify
from strategy.editing import start_strategy
from tests import factories

pytestmark = pytest.mark.django_db


def tell(user, subject):
    return notify(
        "program.announcement",
        recipients=[user],
        category="coaching",
        context={"subject": subject, "body": "…"},
    )


@pytest.fixture
def member(no_scope):
    membership = factories.MembershipFactory(city=factories.CityFactory(name="Riverton"))
    return membership.user


def header(client, url="/inbox/"):
    return client.get(url).content.decode().split("</header>")[0]


def test_the_unread_count_follows_new_read_and_deleted_notifications(client, member):
    client.force_login(member)
    assert "data-unread" not in header(client)  # cached: none unread
    first = tell(member, "One").notifications.get()  # bulk-created notifications
    assert 'data-unread="1"' in header(client)
    second = tell(member, "Two").notifications.get()
    tell(member, "Three")
    assert 'data-unread="3"' in header(client)
    Notification.objects.get(pk=second.pk).delete()
    assert 'data-unread="2"' in header(client)
    mark_read(user=member, notification_id=first.pk)  # saved one by one
    assert 'data-unread="1"' in header(client)
    mark_all_read(user=member)  # one UPDATE
    assert "data-unread" not in header(client)


def test_one_persons_unread_count_is_not_anothers(client, member):
    other = factories.UserFactory()
    tell(other, "For someone else")
    client.force_login(member)
    assert "data-unread" not in header(client)
    client.force_login(other)
    assert 'data-unread="1"' in header(client)


def test_the_city_switcher_follows_memberships_renames_and_assignments(client, member):
    client.force_login(member)
    assert "Riverton" in header(client)
    lakeside = factories.CityFactory(name="Lakeside", slug="lakeside")
    assert "Lakeside" not in header(client)
    factories.MembershipFactory(user=member, city=lakeside, role=Role.POLICY_LEAD)
    assert "Lakeside" in header(client)
    lakeside.name = "Lakeside Falls"
    lakeside.save()
    assert "Lakeside Falls" in header(client)
    member.memberships.filter(city=lakeside).delete()
    assert "Lakeside" not in header(client)


def test_the_coach_link_appears_once_a_city_is_assigned(client, no_scope):
    coach = factories.UserFactory()
    client.force_login(coach)
    assert "/coach/" not in header(client)
    factories.CoachAssignmentFactory(coach=coach)
    assert "/coach/" in header(client)


def test_a_bumped_version_recomputes_and_the_others_stay_cached():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cached("k", depends_on=["a", "b"], compute=compute) == 1
    assert cached("k", depends_on=["a", "b"], compute=compute) == 1
    bump("b")
    assert cached("k", depends_on=["a", "b"], compute=compute) == 2
    assert cached("other", depends_on=["a"], compute=compute) == 3
    bump("b")
    assert cached("other", depends_on=["a"], compute=compute) == 3


@pytest.fixture
def cohort(no_scope):
    cohort = factories.CohortFactory()
    for name in ("Alpha", "Beta"):
        enrollment = factories.EnrollmentFactory(
            cohort=cohort, city=factories.CityFactory(name=name)
        )
        factories.CoachAssignmentFactory(enrollment=enrollment)
        start_strategy(city=enrollment.city)
    return cohort


def health_row(client, cohort, city_name):
    page = client.get(f"/staff/cohorts/{cohort.slug}/health/").content.decode()
    return page.split(f">{city_name}</a>")[1].split("</tr>")[0]


def test_cohort_health_shows_a_new_overdue_action_at_the_next_request(client, cohort):
    client.force_login(factories.UserFactory(is_staff=True))
    alpha = City.objects.get(name="Alpha")
    assert "0 open, 0 overdue" in health_row(client, cohort, "Alpha")
    with scopes_disabled():
        factories.ActionItemFactory(
            city=alpha, due_on=timezone.localdate() - datetime.timedelta(days=2)
        )
    assert "1 open, 1 overdue" in health_row(client, cohort, "Alpha")
    assert "0 open, 0 overdue" in health_row(client, cohort, "Beta")
    with scopes_disabled():
        ActionItem.objects.filter(city=alpha).get().delete()
    assert "0 open, 0 overdue" in health_row(client, cohort, "Alpha")


def test_cohort_health_follows_a_strategy_edited_outside_the_builder(client, cohort):
    """The admin saves a component plan and an initiative directly (no revision bump)."""
    client.force_login(factories.UserFactory(is_staff=True))
    assert "0% ·" in health_row(client, cohort, "Alpha")
    with scopes_disabled():
        plan = City.objects.get(name="Alpha").strategies.get().components.first()
        plan.current_maturity = 2
        plan.target_state = "Shared data standards"
        plan.goals = "Publish an inventory"
        plan.save()
        factories.InitiativeFactory(component=plan)
    assert "0% ·" not in health_row(client, cohort, "Alpha")  # one step complete now
    assert "0% ·" in health_row(client, cohort, "Beta")
