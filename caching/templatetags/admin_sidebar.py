"""``{% admin_sidebar_apps %}``: the admin's navigation sidebar (every model the person may
see, ~50 rows), kept per person until who may see what changes.

The sidebar is on every admin page and lists the same models whatever the page shows, so a
changelist rendered afresh after its rows changed need not draw it again. It is kept per
person, language, address (the current model is marked) and the models registered with the
admin, under the data versions of users, groups and permissions (``caching/data_versions.py``
bumps them when a person's staff flags, groups or permissions change), not under the rows of
any page.
"""

import hashlib

from django import template
from django.conf import settings
from django.contrib import admin
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from caching.data_versions import model_version
from caching.versioned_cache import cached

register = template.Library()

WHO_MAY_SEE_WHAT = [model_version(settings.AUTH_USER_MODEL), model_version("auth.group"),
                    model_version("auth.permission")]


def _registered():
    """A short digest of the models registered with the admin (a deploy may add one)."""
    labels = sorted(model._meta.label_lower for model in admin.site._registry)
    return hashlib.blake2b("|".join(labels).encode(), digest_size=6).hexdigest()


@register.simple_tag(takes_context=True)
def admin_sidebar_apps(context):
    """``admin/app_list.html`` of the page's ``available_apps``, as the admin's own
    ``nav_sidebar.html`` includes it, kept as the module's docstring says."""
    request = context["request"]
    key = (f"admin-sidebar:{request.user.pk}:{get_language()}:{_registered()}:"
           f"{hashlib.blake2b(request.path.encode(), digest_size=8).hexdigest()}")

    def render():
        app_list = context.template.engine.get_template("admin/app_list.html")
        with context.push(app_list=context.get("available_apps"), show_changelinks=False):
            return str(app_list.render(context))

    return mark_safe(cached(key, depends_on=WHO_MAY_SEE_WHAT, compute=render))  # noqa: S308 - rendered by the template engine
