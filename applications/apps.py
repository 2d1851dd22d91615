from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """The public application to a cohort: eligibility, review and admission."""

    name = "applications"
    verbose_name = _("Applications")
