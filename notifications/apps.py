from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # Each app's reminders.py registers its reminder sources.
        from caching.page_cache import register_header_versions
        from notifications import (
            reminder_sources,  # noqa: F401
            tasks,  # noqa: F401 - registers the outbox's sender
        )
        from notifications.inbox import connect_signals, inbox_version

        connect_signals()  # the header's cached unread count follows the notifications
        register_header_versions(lambda user_id: [inbox_version(user_id)])

        autodiscover_modules("reminders")
