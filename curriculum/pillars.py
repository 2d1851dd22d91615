"""The program's three pillars: seeded by a data migration, and re-ensured by the demo
(a test that flushes the database removes migration data)."""

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
