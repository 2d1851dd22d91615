"""Ledger lines of coaching check-ins stop storing "Coaching check-in on <date>" in the
language of whoever saved the check-in: the note is left empty and described on display,
from the line's kind and date, in the reader's language (cohorts.hours.ledger_note)."""

from django.db import migrations


def forget_written_notes(apps, schema_editor):
    HoursEntry = apps.get_model("cohorts", "HoursEntry")  # noqa: N806
    HoursEntry._base_manager.filter(source="checkin").exclude(note="").update(note="")


class Migration(migrations.Migration):
    dependencies = [("cohorts", "0004_cohort_report")]

    operations = [migrations.RunPython(forget_written_notes, migrations.RunPython.noop)]
