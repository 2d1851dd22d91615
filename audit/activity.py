"""The program's activity feed for staff: recent changes to applications, memberships,
check-ins, action items, requests to the mayor, showcases and strategies (with their
component plans, initiatives and metrics), read from django-simple-history's tables.

Each change says who made it, when, to what, in which city and which fields changed. Long
texts show only that they changed. Private coach notes are not in the history at all
(``CheckIn.history`` excludes them), so they cannot appear here either.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import OuterRef, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cities.places import country_name

# key → (model, path to the city, extra relations the label needs)
TRACKED = {
    "application": ("applications.Application", []),
    "membership": ("accounts.Membership", ["user"]),
    "checkin": ("coaching.CheckIn", []),
    "actionitem": ("coaching.ActionItem", []),
    "mayorrequest": ("coaching.MayorRequest", []),
    "showcase": ("showcases.Showcase", []),
    "strategy": ("strategy.Strategy", []),
    "componentplan": ("strategy.ComponentPlan", []),
    "initiative": ("strategy.Initiative", []),
    "metric": ("strategy.Metric", []),
}


def _city_path(key):
    """The lookup from ``key``'s rows to their city: the model's ``city_path``
    (``cities.owned.CityOwned``), or its own ``city``."""
    return getattr(apps.get_model(TRACKED[key][0]), "city_path", "city")
# Bookkeeping that changes with every save; it says nothing a reader needs.
IGNORED_FIELDS = {"updated_at", "created_at", "revision", "section_revisions", "updated_by"}
SHORT_TEXT = 120
VERBS = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"), "-": gettext_lazy("deleted")}


@dataclass
class FieldChange:
    label: str
    old: str = ""
    new: str = ""
    shown: bool = True  # False: a long text, only "changed" is shown


@dataclass
class Change:
    when: object
    who: object
    kind: str
    kind_label: str
    label: str
    verb: str
    city: object
    reason: str
    admin_url: str
    fields: list = field(default_factory=list)


def tracked_kinds():
    """(key, plural label) of every kind the feed covers, for the filter."""
    return [
        (key, apps.get_model(spec[0])._meta.verbose_name_plural.capitalize())
        for key, spec in TRACKED.items()
    ]


def recent_changes(*, city=None, kind=None, limit=100):
    """The ``limit`` latest changes, newest first, optionally of one ``city`` and ``kind``.

    Two queries per kind, whatever the limit: the latest rows (with who, the city and each
    row's previous version id), then those previous versions to compare against.
    """
    keys = [kind] if kind in TRACKED else list(TRACKED)
    rows = []
    for key in keys:
        rows.extend((key, record) for record in _latest(key, city=city, limit=limit))
    rows.sort(key=lambda row: (row[1].history_date, row[1].history_id), reverse=True)
    rows = rows[:limit]
    previous = _previous_versions(rows)
    return [_describe(key, record, previous.get((key, record.prev_id))) for key, record in rows]


def _latest(key, *, city, limit):
    model_name, related = TRACKED[key]
    city_path = _city_path(key)
    history = apps.get_model(model_name).history.model
    earlier = (
        history.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    queryset = history.objects.select_related("history_user", city_path, *related)
    if city is not None:
        queryset = queryset.filter(**{city_path: city})
    return list(
        queryset.annotate(prev_id=Subquery(earlier)).order_by("-history_date", "-history_id")[
            :limit
        ]
    )


def _previous_versions(rows):
    wanted = {}
    for key, record in rows:
        if record.history_type == "~" and record.prev_id:
            wanted.setdefault(key, set()).add(record.prev_id)
    previous = {}
    for key, ids in wanted.items():
        history = apps.get_model(TRACKED[key][0]).history.model
        for record in history.objects.filter(history_id__in=ids):
            previous[(key, record.history_id)] = record
    return previous


def _city_of(record, path):
    value = record
    for part in path.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    return value


def _label(key, record):
    if key == "application":
        return f"{record.city_name} ({country_name(record.country)})"
    if key == "membership":
        return (
            f"{record.user} · {record.get_role_display()}"
            if record.user
            else (record.get_role_display())
        )
    if key == "checkin":
        return _("Check-in of %(date)s") % {
            "date": date_format(timezone.localtime(record.happened_at), "DATE_FORMAT")
        }
    if key == "strategy":
        return record.title or _("Data strategy")
    if key == "componentplan":
        return record.get_key_display() if hasattr(record, "get_key_display") else record.key
    if key == "metric":
        return record.name
    if key == "mayorrequest":
        return record.question
    return record.title


def _value(model_field, value):
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _field_changes(record, before):
    if before is None:
        return []
    changes = []
    delta = record.diff_against(before, excluded_fields=IGNORED_FIELDS)
    for change in delta.changes:
        model_field = record._meta.get_field(change.field)
        label = str(model_field.verbose_name)
        long_text = model_field.get_internal_type() in {"TextField", "JSONField"} or (
            model_field.is_relation
        )
        if long_text:
            changes.append(FieldChange(label=label, shown=False))
        else:
            old, new = _value(model_field, change.old), _value(model_field, change.new)
            if len(old) > SHORT_TEXT or len(new) > SHORT_TEXT:
                changes.append(FieldChange(label=label, shown=False))
            else:
                changes.append(FieldChange(label=label, old=old, new=new))
    return changes


def _describe(key, record, before):
    model = record.instance_type
    try:
        admin_url = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_history",
            args=[record.id],
        )
    except NoReverseMatch:
        admin_url = ""
    return Change(
        when=record.history_date,
        who=record.history_user,
        kind=key,
        kind_label=str(model._meta.verbose_name).capitalize(),
        label=_label(key, record),
        verb=str(VERBS.get(record.history_type, "")),
        city=_city_of(record, _city_path(key)),
        reason=record.history_change_reason or "",
        admin_url=admin_url,
        fields=_field_changes(record, before),
    )
