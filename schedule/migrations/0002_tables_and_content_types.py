"""The moved tables take schedule's names (``cohorts_session`` → ``schedule_session`` …,
a rename that keeps every row), their indexes follow, and the content types of the moved
models change app label so that permissions, admin log entries and generic links
(notifications, reminder deliveries) keep pointing at them."""

from django.db import migrations

MOVED = ("session", "rsvp", "attendance", "hoursentry")


def _relabel(apps, schema_editor, old, new):
    content_type = apps.get_model("contenttypes", "ContentType")
    rows = content_type.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        if not rows.filter(app_label=old, model=model).exists():
            continue  # a fresh database: post_migrate creates them with the new label
        # One made for the new label before this ran (e.g. by a partial migrate) holds
        # nothing yet: the old row, with its permissions and log entries, wins.
        rows.filter(app_label=new, model=model).delete()
        rows.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, "cohorts", "schedule")


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, "schedule", "cohorts")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('cohorts', '0008_sessions_moved_to_schedule'),
        ('schedule', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(name='session', table=None),
        migrations.AlterModelTable(name='rsvp', table=None),
        migrations.AlterModelTable(name='attendance', table=None),
        migrations.AlterModelTable(name='hoursentry', table=None),
        migrations.RenameIndex(
            model_name='session',
            new_name='schedule_se_cohort__1afa2c_idx',
            old_name='cohorts_ses_cohort__0a33f3_idx',
        ),
        migrations.RenameIndex(
            model_name='hoursentry',
            new_name='schedule_ho_city_id_546d0b_idx',
            old_name='cohorts_hou_city_id_534f94_idx',
        ),
        migrations.RunPython(forwards, backwards),
    ]
