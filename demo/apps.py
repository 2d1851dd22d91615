from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The seeded demo (``manage.py seed_demo``): the top layer, it may use every app."""

    name = "demo"
