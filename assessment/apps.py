from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    """The data-practice assessment: a framework kept as data (areas → criteria → checklist
    items), a city's baseline and end assessments answered by its team and verified by its
    coach, their scores and tiers, and gaps turned into strategy initiatives."""

    name = "assessment"
    verbose_name = _("Data-practice assessment")

    def ready(self):
        from assessment import strategy_link, tasks  # noqa: F401 - the maturity hook, beat task
