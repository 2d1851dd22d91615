"""``Application`` and its history, taken over from ``cities`` with every row: created in
this app's state only, on the tables ``cities`` made (``0002`` renames them)."""

import accounts.models
import applications.models
import django.core.validators
import django.db.models.deletion
import django_countries.fields
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cities', '0007_application_moves_to_applications'),
        ('cohorts', '0006_enrollment_withdrawal'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalApplication',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('state', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('under_review', 'Under review'), ('accepted', 'Accepted'), ('waitlisted', 'Waitlisted'), ('declined', 'Declined'), ('withdrawn', 'Withdrawn')], default='draft', max_length=20, verbose_name='state')),
                        ('city_name', models.CharField(max_length=200, verbose_name='city name')),
                        ('country', django_countries.fields.CountryField(blank=True, max_length=2, verbose_name='country')),
                        ('country_as_written', models.CharField(blank=True, editable=False, help_text='Kept when the free-text country could not be matched to a country code.', max_length=100, verbose_name='country as first written')),
                        ('region', models.CharField(blank=True, max_length=100, verbose_name='region or state')),
                        ('time_zone', models.CharField(default='America/New_York', max_length=64, validators=[accounts.models.validate_time_zone], verbose_name='time zone')),
                        ('population', models.PositiveIntegerField(blank=True, null=True, verbose_name='population')),
                        ('population_source', models.CharField(blank=True, max_length=200, verbose_name='population source')),
                        ('population_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='population year')),
                        ('has_cdo', models.BooleanField(default=False, verbose_name='a chief data officer (or similar) is in place')),
                        ('cdo_name', models.CharField(blank=True, max_length=200, verbose_name="chief data officer's name")),
                        ('cdo_title', models.CharField(blank=True, max_length=200, verbose_name="chief data officer's title")),
                        ('cdo_email', models.EmailField(blank=True, max_length=254, verbose_name="chief data officer's e-mail")),
                        ('no_cdo_statement', models.TextField(blank=True, verbose_name='if there is none, tell us why')),
                        ('monthly_commitment_hours', models.DecimalField(blank=True, decimal_places=1, max_digits=5, null=True, verbose_name='monthly training commitment (hours)')),
                        ('mayor_name', models.CharField(blank=True, max_length=200, verbose_name="mayor's name")),
                        ('mayor_email', models.EmailField(blank=True, max_length=254, verbose_name="mayor's e-mail")),
                        ('mayor_commits_to_convening', models.BooleanField(default=False, verbose_name='the mayor will attend the in-person convening personally')),
                        ('team', models.JSONField(blank=True, default=list, verbose_name='proposed senior team')),
                        ('priorities', models.TextField(blank=True, verbose_name='top priorities for resident impact')),
                        ('data_foundations', models.TextField(blank=True, verbose_name='existing data foundations')),
                        ('letter', models.TextField(blank=True, max_length=200, verbose_name='letter of commitment (PDF)')),
                        ('eligible', models.BooleanField(default=False, editable=False, verbose_name='eligible')),
                        ('score_data_foundations', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='strong data foundations (1–5)')),
                        ('score_leadership', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='leadership commitment (1–5)')),
                        ('score_team', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='team completeness (1–5)')),
                        ('internal_notes', models.TextField(blank=True, verbose_name='internal notes (staff only)')),
                        ('created_at', models.DateTimeField(blank=True, editable=False)),
                        ('updated_at', models.DateTimeField(blank=True, editable=False)),
                        ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted at')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided at')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('applicant', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='applicant')),
                        ('city', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='cities.city', verbose_name='matched city')),
                        ('cohort', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='cohorts.cohort', verbose_name='cohort')),
                        ('decided_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical application',
                        'verbose_name_plural': 'historical applications',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                        'db_table': 'cities_historicalapplication',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Application',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('state', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('under_review', 'Under review'), ('accepted', 'Accepted'), ('waitlisted', 'Waitlisted'), ('declined', 'Declined'), ('withdrawn', 'Withdrawn')], default='draft', max_length=20, verbose_name='state')),
                        ('city_name', models.CharField(max_length=200, verbose_name='city name')),
                        ('country', django_countries.fields.CountryField(blank=True, max_length=2, verbose_name='country')),
                        ('country_as_written', models.CharField(blank=True, editable=False, help_text='Kept when the free-text country could not be matched to a country code.', max_length=100, verbose_name='country as first written')),
                        ('region', models.CharField(blank=True, max_length=100, verbose_name='region or state')),
                        ('time_zone', models.CharField(default='America/New_York', max_length=64, validators=[accounts.models.validate_time_zone], verbose_name='time zone')),
                        ('population', models.PositiveIntegerField(blank=True, null=True, verbose_name='population')),
                        ('population_source', models.CharField(blank=True, max_length=200, verbose_name='population source')),
                        ('population_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='population year')),
                        ('has_cdo', models.BooleanField(default=False, verbose_name='a chief data officer (or similar) is in place')),
                        ('cdo_name', models.CharField(blank=True, max_length=200, verbose_name="chief data officer's name")),
                        ('cdo_title', models.CharField(blank=True, max_length=200, verbose_name="chief data officer's title")),
                        ('cdo_email', models.EmailField(blank=True, max_length=254, verbose_name="chief data officer's e-mail")),
                        ('no_cdo_statement', models.TextField(blank=True, verbose_name='if there is none, tell us why')),
                        ('monthly_commitment_hours', models.DecimalField(blank=True, decimal_places=1, max_digits=5, null=True, verbose_name='monthly training commitment (hours)')),
                        ('mayor_name', models.CharField(blank=True, max_length=200, verbose_name="mayor's name")),
                        ('mayor_email', models.EmailField(blank=True, max_length=254, verbose_name="mayor's e-mail")),
                        ('mayor_commits_to_convening', models.BooleanField(default=False, verbose_name='the mayor will attend the in-person convening personally')),
                        ('team', models.JSONField(blank=True, default=list, verbose_name='proposed senior team')),
                        ('priorities', models.TextField(blank=True, verbose_name='top priorities for resident impact')),
                        ('data_foundations', models.TextField(blank=True, verbose_name='existing data foundations')),
                        ('letter', models.FileField(blank=True, max_length=200, upload_to=applications.models.letter_path, verbose_name='letter of commitment (PDF)')),
                        ('eligible', models.BooleanField(default=False, editable=False, verbose_name='eligible')),
                        ('score_data_foundations', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='strong data foundations (1–5)')),
                        ('score_leadership', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='leadership commitment (1–5)')),
                        ('score_team', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name='team completeness (1–5)')),
                        ('internal_notes', models.TextField(blank=True, verbose_name='internal notes (staff only)')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted at')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided at')),
                        ('applicant', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='applications', to=settings.AUTH_USER_MODEL, verbose_name='applicant')),
                        ('city', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='applications', to='cities.city', verbose_name='matched city')),
                        ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='cohorts.cohort', verbose_name='cohort')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                    ],
                    options={
                        'verbose_name': 'application',
                        'verbose_name_plural': 'applications',
                        'ordering': ['-created_at'],
                        'db_table': 'cities_application',
                        'constraints': [models.UniqueConstraint(fields=('cohort', 'applicant'), name='one_application_per_applicant_cohort')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
