import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from cohorts.models import Cohort
from dashboards.models import CohortReport
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    call_command("seed_demo", stdout=io.StringIO())
    client.force_login(factories.UserFactory(is_staff=True))
    return client


def test_the_report_is_rendered_by_the_task_and_reads_back(staff_client,
                                                          django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = staff_client.get("/staff/cohorts/demo-cohort/report/")
    assert page.status_code == 200
    report = CohortReport.objects.get(cohort__slug="demo-cohort")
    assert report.status == "ready", report.error
    download = staff_client.get("/staff/cohorts/demo-cohort/report/?download=1")
    assert download["Content-Type"] == "application/pdf"
    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(b"".join(download.streaming_content))).pages
    )
    cohort = Cohort.objects.get(slug="demo-cohort")
    for expected in (cohort.name, "Riverton", "Lakeside", "How each colour is decided"):
        assert expected in text.replace("\n", " ")


def test_an_unchanged_cohort_is_not_rendered_twice(staff_client,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.get("/staff/cohorts/demo-cohort/report/")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        staff_client.get("/staff/cohorts/demo-cohort/report/")
    assert callbacks == []
    assert CohortReport.objects.filter(cohort__slug="demo-cohort").count() == 1
    assert CohortReport.objects.get().attempts == 1
