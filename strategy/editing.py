"""Writing the strategy: sections, initiatives and metrics, with optimistic concurrency.

Every write names the ``revision`` its author started from. Each section remembers the
revision at which it last changed; when somebody else changed the same section since,
the write raises :class:`ConflictError` carrying both versions and changes nothing.
Writes to *other* sections in the meantime are not conflicts.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction
from django.utils.translation import gettext as _

from common.inputs import parse_whole_number
from strategy.models import (
    ComponentPlan,
    Frequency,
    Initiative,
    InitiativeStatus,
    Metric,
    PracticeArea,
    Strategy,
    StrategyState,
    StrategyTemplate,
)

EDITABLE_STATES = {StrategyState.DRAFTING, StrategyState.CHANGES_REQUESTED}
VISION_FIELDS = ("vision", "priorities")
COMPONENT_FIELDS = ("current_maturity", "current_state", "target_state", "goals")
INITIATIVE_FIELDS = (
    "title", "description", "year", "quarters", "owner", "resources", "dependencies",
    "status", "practice_areas",
)
METRIC_FIELDS = (
    "name", "baseline", "target_year_1", "target_year_2", "target_year_3", "data_source",
    "frequency",
)
TRACKING_METRIC_FIELDS = ("actual_year_1", "actual_year_2", "actual_year_3")


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
        from strategy.defaults import create_default_template
        from strategy.models import TemplateComponent

        default = create_default_template(StrategyTemplate, TemplateComponent)
    return default


def start_strategy(*, city, user=None):
    """Start the city's strategy from its cohort's template (or return the existing one)."""
    from cohorts.models import Enrollment

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


# --- coercion: forms and the API send strings or JSON; the rules below are the same ---

def _text(value, *, field, max_length=None, required=False, errors):
    value = "" if value is None else str(value).replace("\r\n", "\n").strip()
    if required and not value:
        errors[field] = [_("This field is required.")]
    elif "\x00" in value:  # PostgreSQL cannot store it: a message, never a 500
        errors[field] = [ProhibitNullCharactersValidator.message]
    elif max_length and len(value) > max_length:
        errors[field] = [_("Keep this under %(n)s characters.") % {"n": max_length}]
    return value


def _int_in(value, *, field, low, high, required, errors):
    if value in (None, ""):
        if required:
            errors[field] = [_("This field is required.")]
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not low <= number <= high:
        errors[field] = [_("Choose a number from %(low)s to %(high)s.") % {"low": low,
                                                                          "high": high}]
        return None
    return number


def _quarters(value, *, errors):
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [part for part in value.replace(" ", "").split(",") if part]
    try:
        quarters = sorted({int(q) for q in value})
    except (TypeError, ValueError):
        quarters = [0]
    if any(q not in (1, 2, 3, 4) for q in quarters):
        errors["quarters"] = [_("Quarters are 1, 2, 3 and 4.")]
        return []
    return quarters


def _choices(value, *, field, choices, errors):
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [value]
    values = list(dict.fromkeys(str(v) for v in value))
    unknown = [v for v in values if v not in choices]
    if unknown:
        errors[field] = [_("Unknown choice: %(values)s.") % {"values": ", ".join(unknown)}]
        return []
    return values


def _choice(value, *, field, choices, default, errors):
    if value in (None, ""):
        return default
    if value not in choices:
        errors[field] = [_("Choose one of the listed options.")]
        return default
    return value


def clean_section(*, section, data):
    """Validate ``data`` for ``section``; return clean values or raise ValidationError."""
    errors = {}
    if section == "vision":
        clean = {
            "vision": _text(data.get("vision"), field="vision", max_length=5000, errors=errors),
            "priorities": _text(data.get("priorities"), field="priorities", max_length=5000,
                                errors=errors),
        }
    elif section.startswith("component-"):
        clean = {
            "current_maturity": _int_in(data.get("current_maturity"), field="current_maturity",
                                        low=1, high=5, required=False, errors=errors),
            **{f: _text(data.get(f), field=f, max_length=10000, errors=errors)
               for f in ("current_state", "target_state", "goals")},
        }
    else:
        raise ValidationError({"section": [_("Unknown section.")]})
    if errors:
        raise ValidationError(errors)
    return clean


def clean_initiative(data):
    errors = {}
    clean = {
        "title": _text(data.get("title"), field="title", max_length=200, required=True,
                       errors=errors),
        "description": _text(data.get("description"), field="description", max_length=5000,
                             errors=errors),
        "year": _int_in(data.get("year"), field="year", low=1, high=3, required=True,
                        errors=errors),
        "quarters": _quarters(data.get("quarters"), errors=errors),
        "owner": _text(data.get("owner"), field="owner", max_length=200, errors=errors),
        "resources": _text(data.get("resources"), field="resources", max_length=2000,
                           errors=errors),
        "dependencies": _text(data.get("dependencies"), field="dependencies", max_length=2000,
                              errors=errors),
        "status": _choice(data.get("status"), field="status", choices=InitiativeStatus.values,
                          default=InitiativeStatus.PLANNED, errors=errors),
        "practice_areas": _choices(data.get("practice_areas"), field="practice_areas",
                                   choices=PracticeArea.values, errors=errors),
    }
    if errors:
        raise ValidationError(errors)
    return clean


def clean_metric(data):
    errors = {}
    clean = {
        "name": _text(data.get("name"), field="name", max_length=200, required=True,
                      errors=errors),
        **{f: _text(data.get(f), field=f, max_length=100, errors=errors)
           for f in ("baseline", "target_year_1", "target_year_2", "target_year_3")},
        "data_source": _text(data.get("data_source"), field="data_source", max_length=200,
                             errors=errors),
        "frequency": _choice(data.get("frequency"), field="frequency",
                             choices=Frequency.values, default=Frequency.QUARTERLY,
                             errors=errors),
    }
    if errors:
        raise ValidationError(errors)
    return clean


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
            raise PermissionDenied
        if status not in InitiativeStatus.values:
            errors[f"status-{pk}"] = [_("Choose one of the listed options.")]
        elif initiative.status != status:
            initiative.status = status
            changed_initiatives.append(initiative)
    for pk, values in actuals.items():
        metric = metrics.get(int(pk))
        if metric is None:
            raise PermissionDenied
        dirty = False
        for field in TRACKING_METRIC_FIELDS:
            if field in values:
                value = _text(values[field], field=f"{field}-{pk}", max_length=100,
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

