"""Sessions, RSVPs, attendance and the hours ledger move from cohorts/ to schedule/.

State only: the tables stay ``cohorts_*`` here (the rows are not touched); 0002 renames them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import accounts.models
import schedule.models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cities', '0001_initial'),
        ('cohorts', '0006_enrollment_withdrawal'),
        ('curriculum', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Session',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('convening', 'Convening'), ('keynote', 'Keynote'), ('workshop', 'Workshop'), ('coaching', 'Coaching session'), ('showcase', 'Showcase'), ('office_hours', 'Office hours')], max_length=20, verbose_name='kind')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('starts_at', models.DateTimeField(verbose_name='starts at')),
                        ('ends_at', models.DateTimeField(verbose_name='ends at')),
                        ('time_zone', models.CharField(default='America/New_York', help_text='The time zone the session is planned in.', max_length=64, validators=[accounts.models.validate_time_zone], verbose_name='time zone')),
                        ('location', models.CharField(blank=True, max_length=300, verbose_name='place')),
                        ('video_url', models.URLField(blank=True, verbose_name='video link')),
                        ('audience', models.CharField(choices=[('mayors', 'Mayors only'), ('senior_teams', 'Senior teams'), ('everyone', 'Everyone'), ('city', 'One city')], default='everyone', max_length=20, verbose_name='audience')),
                        ('capacity', models.PositiveIntegerField(blank=True, null=True, verbose_name='capacity')),
                        ('is_cancelled', models.BooleanField(default=False, verbose_name='cancelled')),
                        ('sequence', models.PositiveIntegerField(default=0, editable=False)),
                        ('uid', models.CharField(default=schedule.models._new_uid, editable=False, max_length=120, unique=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('city', models.ForeignKey(blank=True, help_text='Only for sessions whose audience is one city.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='own_sessions', to='cities.city', verbose_name='city')),
                        ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sessions', to='cohorts.cohort', verbose_name='cohort')),
                        ('host', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='hosted_sessions', to=settings.AUTH_USER_MODEL, verbose_name='host')),
                        ('module', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='sessions', to='curriculum.module', verbose_name='module')),
                    ],
                    options={
                        'verbose_name': 'session',
                        'verbose_name_plural': 'sessions',
                        'ordering': ['starts_at', 'pk'],
                        'db_table': 'cohorts_session',
                        'indexes': [models.Index(fields=['cohort', 'starts_at'], name='cohorts_ses_cohort__0a33f3_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='Rsvp',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('answer', models.CharField(choices=[('yes', 'Yes, I will attend'), ('maybe', 'Maybe'), ('no', 'No, I cannot attend')], max_length=10, verbose_name='answer')),
                        ('answered_at', models.DateTimeField(auto_now=True)),
                        ('city', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cities.city')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rsvps', to=settings.AUTH_USER_MODEL)),
                        ('session', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rsvps', to='schedule.session')),
                    ],
                    options={
                        'verbose_name': 'RSVP',
                        'verbose_name_plural': 'RSVPs',
                        'db_table': 'cohorts_rsvp',
                        'constraints': [models.UniqueConstraint(fields=('session', 'user'), name='one_rsvp_per_person')],
                    },
                ),
                migrations.CreateModel(
                    name='Attendance',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('marked_at', models.DateTimeField(auto_now=True)),
                        ('city', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cities.city')),
                        ('marked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendances', to=settings.AUTH_USER_MODEL)),
                        ('session', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attendances', to='schedule.session')),
                    ],
                    options={
                        'verbose_name': 'attendance',
                        'verbose_name_plural': 'attendances',
                        'db_table': 'cohorts_attendance',
                        'constraints': [models.UniqueConstraint(fields=('session', 'user'), name='one_attendance_per_person')],
                    },
                ),
                migrations.CreateModel(
                    name='HoursEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('hours', models.DecimalField(decimal_places=2, max_digits=5, verbose_name='hours')),
                        ('on_date', models.DateField(verbose_name='date')),
                        ('source', models.CharField(choices=[('session', 'Session attended'), ('checkin', 'Coaching check-in'), ('self', 'Self-logged learning')], max_length=20, verbose_name='source')),
                        ('source_key', models.CharField(max_length=120)),
                        ('note', models.CharField(blank=True, max_length=500, verbose_name='note')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('city', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cities.city')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='hours_entries', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'training hours',
                        'verbose_name_plural': 'training hours',
                        'ordering': ['-on_date', '-pk'],
                        'db_table': 'cohorts_hoursentry',
                        'indexes': [models.Index(fields=['city', 'on_date'], name='cohorts_hou_city_id_534f94_idx')],
                        'constraints': [models.UniqueConstraint(fields=('source_key', 'user'), name='one_credit_per_source')],
                    },
                ),
            ],
        ),
    ]
