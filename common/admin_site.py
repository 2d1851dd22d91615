"""The admin site: Django's, with the navigation sidebar's list of models read only when a
template draws it.

Django's ``AdminSite.each_context`` builds ``available_apps`` (every model the person may
see: a permission check and two ``reverse`` calls per model, ~50 models) on every admin
page. Its one reader is the sidebar (``templates/admin/nav_sidebar.html``), which is kept
per person until who may see what changes (``caching/templatetags/admin_sidebar.py``), so
the list was built, on every page rendered afresh, to be thrown away.
"""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.utils.functional import SimpleLazyObject


class CivicAdminConfig(AdminConfig):
    """``django.contrib.admin`` (in INSTALLED_APPS) with :class:`CivicAdminSite`."""

    default_site = "common.admin_site.CivicAdminSite"


class CivicAdminSite(AdminSite):
    def each_context(self, request):
        """Django's context of every admin page, its ``available_apps`` built when read."""
        request._civic_app_list_when_read = True
        try:
            return super().each_context(request)
        finally:
            del request._civic_app_list_when_read

    def get_app_list(self, request, app_label=None):
        """Django's list (the index and each app's page read it at once), or for
        :meth:`each_context` the same list built the first time a template reads it."""
        if getattr(request, "_civic_app_list_when_read", False):
            return SimpleLazyObject(lambda: AdminSite.get_app_list(self, request, app_label))
        return super().get_app_list(request, app_label)
