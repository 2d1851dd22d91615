"""Matrix cases for the skeleton's own URLs (accounts, ops, admin, API scaffold)."""

from tests import factories
from tests.tenancy import (
    LOGIN,
    Case,
    expect_city_api,
    expect_city_page,
    expect_everyone,
    expect_signed_in,
)


def _invitation_url(world):
    from accounts.invitations import invite_member

    invitation = invite_member(city=world.city, email="newcomer@example.test", role="cdo")
    return f"/invitations/{invitation.token}/"


CASES = [
    Case("", lambda w: "/", expect_everyone(302, anonymous=200, outsider=200)
         | {"reviewer": 302, "other_reviewer": 302}),  # reviewers: to their applications
    Case("healthz", lambda w: "/healthz", expect_everyone(200)),
    Case("favicon.ico", lambda w: "/favicon.ico", expect_everyone(301)),
    Case("invitations/<str:token>/", _invitation_url, expect_everyone(200)),
    Case("i18n/setlang/", lambda w: "/i18n/setlang/", expect_everyone(302), method="post",
         data={"language": "es", "next": "/"}),
    Case("staff/", lambda w: "/staff/",
         expect_signed_in(403, staff=200)),
    Case("coach/", lambda w: "/coach/",
         expect_signed_in(403, coach_a=200, coach_b=200, staff=200)),
    Case("c/<slug:city>/", lambda w: f"/c/{w.city.slug}/", expect_city_page()),
    # The admin: every admin view shares admin_view()'s staff check.
    Case("admin/", lambda w: "/admin/", expect_everyone(LOGIN, staff=200), covers_prefix=True),
    Case("admin/", lambda w: "/admin/accounts/membership/",
         expect_everyone(LOGIN, staff=200), name="GET admin changelist"),
    # allauth: public entrance pages, and account pages that need a signed-in person.
    Case("accounts/", lambda w: "/accounts/login/", expect_everyone(200, **{
        r: 302 for r in ("outsider", "member_a", "mayor_a", "coach_a", "member_b", "coach_b",
                         "staff")}), covers_prefix=True),
    Case("accounts/", lambda w: "/accounts/email/", expect_signed_in(200),
         name="GET allauth account page"),
    # API scaffold
    Case("api/v1/", lambda w: "/api/v1/", expect_everyone(200, anonymous=401), api=True),
    Case("api/v1/auth/token/", lambda w: "/api/v1/auth/token/", expect_everyone(400),
         method="post", data={"email": "nobody@example.test", "password": "wrong"}, api=True),
    Case("api/v1/auth/token/", lambda w: "/api/v1/auth/token/", expect_everyone(200),
         method="post", api=True, name="POST api/v1/auth/token/ (the outsider's own password)",
         data=lambda w: {"email": w.users["outsider"].email, "password": factories.PASSWORD}),
    Case("api/v1/^cities/$", lambda w: "/api/v1/cities/", expect_everyone(200, anonymous=401),
         api=True),
    Case("api/v1/^cities/(?P<city>[-a-zA-Z0-9_]+)/$", lambda w: f"/api/v1/cities/{w.city.slug}/",
         expect_city_api(), api=True),
    Case("api/schema/", lambda w: "/api/schema/", expect_everyone(200)),
    Case("api/docs/", lambda w: "/api/docs/", expect_everyone(200)),
    # Any other path under /api/: the API's JSON 404 for everyone.
    Case("^api/", lambda w: f"/api/v1/cities/{w.city.slug}/no-such-list/", expect_everyone(404),
         api=True),
    Case("^api/", lambda w: "/api/v1/no-such-list/", expect_everyone(404), method="post",
         data={}, api=True),
]
