"""CohortReport's table takes dashboards' name (``dashboards_cohortreport``: a rename, every
row kept), and its content type follows (permissions and admin log entries point at it)."""

from django.db import migrations

MOVED = ["cohortreport"]


def content_types_to(old_label, new_label):
    def rename(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in MOVED:
            if content_type.objects.using(db).filter(app_label=new_label, model=model).exists():
                continue  # already there (created by a migrate that ran before this one)
            content_type.objects.using(db).filter(app_label=old_label, model=model).update(
                app_label=new_label
            )

    return rename


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("dashboards", "0001_initial"),
        ("cohorts", "0007_cohortreport_moves_to_dashboards"),
    ]

    operations = [
        migrations.AlterModelTable(name="cohortreport", table=None),
        migrations.RunPython(
            content_types_to("cohorts", "dashboards"), content_types_to("dashboards", "cohorts")
        ),
    ]
