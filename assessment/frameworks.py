"""Frameworks as data: checking and loading a framework file, the one in use, freezing.

The file format is described in ``/work/brief/framework_format.md`` (and the docstring of
:func:`check_framework`): areas → criteria → checklist items, every text a
``{"en", "es", "pt-br"}`` object. Loading a file whose key exists makes a new version;
a framework that an assessment was made with is frozen (:func:`is_frozen`): staff change it
by copying it to a new version (:func:`copy_framework`), never in place.
"""

import json
import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from assessment.models import Area, Assessment, Criterion, Framework, Item
from strategy.models import PracticeArea

DEFAULT_FILE = Path(__file__).resolve().parent / "frameworks" / "default.json"
SLUG = re.compile(r"^[a-z0-9_-]+$")


def _texts(value, where, problems):
    if not isinstance(value, dict) or not any(
            isinstance(text, str) and text.strip() for text in value.values()):
        problems.append(_("%(where)s: a text in at least one language is needed.")
                        % {"where": where})


def _key(value, where, seen, problems):
    if not isinstance(value, str) or not SLUG.match(value):
        problems.append(_("%(where)s: the key “%(key)s” is not made of lowercase letters, "
                          "digits, hyphens and underscores.") % {"where": where, "key": value})
    elif value in seen:
        problems.append(_("%(where)s: the key “%(key)s” is used twice.")
                        % {"where": where, "key": value})
    seen.add(value)


def _cycle(requires):
    """A criterion key that is part of a prerequisite cycle, or None."""
    state = {}

    def visit(key):
        if state.get(key) == "done":
            return None
        if state.get(key) == "open":
            return key
        state[key] = "open"
        for other in requires.get(key, ()):
            found = visit(other)
            if found:
                return found
        state[key] = "done"
        return None

    return next((found for key in requires if (found := visit(key))), None)


def check_framework(data):
    """The problems of a framework file (``[]`` when it can be loaded): key and version,
    texts, unique slug keys, areas among strategy's practice areas, 1 ≤ needs ≤ items,
    prerequisites that exist and make no cycle, tiers with shares in (0, 1]."""
    problems, seen = [], set()
    if not isinstance(data, dict):
        return [_("A framework file is one JSON object.")]
    _key(data.get("key"), "key", seen, problems)
    if not isinstance(data.get("version", 1), int) or data.get("version", 1) < 1:
        problems.append(_("version: a whole number from 1."))
    _texts(data.get("name"), "name", problems)
    tiers = data.get("tiers") or []
    if not tiers:
        problems.append(_("tiers: at least one tier is needed."))
    for tier in tiers:
        where = f"tier {tier.get('key')}" if isinstance(tier, dict) else "tiers"
        if not isinstance(tier, dict):
            problems.append(_("%(where)s: each tier is an object.") % {"where": where})
            continue
        _key(tier.get("key"), where, seen, problems)
        _texts(tier.get("name"), where, problems)
        share = tier.get("share")
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share <= 1:
            problems.append(_("%(where)s: the share is a number above 0 and at most 1.")
                            % {"where": where})
    requires = {}
    areas = data.get("areas") or []
    if not areas:
        problems.append(_("areas: at least one practice area is needed."))
    for area in areas:
        if not isinstance(area, dict):
            problems.append(_("areas: each practice area is an object."))
            continue
        where = f"area {area.get('key')}"
        _key(area.get("key"), where, seen, problems)
        if area.get("key") not in PracticeArea.values:
            problems.append(_("%(where)s: not one of the strategy's practice areas (%(keys)s).")
                            % {"where": where, "keys": ", ".join(PracticeArea.values)})
        _texts(area.get("name"), where, problems)
        for criterion in area.get("criteria") or []:
            where = f"criterion {criterion.get('key')}"
            _key(criterion.get("key"), where, seen, problems)
            _texts(criterion.get("text"), where, problems)
            items = criterion.get("items") or []
            for item in items:
                _key(item.get("key"), f"item {item.get('key')}", seen, problems)
                _texts(item.get("text"), f"item {item.get('key')}", problems)
            needs = criterion.get("needs")
            if isinstance(needs, bool) or not isinstance(needs, int) or not (
                    1 <= needs <= max(1, len(items))) or not items:
                problems.append(_("%(where)s: needs is a whole number from 1 to the number of "
                                  "its items.") % {"where": where})
            requires[criterion.get("key")] = list(criterion.get("requires") or [])
    for key, required in requires.items():
        for other in required:
            if other not in requires:
                problems.append(_("criterion %(key)s requires “%(other)s”, which is not a "
                                  "criterion of this framework.") % {"key": key, "other": other})
    cycle = _cycle(requires)
    if cycle:
        problems.append(_("criterion %(key)s: its prerequisites go round in a circle.")
                        % {"key": cycle})
    return problems


