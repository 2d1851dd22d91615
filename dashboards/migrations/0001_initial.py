"""CohortReport moves here from cohorts/, keeping its rows: this migration declares the model
in dashboards' state on the table it already has (``cohorts_cohortreport``), without touching
the database; 0002 renames the table and the content type."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("cohorts", "0006_enrollment_withdrawal"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CohortReport",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("content_hash", models.CharField(max_length=64)),
                        ("language", models.CharField(default="en", max_length=10)),
                        ("status", models.CharField(choices=[("pending", "Preparing"), ("ready", "Ready"), ("failed", "Failed")], default="pending", max_length=10, verbose_name="status")),
                        ("file", models.FileField(blank=True, max_length=300, upload_to="reports/")),
                        ("error", models.TextField(blank=True)),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("cohort", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="reports", to="cohorts.cohort")),
                    ],
                    options={
                        "verbose_name": "cohort report",
                        "verbose_name_plural": "cohort reports",
                        "db_table": "cohorts_cohortreport",
                        "constraints": [models.UniqueConstraint(fields=("cohort", "content_hash"), name="one_report_per_content")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
