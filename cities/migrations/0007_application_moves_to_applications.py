"""``Application`` and its history move to the ``applications`` app: removed from this app's
state only. The tables stay (``applications`` takes them over, then renames them)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cities', '0006_country_iso_code'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='HistoricalApplication'),
                migrations.DeleteModel(name='Application'),
            ],
            database_operations=[],
        ),
    ]