@transaction.atomic
def load_framework(data, *, current=True):
    """Store a checked framework file as a new version of its key (the file's ``version``
    when that is free, else the next one); mark it the one in use when ``current``.

    Raises ``ValidationError`` listing the file's problems; nothing is stored then.
    """
    problems = check_framework(data)
    if problems:
        raise ValidationError(problems)
    key = data["key"]
    latest = Framework.objects.filter(key=key).aggregate(v=Max("version"))["v"] or 0
    version = max(int(data.get("version", 1)), latest + 1)
    framework = Framework.objects.create(
        key=key, version=version, name=data["name"], description=data.get("description") or {},
        tiers=sorted(data["tiers"], key=lambda t: t["share"]), is_current=current)
    if current:
        Framework.objects.exclude(pk=framework.pk).update(is_current=False)
    for a, area in enumerate(data["areas"]):
        area_row = Area.objects.create(framework=framework, key=area["key"], order=a,
                                       name=area["name"],
                                       description=area.get("description") or {})
        for c, criterion in enumerate(area.get("criteria") or []):
            criterion_row = Criterion.objects.create(
                area=area_row, key=criterion["key"], order=c, text=criterion["text"],
                evidence=criterion.get("evidence") or {}, needs=criterion["needs"],
                requires=list(criterion.get("requires") or []))
            Item.objects.bulk_create(
                Item(criterion=criterion_row, key=item["key"], order=i, text=item["text"])
                for i, item in enumerate(criterion["items"]))
    return framework


def read_framework_file(path):
    """The JSON of a framework file; ``ValidationError`` when it is not JSON."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(_("Cannot read %(path)s: %(error)s")
                              % {"path": path, "error": error}) from error


def as_data(framework):
    """A stored framework back in the file format (for a copy, or an export)."""
    return {
        "key": framework.key, "version": framework.version, "name": framework.name,
        "description": framework.description, "tiers": framework.tiers,
        "areas": [{
            "key": area.key, "name": area.name, "description": area.description,
            "criteria": [{
                "key": c.key, "text": c.text, "evidence": c.evidence, "needs": c.needs,
                "requires": c.requires,
                "items": [{"key": i.key, "text": i.text} for i in c.items.all()],
            } for c in area.criteria.all()],
        } for area in framework.areas.prefetch_related("criteria__items")],
    }


def is_frozen(framework):
    """Whether an assessment (of any city: scopes off) was made with ``framework`` (then it
    is never edited in place)."""
    if framework is None or framework.pk is None:
        return False
    with scopes_disabled():
        return Assessment.objects.filter(framework=framework).exists()


def copy_framework(framework):
    """A new, editable version of ``framework`` (the one in use when the original was)."""
    return load_framework(as_data(framework), current=framework.is_current)


def current_framework():
    """The framework new assessments are made with: the newest marked in use; else the
    default file is loaded (first use); ``None`` when there is none at all."""
    framework = Framework.objects.filter(is_current=True).order_by("-created_at", "-pk").first()
    if framework is None and DEFAULT_FILE.exists():
        framework = load_framework(read_framework_file(DEFAULT_FILE))
    return framework
