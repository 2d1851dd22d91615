"""Quarterly updates: per strategy initiative its status, a note and evidence; per metric its
actual value. One row per quarter per initiative or metric; every edit of a row is kept in
its history (django-simple-history), and the strategy's current status and actuals follow
the latest quarter recorded.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Subquery
from django.utils.translation import gettext as _

from common.uploads import check_upload, original_name, save_on_commit, unguessable_path
from followon.models import InitiativeUpdate, MetricUpdate
from followon.phase import quarter_of
from strategy.editing import current_strategy, track_progress
from strategy.models import Initiative, InitiativeStatus, Metric, Strategy

MAX_NOTE = 5000
MAX_ACTUAL = 100
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
STRATEGY_YEARS = 3


def _current_strategy_id(city):
    """The current strategy's id as a subquery (``strategy.editing.current_strategy``'s
    choice: the newest), so the plan is read without reading the strategy first."""
    return Subquery(Strategy.objects.filter(city=city).order_by("-created_at")
                    .values("pk")[:1])


def plan_of(*, city):
    """``(initiatives, metrics)`` of the city's current strategy (empty without one), in the
    strategy's order: two queries."""
    current = _current_strategy_id(city)
    initiatives = list(Initiative.objects.filter(component__strategy=current)
                       .select_related("component").order_by("component__order", "year", "pk"))
    metrics = list(Metric.objects.filter(component__strategy=current)
                   .select_related("component").order_by("component__order", "pk"))
    return initiatives, metrics


