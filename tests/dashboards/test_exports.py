import csv
import io

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled
from openpyxl import load_workbook

from applications.models import Application
from coaching.models import ActionItem
from schedule.models import Attendance, HoursEntry
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    call_command("seed_demo", stdout=io.StringIO())
    client.force_login(factories.UserFactory(is_staff=True))
    return client


def _csv(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_hours_ledger_export_has_every_entry_of_the_filtered_city(staff_client):
    rows = _csv(staff_client, "/staff/cohorts/demo-cohort/export/hours.csv?city=lakeside")
    with scopes_disabled():
        expected = HoursEntry.objects.filter(city__slug="lakeside").count()
    assert len(rows) - 1 == expected
    assert {r[0] for r in rows[1:]} == {"Lakeside"}


def test_attendance_export_marks_each_attended_place(staff_client):
    rows = _csv(staff_client, "/staff/cohorts/demo-cohort/export/attendance.csv")
    attended = sum(1 for r in rows[1:] if r[-1] == "yes")
    with scopes_disabled():
        assert attended == Attendance.objects.filter(session__cohort__slug="demo-cohort").count()


def test_action_items_export_filters_by_status_as_xlsx(staff_client):
    response = staff_client.get(
        "/staff/cohorts/demo-cohort/export/action-items.xlsx?status=open"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    with scopes_disabled():
        assert len(rows) == ActionItem.objects.filter(status="open").count()


def test_applications_export_leaves_internal_notes_out(staff_client):
    with scopes_disabled():
        application = Application.objects.filter(cohort__slug="demo-cohort").first() or (
            Application.objects.first()
        )
        application.internal_notes = "SECRET-REVIEW-NOTE"
        application.save()
        slug = application.cohort.slug
    body = staff_client.get(f"/staff/cohorts/{slug}/export/applications.csv").content
    assert b"SECRET-REVIEW-NOTE" not in body
    assert application.city_name.encode() in body


def test_unknown_export_is_404(staff_client):
    assert staff_client.get("/staff/cohorts/demo-cohort/export/secrets.csv").status_code == 404
    assert staff_client.get("/staff/cohorts/demo-cohort/export/hours.exe").status_code == 404
