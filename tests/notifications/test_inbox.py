"""The inbox and the preferences page, as a person uses them."""

import pytest
from django.utils import timezone

from notifications.models import Delivery, Notification, NotificationPreference
from notifications.services import notify
from tests import factories

pytestmark = pytest.mark.django_db


def tell(user, subject, about=None):
    return notify("program.announcement", recipients=[user], about=about, category="coaching",
                  context={"subject": subject, "body": "…"})


@pytest.fixture
def person(no_scope):
    return factories.UserFactory()


def test_the_header_counts_unread_notifications(client, person):
    tell(person, "One")
    tell(person, "Two")
    client.force_login(person)
    page = client.get("/inbox/").content.decode()
    assert 'data-unread="2"' in page
    assert "2 unread" in page


def test_the_inbox_lists_my_notifications_with_a_link_to_the_object(client, person):
    city = factories.CityFactory(name="Riverton", slug="riverton")
    tell(person, "Check-in logged", about=city)
    tell(factories.UserFactory(), "Someone else's news")
    client.force_login(person)
    page = client.get("/inbox/").content.decode()
    assert "Check-in logged" in page
    assert 'href="/c/riverton/"' in page
    assert "Someone else" not in page


def test_mark_one_as_read_then_all(client, person):
    first = tell(person, "One").notifications.get()
    tell(person, "Two")
    client.force_login(person)
    response = client.post(f"/inbox/{first.pk}/read/", {"next": "/inbox/"})
    assert response.status_code == 302 and response["Location"] == "/inbox/"
    first.refresh_from_db()
    assert first.read_at is not None
    assert 'data-unread="1"' in client.get("/inbox/").content.decode()
    client.post("/inbox/read-all/")
    assert not Notification.objects.filter(recipient=person, read_at__isnull=True).exists()
    assert "data-unread" not in client.get("/inbox/").content.decode()


def test_next_cannot_send_people_to_another_site(client, person):
    notification = tell(person, "One").notifications.get()
    client.force_login(person)
    response = client.post(f"/inbox/{notification.pk}/read/", {"next": "https://evil.test/"})
    assert response["Location"] == "/inbox/"


def test_someone_elses_notification_cannot_be_marked(client, person):
    theirs = tell(factories.UserFactory(), "Private").notifications.get()
    client.force_login(person)
    assert client.post(f"/inbox/{theirs.pk}/read/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize("size", [2, 20])
def test_inbox_query_count_does_not_grow(client, person, django_assert_num_queries, size):
    city = factories.CityFactory()
    for n in range(size):
        tell(person, f"News {n}", about=city)
    first = Notification.objects.filter(recipient=person).earliest("pk")
    Notification.objects.filter(pk=first.pk).update(read_at=timezone.now())
    client.force_login(person)
    with django_assert_num_queries(9):
        response = client.get("/inbox/")
    assert response.status_code == 200


def test_preferences_are_saved_per_category(client, person):
    client.force_login(person)
    page = client.get("/inbox/preferences/").content.decode()
    assert "Training hours" in page and "In-app only" in page
    data = {c: "immediately" for c in
            ["sessions", "coaching", "showcases", "strategy", "applications", "hours", "account"]}
    data |= {"coaching": "daily_digest", "hours": "in_app"}
    response = client.post("/inbox/preferences/", data)
    assert response.status_code == 302
    saved = dict(NotificationPreference.objects.filter(user=person).values_list(
        "category", "delivery"))
    assert saved["coaching"] == Delivery.DAILY_DIGEST
    assert saved["hours"] == Delivery.IN_APP
    page = client.get("/inbox/preferences/").content.decode()
    assert 'name="coaching" value="daily_digest" id="id_coaching_1" required checked' in page


def test_bad_preferences_are_refused_at_the_field_and_nothing_changes(client, person):
    client.force_login(person)
    response = client.post("/inbox/preferences/", {"sessions": "carrier-pigeon"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert "Choose how to hear about this." in page
    assert not NotificationPreference.objects.filter(user=person).exists()
