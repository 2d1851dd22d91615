from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "coaching"
    verbose_name = _("Coaching")

    def ready(self):
        from coaching import tasks  # noqa: F401 - registers the transcripts' retention task
