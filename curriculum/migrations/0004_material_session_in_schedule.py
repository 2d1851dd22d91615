"""Sessions moved to schedule/: the material's foreign key points there (state only; the
database column and its constraint follow the table when schedule 0002 renames it)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('curriculum', '0003_pillars_as_shipped_in_the_readers_language'),
        ('schedule', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='material',
                    name='session',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='materials', to='schedule.session', verbose_name='session'),
                ),
            ],
        ),
    ]
