"""Writing the strategy: sections, initiatives and metrics, with optimistic concurrency.

Every write names the ``revision`` its author started from. Each section remembers the
revision at which it last changed; when somebody else changed the same section since,
the write raises :class:`ConflictError` carrying both versions and changes nothing.
Writes to *other* sections in the meantime are not conflicts.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cohorts.models import Enrollment
from common.inputs import parse_whole_number
from strategy.cleaning import (
    INITIATIVE_FIELDS,
    METRIC_FIELDS,
    TRACKING_METRIC_FIELDS,
    clean_initiative,
    clean_metric,
    clean_section,
    clean_text,
)
from strategy.defaults import create_default_template
from strategy.models import (
    ComponentPlan,
    Initiative,
    InitiativeStatus,
    Metric,
    Strategy,
    StrategyState,
    StrategyTemplate,
    TemplateComponent,
)

EDITABLE_STATES = {StrategyState.DRAFTING, StrategyState.CHANGES_REQUESTED}


class ConflictError(Exception):
    """Somebody else changed ``section`` since ``expected_revision``.

    ``theirs`` holds the section as saved now, ``yours`` what the caller tried to save;
    ``revision`` is the strategy's current revision (send it back to overwrite knowingly).
    """

    def __init__(self, *, section, yours, theirs, revision, changed_by=None):
        super().__init__(_("Someone else changed this section while you were editing."))
        self.section = section
        self.yours = yours
        self.theirs = theirs
        self.revision = revision
        self.changed_by = changed_by

    def as_dict(self):
        return {
            "detail": str(self),
            "section": self.section,
            "revision": self.revision,
            "yours": self.yours,
            "theirs": self.theirs,
            "changed_by": str(self.changed_by) if self.changed_by else "",
        }


def current_strategy(*, city):
    """The city's current strategy (the most recent), or ``None``."""
    return Strategy.objects.filter(city=city).select_related("template").first()


def template_for(*, cohort):
    """The template of ``cohort``, or the default template."""
    if cohort is not None:
        template = StrategyTemplate.objects.filter(cohort=cohort).first()
        if template:
            return template
    default = StrategyTemplate.objects.filter(is_default=True).first()
    if default is None:  # the data migration's row was removed: make it again
        default = create_default_template(StrategyTemplate, TemplateComponent)
    return default


def start_strategy(*, city, user=None):
    """Start the city's strategy from its cohort's template (or return the existing one)."""
    existing = current_strategy(city=city)
    if existing:
        return existing
    enrollment = (
        Enrollment.objects.filter(city=city).select_related("cohort")
        .order_by("-cohort__starts_on").first()
    )
    cohort = enrollment.cohort if enrollment else None
    template = template_for(cohort=cohort)
    strategy = Strategy.objects.create(
        # No title typed: the shipped one, in each reader's language (and the PDF's). No
        # document language chosen: the PDF comes in the city's language until the team
        # chooses another (strategy.pdf.choose_document_language).
        city=city, cohort=cohort, template=template, updated_by=user,
    )
    for component in template.components.all():
        ComponentPlan.objects.create(strategy=strategy, key=component.key, order=component.order)
    return strategy


def ensure_editable(strategy):
    """Refuse content edits while the mayor reviews a version or after approval."""
    if strategy.state not in EDITABLE_STATES:
        if strategy.state == StrategyState.IN_REVIEW:
            message = _("The strategy is with the mayor for review; it can be edited again "
                        "once the mayor has decided.")
        else:
            message = _("The strategy is approved. Track initiative status and metric actuals "
                        "on the tracking page.")
        raise ValidationError({"__all__": [message]})


# --- the writes ---

def _lock(strategy):
    return Strategy.objects.select_for_update(of=("self",)).select_related("updated_by").get(
        pk=strategy.pk)


def _check_revision(*, locked, section, expected_revision, yours, theirs):
    expected = parse_whole_number(expected_revision)  # None for "x", inf, NaN, 1e999…
    if expected is None:
        raise ValidationError({"revision": [_("The form is out of date; reload the page.")]})
    changed_at = int(locked.section_revisions.get(section, 0))
    if changed_at > expected and yours != theirs:
        raise ConflictError(section=section, yours=yours, theirs=theirs,
                            revision=locked.revision, changed_by=locked.updated_by)


def _bump(*, locked, sections, user, fields=()):
    locked.revision += 1
    for section in sections:
        locked.section_revisions[section] = locked.revision
    locked.updated_by = user if user and user.is_authenticated else None
    locked.save(update_fields=["revision", "section_revisions", "updated_by", "updated_at",
                               *fields])
    return locked


def _component(locked, key):
    plan = ComponentPlan.objects.filter(strategy=locked, key=key).first()
    if plan is None:
        raise ValidationError({"section": [_("This strategy has no such component.")]})
    return plan


@transaction.atomic
def update_section(*, strategy, section, data, expected_revision, user):
    """Save ``section`` ("vision" or "component-<key>") from ``data``.

    Raises ValidationError (per field) for bad input, ConflictError when somebody else
    changed the same section after ``expected_revision``. Returns the updated strategy.
    """
    clean = clean_section(section=section, data=data)
    locked = _lock(strategy)
    ensure_editable(locked)
    if section == "vision":
        target = locked
    else:
        target = _component(locked, section.removeprefix("component-"))
    theirs = {field: getattr(target, field) for field in clean}
    _check_revision(locked=locked, section=section, expected_revision=expected_revision,
                    yours=clean, theirs=theirs)
    if clean == theirs:
        return locked
    for field, value in clean.items():
        setattr(target, field, value)
    if target is not locked:
        target.save()
        return _bump(locked=locked, sections=[section], user=user)
    return _bump(locked=locked, sections=[section], user=user, fields=list(clean))


