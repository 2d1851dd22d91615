from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "cities"
    verbose_name = _("Cities")

    def ready(self):
        from cities import nav_signals

        nav_signals.connect()  # the header's cached navigation follows its data

        from config import data_versions

        data_versions.connect_signals()  # cached pages follow every record of their city

        from config.api_inputs import install_date_fields

        install_date_fields()  # the API refuses dates it could not show in every zone
