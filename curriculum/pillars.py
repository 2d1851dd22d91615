"""The program's three pillars: seeded by a data migration, and re-ensured by the demo
(a test that flushes the database removes migration data)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Pillar(models.TextChoices):
    """The pillars as fixed keys, for records that rate or tag a pillar (check-ins,
    showcases) without depending on curriculum rows being present."""

    LEAD = "lead", _("Lead confidently with data")
    INVEST = "invest", _("Invest in the right people, practices and platforms")
    EMPOWER = "empower", _("Empower people to be part of the solution")


PILLARS = [
    ("data", "Lead confidently with data",
     "Use data to set priorities, make decisions and communicate results."),
    ("invest", "Invest in the right people, practices and platforms",
     "Build the team, routines and tools that make data work last."),
    ("empower", "Empower people to be part of the solution",
     "Engage residents and staff in using data to improve their city."),
]


def ensure_pillars(pillar_model=None):
    """Create or refresh the three pillars; returns them by slug."""
    if pillar_model is None:
        from curriculum.models import Pillar as pillar_model
    return {
        slug: pillar_model.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order}
        )[0]
        for order, (slug, name, description) in enumerate(PILLARS, start=1)
    }
