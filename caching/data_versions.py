"""Which data changed: one version per city, per model and for everything not owned by a city.

Cached pages (``caching/page_cache.py``) depend on these versions. Every ``post_save``,
``post_delete`` and ``m2m_changed`` of any model (but :data:`IGNORED`) bumps, through
:func:`record_changed`:

- ``data:model:<app_label.model>`` — the model's version (the admin's lists follow it);
- ``data:city:<id>`` — when the record belongs to one city (``cities.owned.city_of``: its
  ``city_id``, or the city reached through its model's ``city_path``), or else
  ``data:all`` — any page may show it.

The default is the safe one: a record whose city cannot be found bumps ``data:all``. Only the
models in :data:`IGNORED` (bookkeeping no page shows) and history rows (written beside the
record they copy) bump nothing. Bulk writes send no signals; the code that makes them calls
:func:`forget_data` itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from caching.versioned_cache import bump

ALL = "data:all"

# Bookkeeping no cached page shows: saving these must not empty the page cache.
IGNORED = {
    "sessions.session",
    "admin.logentry",
    "account.emailconfirmation",
    "notifications.notification",  # the header's unread count has its own version
    "notifications.emailoutbox",
    "notifications.reminderdelivery",
    "notifications.notificationevent",
}
IGNORED_APPS = {"django_celery_beat"}

# Who knows the city of a record: ``cities`` registers ``cities.owned.city_of`` (which
# follows each model's ``city_path``) in its AppConfig.ready(). Until then (or for a record
# it cannot place) only a record's own ``city_id`` counts.
_city_of = [lambda instance: getattr(instance, "city_id", None)]


def register_city_of(function):
    """Use ``function(instance) -> city id or None`` to find the city of a changed record."""
    _city_of[0] = function


def city_version(city_id):
    return f"data:city:{city_id}"


def model_version(label):
    """``label`` is ``app_label.model_name`` in lower case, as ``Model._meta.label_lower``."""
    return f"data:model:{label.lower()}"


def forget_data(*, city_ids=(), models=(), everything=False):
    """Invalidate the cached pages that show ``city_ids``' data or ``models``' rows (every
    page: ``everything``). For bulk writes, which send no signals."""
    bump(
        *(city_version(pk) for pk in set(city_ids) if pk),
        *(model_version(label) for label in models),
        *([ALL] if everything else []),
    )


def is_ignored(model):
    meta = model._meta
    return (
        meta.label_lower in IGNORED
        or meta.app_label in IGNORED_APPS
        or meta.model_name.startswith("historical")
    )


def record_changed(sender, instance, update_fields=None, **kwargs):
    """A signal handler: bump the versions that ``instance``'s change makes stale."""
    if is_ignored(sender) or not hasattr(instance, "_meta"):
        return
    if update_fields and set(update_fields) <= {"last_login"}:
        return  # signing in changes nothing any page shows
    city_id = _city_of[0](instance)
    bump(
        model_version(sender._meta.label_lower),
        city_version(city_id) if city_id else ALL,
    )


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        record_changed(type(instance), instance)


def connect_signals():
    """Listen to every model but the ignored ones (whose bulk deletes stay fast)."""
    from django.apps import apps

    for model in apps.get_models(include_auto_created=True):
        if is_ignored(model):
            continue
        label = model._meta.label_lower
        post_save.connect(record_changed, sender=model, dispatch_uid=f"data-save-{label}")
        post_delete.connect(record_changed, sender=model, dispatch_uid=f"data-delete-{label}")
    m2m_changed.connect(_m2m_changed, dispatch_uid="data-versions-m2m")
