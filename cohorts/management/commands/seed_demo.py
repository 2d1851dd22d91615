from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string
from django_scopes import scopes_disabled

# Each app adds its part of the demo; order matters (later parts use earlier ones).
DEMO_PARTS = [
    "accounts.demo.seed",
    "cohorts.demo.seed",
    "cohorts.demo_sessions.seed",
    "coaching.demo.seed",
    "showcases.demo.seed",
    "cities.demo.seed",
    "strategy.demo.seed",
    "cohorts.demo_peers.seed",  # the rest of the cohort: nine more cities
    "notifications.demo.seed",  # last: tells people about what the other parts made
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
