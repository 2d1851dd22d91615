from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    """Assignments handed in: a city's work on each curriculum module's assignments, the
    coach's review, every revision kept, and the curriculum page that shows it all."""

    name = "assignments"
    verbose_name = _("Assignments handed in")
