"""The program's three pillars: seeded by a data migration, and re-ensured by the demo
(a test that flushes the database removes migration data).

Shipped content only: ``curriculum/models.py`` imports this module, never the reverse (the
migrations import it too)."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _


class Pillar(models.TextChoices):
    """The pillars as fixed keys, for records that rate or tag a pillar (check-ins,
    showcases) without depending on curriculum rows being present."""

    LEAD = "lead", _("Lead confidently with data")
    INVEST = "invest", _("Invest in the right people, practices and platforms")
    EMPOWER = "empower", _("Empower people to be part of the solution")


# Shipped program content (marked for translation, shown in the reader's language): a
# pillar row as shipped stores no name or description of its own (see pillar_text).
PILLARS = [
    ("data", gettext_noop("Lead confidently with data"),
     gettext_noop("Use data to set priorities, make decisions and communicate results.")),
    ("invest", gettext_noop("Invest in the right people, practices and platforms"),
     gettext_noop("Build the team, routines and tools that make data work last.")),
    ("empower", gettext_noop("Empower people to be part of the solution"),
     gettext_noop("Engage residents and staff in using data to improve their city.")),
]
SHIPPED = {slug: {"name": name, "description": description}
           for slug, name, description in PILLARS}


def shipped_english():
    """Every English text of the pillars as shipped (for checks that look for English)."""
    return [text for _slug, name, description in PILLARS for text in (name, description)]


def pillar_text(pillar, field):
    """A pillar row's ``name`` or ``description`` for the reader: as staff typed it, else
    as shipped for its slug, in the active language."""
    stored = getattr(pillar, field)
    if stored:
        return stored
    source = SHIPPED.get(pillar.slug, {}).get(field)
    return gettext(source) if source else pillar.slug


def ensure_pillars(pillar_model=None):
    """Create the three pillars (as shipped: no text stored) if missing and keep their
    order; words staff typed stay. Returns them by slug. ``pillar_model``: a migration's
    historical model; by default the current one."""
    if pillar_model is None:
        pillar_model = apps.get_model("curriculum", "Pillar")
    return {
        slug: pillar_model.objects.update_or_create(slug=slug, defaults={"order": order})[0]
        for order, (slug, _name, _description) in enumerate(PILLARS, start=1)
    }
