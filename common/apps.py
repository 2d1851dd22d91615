from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Shared building blocks every app may use: input parsing, the API's JSON errors, the
    error pages, date widgets, labels. It imports no app of the project."""

    name = "common"

    def ready(self):
        from common import openapi  # noqa: F401 - registers the schema's field extensions
        from common.api_inputs import install_date_fields

        install_date_fields()  # the API refuses dates it could not show in every zone
