"""The admin's busiest lists, cached per staff member until their rows change.

A changelist shows rows of its model and, through foreign keys, the names of related records
(a check-in's city and coach, an application's cohort). The rendered list is kept per person
and address (filters, search, sort and page are in the address) under the versions of the
model, of every model its foreign keys point to, and the shared version
(``caching/data_versions.py``). Actions, messages and every other admin page are untouched.
"""

from caching.data_versions import ALL, model_version
from caching.page_cache import serve_cached_page
from common.admin_lists import QuickChangelistMixin


def changelist_versions(model):
    """The data versions a changelist of ``model`` depends on."""
    related = {
        field.related_model._meta.label_lower
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is not None
    }
    return [ALL, model_version(model._meta.label_lower), *map(model_version, sorted(related))]


class CachedChangelistMixin(QuickChangelistMixin):
    """A ``ModelAdmin`` mixin: the changelist page is served from the cache when nothing it
    shows has changed, and rendered for less when it has (``common/admin_lists.py``)."""

    def changelist_view(self, request, extra_context=None):
        def render():
            return super(CachedChangelistMixin, self).changelist_view(request, extra_context)

        if extra_context:
            return render()
        return serve_cached_page(
            request, name=f"admin:{self.admin_site.name}:{self.model._meta.label_lower}",
            depends_on=lambda: changelist_versions(self.model), render=render,
        )