def _values(part, fields):
    return {field: getattr(part, field) for field in fields}


def _save_part(*, model, fields, prefix, strategy, clean, expected_revision, user,
               component_key, part):
    """Add a ``model`` row (initiative or metric) to a component, or change ``part``,
    unless somebody changed it after ``expected_revision``."""
    locked = _lock(strategy)
    ensure_editable(locked)
    if part is None:
        part = model.objects.create(component=_component(locked, component_key), **clean)
        return _bump(locked=locked, sections=[f"{prefix}-{part.pk}"], user=user), part
    part = model.objects.get(pk=part.pk)
    section = f"{prefix}-{part.pk}"
    theirs = _values(part, fields)
    _check_revision(locked=locked, section=section, expected_revision=expected_revision,
                    yours=clean, theirs=theirs)
    if clean == theirs:
        return locked, part
    for field, value in clean.items():
        setattr(part, field, value)
    part.save()
    return _bump(locked=locked, sections=[section], user=user), part


def _delete_part(*, model, fields, prefix, strategy, part, expected_revision, user):
    """Remove ``part``, unless somebody changed it after ``expected_revision``."""
    locked = _lock(strategy)
    ensure_editable(locked)
    section = f"{prefix}-{part.pk}"
    current = model.objects.get(pk=part.pk)
    _check_revision(locked=locked, section=section, expected_revision=expected_revision,
                    yours=None, theirs=_values(current, fields))
    current.delete()
    return _bump(locked=locked, sections=[section], user=user)


@transaction.atomic
def save_initiative(*, strategy, data, expected_revision, user, component_key=None,
                    initiative=None):
    """Add an initiative to a component (``component_key``) or change ``initiative``."""
    return _save_part(
        model=Initiative, fields=INITIATIVE_FIELDS, prefix="initiative", strategy=strategy,
        clean=clean_initiative(data), expected_revision=expected_revision, user=user,
        component_key=component_key, part=initiative,
    )


@transaction.atomic
def delete_initiative(*, strategy, initiative, expected_revision, user):
    """Remove ``initiative``, unless somebody changed it after ``expected_revision``."""
    return _delete_part(model=Initiative, fields=INITIATIVE_FIELDS, prefix="initiative",
                        strategy=strategy, part=initiative,
                        expected_revision=expected_revision, user=user)


@transaction.atomic
def save_metric(*, strategy, data, expected_revision, user, component_key=None, metric=None):
    """Add a metric to a component (``component_key``) or change ``metric``."""
    return _save_part(
        model=Metric, fields=METRIC_FIELDS, prefix="metric", strategy=strategy,
        clean=clean_metric(data), expected_revision=expected_revision, user=user,
        component_key=component_key, part=metric,
    )


@transaction.atomic
def delete_metric(*, strategy, metric, expected_revision, user):
    """Remove ``metric``, unless somebody changed it after ``expected_revision``."""
    return _delete_part(model=Metric, fields=METRIC_FIELDS, prefix="metric",
                        strategy=strategy, part=metric,
                        expected_revision=expected_revision, user=user)


@transaction.atomic
def track_progress(*, strategy, statuses, actuals, user):
    """Post-program tracking: set initiative ``statuses`` ({id: status}) and metric
    ``actuals`` ({id: {"actual_year_1": …}}). Allowed in every state; the plan is unchanged.
    """
    errors = {}
    initiatives = {i.pk: i for i in Initiative.objects.filter(component__strategy=strategy)}
    metrics = {m.pk: m for m in Metric.objects.filter(component__strategy=strategy)}
    changed_initiatives, changed_metrics = [], []
    for pk, status in statuses.items():
        initiative = initiatives.get(int(pk))
        if initiative is None:
            raise ValidationError({f"status-{pk}": [_("Unknown initiative.")]})
        if status not in InitiativeStatus.values:
            errors[f"status-{pk}"] = [_("Choose one of the listed options.")]
        elif initiative.status != status:
            initiative.status = status
            changed_initiatives.append(initiative)
    for pk, values in actuals.items():
        metric = metrics.get(int(pk))
        if metric is None:
            raise ValidationError({f"actual-{pk}": [_("Unknown metric.")]})
        dirty = False
        for field in TRACKING_METRIC_FIELDS:
            if field in values:
                value = clean_text(values[field], field=f"{field}-{pk}", max_length=100,
                                   errors=errors)
                if value != getattr(metric, field):
                    setattr(metric, field, value)
                    dirty = True
        if dirty:
            changed_metrics.append(metric)
    if errors:
        raise ValidationError(errors)
    for obj in changed_initiatives + changed_metrics:
        obj.save()  # one by one, so that each change is in history
    if changed_initiatives or changed_metrics:
        locked = _lock(strategy)
        sections = [f"initiative-{i.pk}" for i in changed_initiatives] + [
            f"metric-{m.pk}" for m in changed_metrics]
        _bump(locked=locked, sections=sections, user=user)
    return len(changed_initiatives) + len(changed_metrics)

