from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowOnConfig(AppConfig):
    name = "followon"
    label = "followon"
    verbose_name = _("The year after")

    def ready(self):
        from coaching.coach_home import register_coach_home_section
        from followon import tasks  # noqa: F401 - registers the follow-on starting task
        from followon.lateness import coach_home_section

        register_coach_home_section(coach_home_section)
