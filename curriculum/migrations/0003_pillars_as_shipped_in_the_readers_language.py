"""Pillar rows still holding the shipped English store nothing: they are shown in the
reader's language (curriculum.pillars.pillar_text); words staff typed stay."""

from django.db import migrations, models

from curriculum.pillars import SHIPPED


def forget_shipped_text(apps, schema_editor):
    Pillar = apps.get_model("curriculum", "Pillar")  # noqa: N806
    for pillar in Pillar.objects.all():
        shipped = {field: "" for field, source in SHIPPED.get(pillar.slug, {}).items()
                   if " ".join(getattr(pillar, field).split()) == source}
        if shipped:
            Pillar.objects.filter(pk=pillar.pk).update(**shipped)


class Migration(migrations.Migration):

    dependencies = [
        ('curriculum', '0002_seed_pillars'),
    ]

    operations = [
        migrations.AlterField(
            model_name='pillar',
            name='name',
            field=models.CharField(blank=True, max_length=200, verbose_name='name'),
        ),
        migrations.RunPython(forget_shipped_text, migrations.RunPython.noop),
    ]
