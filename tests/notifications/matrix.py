"""Matrix cases for the inbox and notification preferences (a person's own pages)."""

from notifications.services import notify
from tests.tenancy import Case, expect_signed_in


def _notification_of_member_a(world):
    record = notify(
        "program.announcement", recipients=[world.users["member_a"]], about=world.city,
        context={"subject": "Welcome", "body": "Hello"}, category="account",
    )
    world.extra["notification_id"] = record.notifications.get().pk


PREFERENCES = {
    "sessions": "immediately", "coaching": "daily_digest", "showcases": "in_app",
    "strategy": "immediately", "applications": "immediately", "hours": "in_app",
    "account": "immediately",
}

CASES = [
    Case("inbox/", lambda w: "/inbox/", expect_signed_in(200)),
    Case("inbox/<int:pk>/read/", lambda w: f"/inbox/{w.extra['notification_id']}/read/",
         expect_signed_in(404, member_a=302), method="post",
         setup=_notification_of_member_a),
    Case("inbox/read-all/", lambda w: "/inbox/read-all/", expect_signed_in(302),
         method="post"),
    Case("inbox/preferences/", lambda w: "/inbox/preferences/", expect_signed_in(200)),
    Case("inbox/preferences/", lambda w: "/inbox/preferences/", expect_signed_in(302),
         method="post", data=PREFERENCES),
]
