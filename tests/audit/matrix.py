"""Matrix cases for the staff activity page (``/staff/activity/``): staff only."""

from tests.tenancy import LOGIN, Case, expect_everyone, expect_signed_in

CASES = [
    Case("staff/activity/", lambda w: "/staff/activity/", expect_signed_in(403, staff=200)),
    Case(
        "staff/activity/",
        lambda w: f"/staff/activity/?city={w.city.slug}&kind=membership",
        expect_signed_in(403, staff=200),
        name="GET staff/activity/ filtered",
    ),
    Case(
        "admin/",
        lambda w: "/admin/admin/logentry/",
        expect_everyone(LOGIN, staff=200),
        name="GET admin log",
    ),
    Case(
        "admin/",
        lambda w: "/admin/admin/logentry/add/",
        expect_everyone(LOGIN, staff=403),
        name="GET admin log add (nobody may write the log)",
    ),
]
