from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """Figures read across every app: cohort health, exports, the cohort report, the city's
    timeline and home. Dashboards read every app below them; no app below reads them."""

    name = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self):
        from dashboards import tasks  # noqa: F401 - registers the report's rendering task
