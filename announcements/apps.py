from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnnouncementsConfig(AppConfig):
    """Announcements to a cohort: staff write them in several languages, choose whom they
    reach, preview them, and send them now or at a set time through the outbox."""

    name = "announcements"
    verbose_name = _("Announcements")

    def ready(self):
        from announcements import tasks  # noqa: F401 - the periodic dispatch of due ones
