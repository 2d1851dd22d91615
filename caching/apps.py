from django.apps import AppConfig


class CachingConfig(AppConfig):
    """The page cache, the data versions it follows and the versioned cache under both.

    It sits below accounts and cities: the versions a page's header depends on are
    registered by the apps that own them (``register_header_versions``)."""

    name = "caching"

    def ready(self):
        from caching import data_versions

        data_versions.connect_signals()  # cached pages follow every record of their city
