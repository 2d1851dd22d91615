"""The program's three pillars."""

from django.db import migrations

from curriculum.pillars import ensure_pillars


def seed_pillars(apps, schema_editor):
    ensure_pillars(apps.get_model("curriculum", "Pillar"))


class Migration(migrations.Migration):

    dependencies = [("curriculum", "0001_initial")]

    operations = [migrations.RunPython(seed_pillars, migrations.RunPython.noop)]
