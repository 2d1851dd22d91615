from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Feedback after every session: the people who attended are asked for a rating and two
    comments; staff (and, per the program's choice, without names, the host) read them."""

    name = "feedback"
    verbose_name = _("Session feedback")

    def ready(self):
        from feedback import tasks  # noqa: F401 - the periodic asking
