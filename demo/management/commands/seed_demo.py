from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string
from django_scopes import scopes_disabled

# One part per app's data; order matters (later parts use earlier ones).
DEMO_PARTS = [
    "demo.accounts.seed",
    "demo.cohorts.seed",
    "demo.sessions.seed",
    "demo.coaching.seed",
    "demo.showcases.seed",
    "demo.cities.seed",
    "demo.questions.seed",  # the open cohort's own questions, answered by its applications
    "demo.reviews.seed",  # after questions: the open cohort's rubric, reviewers and reviews
    "demo.strategy.seed",
    "demo.peers.seed",  # the rest of the cohort: nine more cities
    "demo.assessment.seed",  # after peers: every city of the cohort has its baseline
    "demo.followon.seed",  # a city of last year's cohort in its year after (after peers)
    "demo.assignments.seed",  # after peers: every city's assignments at some stage
    "demo.notifications.seed",  # tells people about what the other parts made
    "demo.announcements.seed",  # after notifications: its unread ones do not hide theirs
    "demo.feedback.seed",  # after notifications, like announcements: asks for recent feedback
]


class Command(BaseCommand):
    help = "Create (or refresh) the demo program, cities and accounts. Safe to run twice."

    def handle(self, *args, **options):
        demo = {}
        with transaction.atomic(), scopes_disabled():
            for part in DEMO_PARTS:
                import_string(part)(demo)
        self.stdout.write(self.style.SUCCESS("Demo ready. Sign in at /accounts/login/ with:"))
        for email in demo["logins"]:
            self.stdout.write(f"  {email:32} password: {settings.DEMO_PASSWORD}")
