"""The moved tables take this app's names (``applications_application`` and
``applications_historicalapplication``; a rename on SQLite and PostgreSQL, every row kept),
and their content types follow them, so that permissions, admin log entries and the generic
links of notifications and the activity log point at the same rows as before."""

from django.db import migrations

MODELS = ["application", "historicalapplication"]


def _relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if ContentType.objects.filter(app_label=new, model=model).exists():
            continue  # already there (made by a migrate that ran without this one)
        ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, "cities", "applications")


def backwards(apps, schema_editor):
    _relabel(apps, "applications", "cities")


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AlterModelTable(name='application', table=None),
        migrations.AlterModelTable(name='historicalapplication', table=None),
        migrations.RunPython(forwards, backwards),
    ]
