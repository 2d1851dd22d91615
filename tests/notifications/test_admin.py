"""Staff answer "was the mayor told?" in the admin."""

import pytest

from accounts.models import Role
from notifications.services import notify
from tests import factories

pytestmark = pytest.mark.django_db


def test_staff_find_who_was_told_about_an_object(client, no_scope):
    city = factories.CityFactory(name="Riverton")
    mayor = factories.MembershipFactory(city=city, role=Role.MAYOR,
                                        user__email="mayor@riverton.test").user
    record = notify("program.announcement", recipients=[mayor], about=city, category="strategy",
                    context={"subject": "Strategy ready for review", "body": "…"})
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    listing = client.get(
        "/admin/notifications/notificationevent/", {"q": "mayor@riverton.test"}
    ).content.decode()
    assert "program.announcement" in listing and "Riverton" in listing
    detail = client.get(f"/admin/notifications/notificationevent/{record.pk}/change/")
    assert detail.status_code == 200
    page = detail.content.decode()
    assert "Strategy ready for review" in page and "mayor@riverton.test" in page
    for model in ("notification", "emailoutbox", "notificationpreference", "reminderrule",
                  "reminderdelivery"):
        assert client.get(f"/admin/notifications/{model}/").status_code == 200, model
    notification = record.notifications.get()
    assert client.get(
        f"/admin/notifications/notification/{notification.pk}/change/"
    ).status_code == 200
    email = record.emails.get()
    assert client.get(f"/admin/notifications/emailoutbox/{email.pk}/change/").status_code == 200
