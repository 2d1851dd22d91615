"""CohortReport now belongs to dashboards (dashboards/migrations/0001): leave cohorts' state
only; the table and its rows stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("cohorts", "0006_enrollment_withdrawal"),
        ("dashboards", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="CohortReport")],
            database_operations=[],
        ),
    ]
