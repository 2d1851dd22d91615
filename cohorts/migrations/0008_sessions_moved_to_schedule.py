"""Sessions, RSVPs, attendance and the hours ledger now belong to schedule/ (its 0001 took
them over): cohorts forgets them. State only: no table is dropped."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cohorts', '0007_cohortreport_moves_to_dashboards'),
        ('curriculum', '0004_material_session_in_schedule'),
        ('schedule', '0001_initial'),
        ('showcases', '0002_slot_session_in_schedule'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='Attendance'),
                migrations.DeleteModel(name='HoursEntry'),
                migrations.DeleteModel(name='Rsvp'),
                migrations.DeleteModel(name='Session'),
            ],
        ),
    ]
