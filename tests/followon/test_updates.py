"""Quarterly updates: one row per quarter, edits kept in history, the strategy's current
status follows the latest quarter, bad input changes nothing; reminders once a quarter."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django_scopes import scope, scopes_disabled

from followon import updates
from followon.models import InitiativeUpdate, MetricUpdate
from followon.phase import start_follow_on
from followon.reminders import due_moment
from followon.updates import record_quarter
from notifications.models import Notification, ReminderKind, ReminderRule
from notifications.reminders import run_reminder_sweep
from strategy.models import Initiative, Metric

D = datetime.date


@pytest.fixture
def phase(alumni):
    with scopes_disabled():
        return start_follow_on(enrollment=alumni.enrollment)


def test_history_is_kept_across_quarters_and_edits(alumni, phase):
    one, _two = alumni.initiatives
    metric = alumni.metric
    with scope(city=alumni.city):
        record_quarter(follow_on=phase, quarter=1, today=D(2026, 5, 1), by=alumni.cdo,
                       initiatives={one.pk: {"status": "in_progress", "note": "Started"}},
                       metrics={metric.pk: {"actual": "12"}})
        record_quarter(follow_on=phase, quarter=2, today=D(2026, 7, 1), by=alumni.cdo,
                       initiatives={one.pk: {"status": "done", "note": "Shipped",
                                             "evidence_link": "https://example.org/x"}},
                       metrics={metric.pk: {"actual": "30"}})
        # an edit of quarter 1 after the fact
        record_quarter(follow_on=phase, quarter=1, today=D(2026, 7, 2), by=alumni.cdo,
                       initiatives={one.pk: {"status": "delayed", "note": "Corrected"}})
        rows = list(InitiativeUpdate.objects.filter(initiative=one).order_by("quarter"))
        assert [(r.quarter, r.status, r.note) for r in rows] == [
            (1, "delayed", "Corrected"), (2, "done", "Shipped")]
        assert [h.status for h in rows[0].history.order_by("history_date")] == [
            "in_progress", "delayed"]
        assert list(MetricUpdate.objects.filter(metric=metric).order_by("quarter")
                    .values_list("actual", flat=True)) == ["12", "30"]
        # the strategy's current status and actual follow the latest quarter (2), not the edit
        assert Initiative.objects.get(pk=one.pk).status == "done"
        assert Metric.objects.get(pk=metric.pk).actual_year_1 == "30"
        assert Initiative.objects.get(pk=one.pk).history.count() >= 2


def test_an_unchanged_row_writes_no_history(alumni, phase):
    one = alumni.initiatives[0]
    with scope(city=alumni.city):
        for _ in range(2):
            record_quarter(follow_on=phase, quarter=1, today=D(2026, 5, 1), by=alumni.cdo,
                           initiatives={one.pk: {"status": "planned", "note": "Same"}})
        assert InitiativeUpdate.objects.get().history.count() == 1


@pytest.mark.parametrize(("quarter", "today", "initiative", "metric", "field"), [
    (2, D(2026, 4, 30), {"status": "done"}, {}, "quarter"),  # quarter 2 has not begun
    (1, D(2026, 5, 1), {"status": "finished"}, {}, "status_{i}"),
    (1, D(2026, 5, 1), {"status": "done", "evidence_link": "javascript:alert(1)"}, {},
     "link_{i}"),
    (1, D(2026, 5, 1), {"note": "no status"}, {}, "status_{i}"),
    (1, D(2026, 5, 1), {"status": "done"}, {"actual": "", "note": "no value"}, "actual_{m}"),
    (1, D(2026, 5, 1), {"status": "done"}, {"actual": "9" * 101}, "actual_{m}"),
])
def test_bad_input_says_where_and_saves_nothing(alumni, phase, quarter, today, initiative,
                                                metric, field):
    one = alumni.initiatives[0]
    with scope(city=alumni.city), pytest.raises(ValidationError) as error:
        record_quarter(follow_on=phase, quarter=quarter, today=today, by=alumni.cdo,
                       initiatives={one.pk: initiative},
                       metrics={alumni.metric.pk: metric} if metric else {})
    assert field.format(i=one.pk, m=alumni.metric.pk) in error.value.message_dict
    with scopes_disabled():
        assert not InitiativeUpdate.objects.exists() and not MetricUpdate.objects.exists()
        assert Initiative.objects.get(pk=one.pk).status == "planned"


def test_an_evidence_file_is_checked_by_its_content(alumni, phase,
                                                   django_capture_on_commit_callbacks):
    one = alumni.initiatives[0]
    fake = SimpleUploadedFile("report.pdf", b"not a pdf at all", content_type="application/pdf")
    with scope(city=alumni.city):
        with pytest.raises(ValidationError) as error:
            record_quarter(follow_on=phase, quarter=1, today=D(2026, 5, 1), by=alumni.cdo,
                           initiatives={one.pk: {"status": "done", "evidence_file": fake}})
        assert f"file_{one.pk}" in error.value.message_dict
        pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.7 report", content_type="application/pdf")
        with django_capture_on_commit_callbacks(execute=True):  # the file is written on commit
            record_quarter(follow_on=phase, quarter=1, today=D(2026, 5, 1), by=alumni.cdo,
                           initiatives={one.pk: {"status": "done", "evidence_file": pdf}})
        update = InitiativeUpdate.objects.get()
        assert update.evidence_name == "report.pdf" and update.evidence_file.read() == (
            b"%PDF-1.7 report")


def test_the_team_is_reminded_once_per_quarter_and_not_when_it_is_recorded(alumni, phase):
    rule = ReminderRule.objects.get(kind=ReminderKind.FOLLOW_ON_UPDATE_DUE)
    quarter_1_due = due_moment(type("Q", (), {"due_on": D(2026, 5, 14)}), alumni.city)
    moment = quarter_1_due - rule.offset + datetime.timedelta(hours=1)
    run_reminder_sweep(now=moment)
    run_reminder_sweep(now=moment + datetime.timedelta(hours=2))
    with scopes_disabled():
        told = Notification.objects.filter(record__event="followon.update_due")
        assert sorted(n.recipient for n in told) == [alumni.cdo]  # the senior team, not the mayor
    # quarter 2 is recorded before its reminder: nobody is told
    with scope(city=alumni.city):
        record_quarter(follow_on=phase, quarter=2, today=D(2026, 7, 1), by=alumni.cdo,
                       initiatives={i.pk: {"status": "planned"} for i in alumni.initiatives},
                       metrics={alumni.metric.pk: {"actual": "1"}})
    quarter_2_due = due_moment(type("Q", (), {"due_on": D(2026, 8, 14)}), alumni.city)
    run_reminder_sweep(now=quarter_2_due - rule.offset + datetime.timedelta(hours=1))
    with scopes_disabled():
        assert Notification.objects.filter(record__event="followon.update_due").count() == 1


def _stored_files(root):
    return sorted(path for path in root.rglob("*") if path.is_file())


def test_a_failed_save_of_several_rows_leaves_no_evidence_file(
        alumni, phase, settings, monkeypatch, django_capture_on_commit_callbacks):
    """Both initiatives' files pass their checks; then the metric's row fails at the
    database (another request recorded it meanwhile): nothing is saved, and no file is left
    in storage. The same save without the failure stores both files."""
    one, two = alumni.initiatives

    def evidence():
        return {pk: {"status": "done", "evidence_file": SimpleUploadedFile(
            f"report-{pk}.pdf", b"%PDF-1.7 report", content_type="application/pdf")}
            for pk in (one.pk, two.pk)}

    def raced(*args, **kwargs):
        raise IntegrityError("UNIQUE constraint failed: followon_metricupdate")

    media = settings.MEDIA_ROOT
    with scope(city=alumni.city):
        with monkeypatch.context() as patched:
            patched.setattr(updates, "_save_metrics", raced)
            with django_capture_on_commit_callbacks(execute=True), \
                    pytest.raises(IntegrityError):
                record_quarter(follow_on=phase, quarter=1, today=D(2026, 5, 1),
                               by=alumni.cdo, initiatives=evidence(),
                               metrics={alumni.metric.pk: {"actual": "12"}})
        assert not InitiativeUpdate.objects.exists()
        assert _stored_files(media) == []
        with django_capture_on_commit_callbacks(execute=True):
            record_quarter(follow_on=phase, quarter=1, today=D(2026, 5, 1), by=alumni.cdo,
                           initiatives=evidence(), metrics={alumni.metric.pk: {"actual": "12"}})
        stored = {update.evidence_file.path for update in InitiativeUpdate.objects.all()}
    assert len(stored) == 2 and {str(path) for path in _stored_files(media)} == stored
