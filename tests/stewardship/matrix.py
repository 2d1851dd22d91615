"""Matrix cases for the data export and account deletion (see tests/tenancy.py).

In the world, ``member_a`` is made an administrator of city A by ``setup``; the mayor and
the coach are not administrators (403), staff may look and download but not ask (403).
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from tests.tenancy import Case, expect_city_page, expect_signed_in

P = "c/<slug:city>/export/"
NOT_ADMIN = {"mayor_a": 403, "coach_a": 403}


def make_admin(world):
    from accounts.models import Membership

    Membership.objects.filter(user=world.users["member_a"], city=world.city).update(
        is_city_admin=True
    )


def with_ready_export(world):
    from stewardship.models import CityExport

    make_admin(world)
    if "export" not in world.extra:
        name = default_storage.save("exports/alphaville/matrix.zip", ContentFile(b"PK\x05\x06"))
        world.extra["export"] = CityExport.objects.create(
            city=world.city,
            status="ready",
            file=name,
            size=4,
            finished_at=timezone.now(),
            expires_at=timezone.now() + timezone.timedelta(days=7),
        ).pk


CASES = [
    Case(P, lambda w: f"/c/{w.city.slug}/export/", expect_city_page(**NOT_ADMIN), setup=make_admin),
    Case(
        P,
        lambda w: f"/c/{w.city.slug}/export/",
        expect_city_page(member_a=403, **NOT_ADMIN),
        name="GET data export as a non-admin",
    ),
    Case(
        P,
        lambda w: f"/c/{w.city.slug}/export/",
        expect_city_page(302, staff=403, **NOT_ADMIN),
        method="post",
        setup=make_admin,
    ),
    Case(
        P + "<int:pk>/download/",
        lambda w: f"/c/{w.city.slug}/export/{w.extra['export']}/download/",
        expect_city_page(**NOT_ADMIN),
        setup=with_ready_export,
    ),
    Case("account/delete/", lambda w: "/account/delete/", expect_signed_in(200)),
    # A wrong password deletes nothing, whoever asks.
    Case(
        "account/delete/",
        lambda w: "/account/delete/",
        expect_signed_in(400),
        method="post",
        data={"password": "not-my-password"},
    ),
]