def strategy_year(quarter):
    """The strategy year (1–3) a follow-on quarter falls in: quarters 1–4 are year 1."""
    return min((quarter - 1) // 4 + 1, STRATEGY_YEARS)


def _text(value, *, key, limit, errors, label):
    value = (value or "").strip()
    if len(value) > limit:
        errors[key] = _("%(what)s may be at most %(n)s characters.") % {"what": label,
                                                                        "n": limit}
    return value


def _clean_initiative(pk, values, errors):
    status = (values.get("status") or "").strip()
    note = _text(values.get("note"), key=f"note_{pk}", limit=MAX_NOTE, errors=errors,
                 label=_("The note"))
    link = (values.get("evidence_link") or "").strip()
    upload = values.get("evidence_file")
    if not (status or note or link or upload):
        return None
    if status not in InitiativeStatus.values:
        errors[f"status_{pk}"] = _("Choose the initiative's status this quarter.")
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            errors[f"link_{pk}"] = _("Enter a web address starting with https:// or http://.")
        if len(link) > 500:
            errors[f"link_{pk}"] = _("The link may be at most 500 characters.")
    if upload:
        try:
            check_upload(upload=upload, limit=MAX_EVIDENCE_BYTES, field=f"file_{pk}")
        except ValidationError as error:
            errors.update({key: " ".join(msgs) for key, msgs in error.message_dict.items()})
    return {"status": status, "note": note, "evidence_link": link, "upload": upload}


def _clean_metric(pk, values, errors):
    actual = _text(values.get("actual"), key=f"actual_{pk}", limit=MAX_ACTUAL, errors=errors,
                   label=_("The actual value"))
    note = _text(values.get("note"), key=f"mnote_{pk}", limit=MAX_NOTE, errors=errors,
                 label=_("The note"))
    if not (actual or note):
        return None
    if not actual:
        errors[f"actual_{pk}"] = _("Give the metric's actual value for this quarter.")
    return {"actual": actual, "note": note}


def _store(update, upload):
    """Keep the file under a path nobody can guess; it is served only by the city's page.
    Written to storage only when the quarter's save commits."""
    name = original_name(upload) or "evidence"
    save_on_commit(update.evidence_file, unguessable_path(str(update.city_id), name), upload)
    update.evidence_name = name[:200]


def record_quarter(*, follow_on, quarter, initiatives=None, metrics=None, by=None, today):
    """Record quarter ``quarter`` of ``follow_on``: ``initiatives`` ``{id: {"status", "note",
    "evidence_link", "evidence_file"}}`` and ``metrics`` ``{id: {"actual", "note"}}``.

    A row left wholly blank is skipped (an existing row stays as it was). Bad input raises
    ``ValidationError`` with a message per field (``status_<id>``, ``link_<id>``,
    ``file_<id>``, ``actual_<id>``…) and nothing is saved. A row that changes is saved with
    its history. The strategy's current status and actuals then follow the latest quarter
    recorded. Returns how many rows changed.
    """
    quarter_of(follow_on, quarter, today=today)
    plan_initiatives, plan_metrics = plan_of(city=follow_on.city)
    known_initiatives = {i.pk: i for i in plan_initiatives}
    known_metrics = {m.pk: m for m in plan_metrics}
    errors, clean_initiatives, clean_metrics = {}, {}, {}
    for pk, values in (initiatives or {}).items():
        if int(pk) not in known_initiatives:
            raise ValidationError({"initiative": _("This initiative is not in the city's "
                                                   "strategy.")})
        if (cleaned := _clean_initiative(int(pk), values, errors)) is not None:
            clean_initiatives[int(pk)] = cleaned
    for pk, values in (metrics or {}).items():
        if int(pk) not in known_metrics:
            raise ValidationError({"metric": _("This metric is not in the city's strategy.")})
        if (cleaned := _clean_metric(int(pk), values, errors)) is not None:
            clean_metrics[int(pk)] = cleaned
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        changed = _save_initiatives(follow_on, quarter, clean_initiatives, by)
        changed += _save_metrics(follow_on, quarter, clean_metrics, by)
        if changed:
            _follow_latest(follow_on, current_strategy(city=follow_on.city), by)
    return changed


def _save_initiatives(follow_on, quarter, rows, by):
    existing = {u.initiative_id: u for u in InitiativeUpdate.objects.filter(
        follow_on=follow_on, quarter=quarter, initiative_id__in=list(rows))}
    changed = 0
    for pk, row in rows.items():
        update = existing.get(pk) or InitiativeUpdate(
            city=follow_on.city, follow_on=follow_on, initiative_id=pk, quarter=quarter)
        fields = {"status": row["status"], "note": row["note"],
                  "evidence_link": row["evidence_link"]}
        dirty = update.pk is None or any(getattr(update, k) != v for k, v in fields.items())
        for key, value in fields.items():
            setattr(update, key, value)
        if row["upload"]:
            _store(update, row["upload"])
            dirty = True
        if dirty:
            update.recorded_by = by
            update.save()
            changed += 1
    return changed


def _save_metrics(follow_on, quarter, rows, by):
    existing = {u.metric_id: u for u in MetricUpdate.objects.filter(
        follow_on=follow_on, quarter=quarter, metric_id__in=list(rows))}
    changed = 0
    for pk, row in rows.items():
        update = existing.get(pk) or MetricUpdate(
            city=follow_on.city, follow_on=follow_on, metric_id=pk, quarter=quarter)
        if update.pk is None or update.actual != row["actual"] or update.note != row["note"]:
            update.actual, update.note, update.recorded_by = row["actual"], row["note"], by
            update.save()
            changed += 1
    return changed


def latest_updates(follow_on):
    """``({initiative id: latest update}, {metric id: latest update})``: the latest quarter
    recorded for each."""
    initiatives, metrics = {}, {}
    for update in InitiativeUpdate.objects.filter(follow_on=follow_on).order_by("quarter"):
        initiatives[update.initiative_id] = update
    for update in MetricUpdate.objects.filter(follow_on=follow_on).order_by("quarter"):
        metrics[update.metric_id] = update
    return initiatives, metrics


def _follow_latest(follow_on, strategy, by):
    """The strategy's current status per initiative and actual per year follow the latest
    quarter recorded (through the strategy's own tracking rule, which keeps its history)."""
    initiatives, metrics = latest_updates(follow_on)
    statuses = {pk: update.status for pk, update in initiatives.items()}
    actuals = {pk: {f"actual_year_{strategy_year(update.quarter)}": update.actual}
               for pk, update in metrics.items()}
    track_progress(strategy=strategy, statuses=statuses, actuals=actuals, user=by)
