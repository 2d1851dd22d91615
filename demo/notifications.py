"""Demo part: unread notifications for every demo person, and mail in every outbox state.

Safe to run twice: a person who still has unread notifications gets no new ones; the extra
outbox rows have stable keys. When the demo runs eagerly (no broker) the console backend
prints the mails as the seed commits.
"""

from django.utils.translation import gettext_lazy as _

from accounts.models import Membership
from notifications.models import Delivery, EmailOutbox, EmailStatus, Notification
from notifications.schedule import install_beat_schedule
from notifications.services import notify, set_preferences

WELCOME = {
    "subject": _("Welcome to the accelerator"),
    "body": _("Your cohort starts soon. Your city's page has the schedule, your coach and "
              "your team."),
}
STRATEGY = {
    "subject": _("The data strategy has a new draft"),
    "body": _("Your team updated the three-year data strategy. Have a look before the next "
              "check-in."),
}
SESSION = {
    "subject": _("Reminder: the in-person convening is coming up"),
    "body": _("Mayors attend the convening in person. Please confirm your attendance."),
}

# Mail that is still waiting, and one that the mail server refused (staff can resend it).
OUTBOX = [
    ("mayor@riverton.demo.test", "Reminder: the convening is in 7 days", EmailStatus.QUEUED, ""),
    ("mayor@lakeside.demo.test", "Recordatorio: la convención es en 7 días", EmailStatus.QUEUED,
     ""),
    ("former.cdo@lakeside.demo.test", "Your invitation to the Lakeside team",
     EmailStatus.FAILED, "SMTPRecipientsRefused: 550 5.1.1 No such user"),
]


def seed(demo):
    install_beat_schedule()
    users = demo["users"]
    # One person prefers a daily digest for coaching news.
    set_preferences(user=users["equity@riverton.demo.test"],
                    deliveries={"coaching": Delivery.DAILY_DIGEST})
    unread = set(
        Notification.objects.filter(read_at__isnull=True, recipient__in=users.values())
        .values_list("recipient_id", flat=True)
    )
    for user in users.values():
        if user.pk in unread:
            continue
        city = next(iter(_cities_of(user, demo)), None)
        notify("program.announcement", recipients=[user], about=city, context=WELCOME,
               category="account")
        notify("program.announcement", recipients=[user], about=city, context=SESSION,
               category="sessions")
        if city is not None:
            notify("program.announcement", recipients=[user], about=city, context=STRATEGY,
                   category="strategy")
    for to, subject, status, error in OUTBOX:
        EmailOutbox.objects.get_or_create(
            to=to, subject=subject,
            defaults={"status": status, "last_error": error, "attempts": 1 if error else 0,
                      "body_text": f"{subject}\n\n(demo)\n"},
        )


def _cities_of(user, demo):
    slugs = Membership.objects.filter(user=user).values_list("city__slug", flat=True)
    return [demo["cities"][slug] for slug in slugs if slug in demo["cities"]]
