"""Sessions moved to schedule/: the slots' foreign keys point there (state only; the
database columns and constraints follow the table when schedule 0002 renames it)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('schedule', '0001_initial'),
        ('showcases', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='historicalshowcaseslot',
                    name='session',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='schedule.session', verbose_name='session'),
                ),
                migrations.AlterField(
                    model_name='showcaseslot',
                    name='session',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='showcase_slots', to='schedule.session', verbose_name='session'),
                ),
            ],
        ),
    ]
