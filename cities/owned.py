"""A city's records: the one place that says how a record reaches its city.

Every model whose rows belong to one city inherits :class:`CityOwned` and, when it has no
``city`` foreign key of its own, names the path to it once::

    class Feedback(CityOwned):
        city_path = "showcase__city"
        showcase = models.ForeignKey(Showcase, ...)

From that path follow:

- ``Model.objects``: the tenant scope (django-scopes' ``ScopedManager(city=city_path)``):
  inside ``scope(city=…)`` a query sees that city's rows only; outside any scope it refuses
  to run until ``scopes_disabled()`` says it looks across cities on purpose;
- :func:`city_of`: the city id of any record (the data versions of the page cache and
  ``notify()`` ask it);
- ``created_at`` / ``updated_at``, set by Django on create and on every save. A model that
  never recorded one of them opts out with ``updated_at = None`` (its table is unchanged).

``accounts.Membership`` and ``accounts.Invitation`` belong to a city too but sit below
``cities`` (they declare ``ScopedManager(city="city")`` themselves); :func:`city_of` reads
their ``city_id`` like any record's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes.manager import DisabledQuerySet
from django_scopes.state import get_scope


class CityScopedManager(models.Manager):
    """``ScopedManager(city=model.city_path)`` for every :class:`CityOwned` model (the same
    behaviour as django-scopes' own, reading the path from the model)."""

    def get_queryset(self):
        current = get_scope()
        if not current.get("_enabled", True):
            return super().get_queryset()
        if "city" not in current:
            return DisabledQuerySet(self.model, using=self._db, missing_scopes={"city"})
        city, path = current["city"], self.model.city_path
        queryset = super().get_queryset()
        if isinstance(city, (list, tuple)):
            return queryset.filter(**{f"{path}__in": city})
        if city is not None:
            return queryset.filter(**{path: city})
        return queryset

    def all(self):
        queryset = super().all()
        if isinstance(queryset, DisabledQuerySet):
            queryset = queryset.all()  # raises: a scope is missing
        return queryset


class CityOwned(models.Model):
    """A record of one city: its path to the city, its scope and its timestamps."""

    #: The lookup from this model to ``cities.City`` (``"enrollment__city"``, …).
    city_path = "city"

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CityScopedManager()

    class Meta:
        abstract = True


def city_of(obj):
    """The id of the city ``obj`` belongs to (a :class:`cities.City` is its own), or
    ``None`` when it belongs to none, or to several (a cohort), or it cannot be told.

    Follows the model's ``city_path`` (``city`` when it declares none) through the related
    objects already loaded, else with one query (scopes off: any record has one city).
    """
    if obj is None or not hasattr(obj, "_meta"):
        return None
    if obj._meta.label_lower == "cities.city":
        return obj.pk
    first, _, rest = getattr(obj, "city_path", "city").partition("__")
    if not rest:
        return getattr(obj, f"{first}_id", None)
    related_id = getattr(obj, f"{first}_id", None)
    if related_id is None:
        return None
    field = obj._meta.get_field(first)
    if field.is_cached(obj):
        return city_of(getattr(obj, first))
    return (
        field.related_model._base_manager.filter(pk=related_id)
        .values_list(f"{rest}_id", flat=True).first()
    )
