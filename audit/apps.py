from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """Accountability: who changed what (django-simple-history, the admin's log)."""

    name = "audit"
    verbose_name = _("Accountability")
