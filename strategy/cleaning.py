"""Cleaning what forms and the API send for the strategy (strings or JSON): one set of
rules for both, raising ``ValidationError`` with a message per field (see
:mod:`strategy.editing` for the writes)."""

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext as _

from strategy.models import Frequency, InitiativeStatus, PracticeArea

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


# --- coercion: forms and the API send strings or JSON; the rules below are the same ---

def clean_text(value, *, field, max_length=None, required=False, errors):
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
            "vision": clean_text(data.get("vision"), field="vision", max_length=5000,
                                 errors=errors),
            "priorities": clean_text(data.get("priorities"), field="priorities", max_length=5000,
                                     errors=errors),
        }
    elif section.startswith("component-"):
        clean = {
            "current_maturity": _int_in(data.get("current_maturity"), field="current_maturity",
                                        low=1, high=5, required=False, errors=errors),
            **{f: clean_text(data.get(f), field=f, max_length=10000, errors=errors)
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
        "title": clean_text(data.get("title"), field="title", max_length=200, required=True,
                            errors=errors),
        "description": clean_text(data.get("description"), field="description", max_length=5000,
                                  errors=errors),
        "year": _int_in(data.get("year"), field="year", low=1, high=3, required=True,
                        errors=errors),
        "quarters": _quarters(data.get("quarters"), errors=errors),
        "owner": clean_text(data.get("owner"), field="owner", max_length=200, errors=errors),
        "resources": clean_text(data.get("resources"), field="resources", max_length=2000,
                                errors=errors),
        "dependencies": clean_text(data.get("dependencies"), field="dependencies",
                                   max_length=2000, errors=errors),
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
        "name": clean_text(data.get("name"), field="name", max_length=200, required=True,
                           errors=errors),
        **{f: clean_text(data.get(f), field=f, max_length=100, errors=errors)
           for f in ("baseline", "target_year_1", "target_year_2", "target_year_3")},
        "data_source": clean_text(data.get("data_source"), field="data_source", max_length=200,
                                  errors=errors),
        "frequency": _choice(data.get("frequency"), field="frequency",
                             choices=Frequency.values, default=Frequency.QUARTERLY,
                             errors=errors),
    }
    if errors:
        raise ValidationError(errors)
    return clean
