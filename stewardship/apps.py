from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StewardshipConfig(AppConfig):
    """Data stewardship: a city's complete export and a person's account deletion."""

    name = "stewardship"
    verbose_name = _("Data stewardship")

    def ready(self):
        from stewardship import tasks  # noqa: F401 - registers the export building task
