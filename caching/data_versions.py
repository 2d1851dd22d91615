"""Which data changed: one version per city, per model and for everything not owned by a city.

Cached pages (``caching/page_cache.py``) depend on these versions. Every ``post_save``,
``post_delete`` and ``m2m_changed`` of any model (but :data:`IGNORED`) bumps, through
:func:`record_changed`:

- ``data:model:<app_label.model>`` — the model's version (the admin's lists follow it);
- ``data:city:<id>`` — when the record belongs to one city (its ``city_id``, or the city
  reached through :data:`CITY_PATHS`), or else ``data:all`` — any page may show it.

The default is the safe one: a record whose city cannot be found bumps ``data:all``. Only the
models in :data:`IGNORED` (bookkeeping no page shows) and history rows (written beside the
record they copy) bump nothing. Bulk writes send no signals; the code that makes them calls
:func:`forget_data` itself.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django_scopes import scopes_disabled

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

# How to find the city of a record that has no ``city_id`` of its own:
# (foreign key on the record, the city field on the model it points to).
CITY_PATHS = {
    "coaching.coachassignment": ("enrollment", "city_id"),
    "showcases.evidence": ("showcase", "city_id"),
    "showcases.feedback": ("showcase", "city_id"),
    "showcases.message": ("showcase", "city_id"),
    "showcases.showcaseslot": ("showcase", "city_id"),
    "strategy.componentplan": ("strategy", "city_id"),
    "strategy.comment": ("strategy", "city_id"),
    "strategy.strategyversion": ("strategy", "city_id"),
    "strategy.strategydocument": ("strategy", "city_id"),
    "strategy.initiative": ("component", "strategy__city_id"),
    "strategy.metric": ("component", "strategy__city_id"),
}


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


def city_of(instance):
    """The id of the city ``instance`` belongs to, or ``None`` when it belongs to none (or to
    several, or it cannot be told)."""
    label = instance._meta.label_lower
    if label == "cities.city":
        return instance.pk
    if label in CITY_PATHS:
        field, rest = CITY_PATHS[label]
        related_id = getattr(instance, f"{field}_id", None)
        if related_id is None:
            return None
        model = instance._meta.get_field(field).related_model
        with scopes_disabled():
            return (
                model._base_manager.filter(pk=related_id).values_list(rest, flat=True).first()
            )
    return getattr(instance, "city_id", None)


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
    city_id = city_of(instance)
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
