"""The /apply/ portal: cohorts, the form with its checks, drafts, submission, the letter."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_scopes import scopes_disabled

from accounts.adapters import OPEN_SIGNUP_SESSION_KEY
from applications import lifecycle as domain
from applications.models import Application, ApplicationState
from tests import factories

pytestmark = pytest.mark.django_db
S = ApplicationState
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def form_data(**overrides):
    data = {
        "city_name": "Newtown", "country": "US", "region": "Ohio",
        "time_zone": "America/New_York", "population": "150000", "population_source": "Census",
        "population_year": "2023", "has_cdo": "on", "cdo_name": "Dee", "cdo_title": "CDO",
        "cdo_email": "dee@newtown.test", "monthly_commitment_hours": "5",
        "mayor_name": "May", "mayor_email": "may@newtown.test",
        "mayor_commits_to_convening": "on", "priorities": "Housing",
        "data_foundations": "Portal", "action": "save",
        "team_0_name": "A", "team_0_email": "a@newtown.test", "team_0_role": "city_manager",
        "team_1_name": "B", "team_1_email": "b@newtown.test", "team_1_role": "cdo",
        "team_2_name": "C", "team_2_email": "c@newtown.test", "team_2_role": "equity_lead",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def cohort():
    return factories.OpenCohortFactory(name="Spring cohort")


@pytest.fixture
def applicant_client(client):
    user = factories.UserFactory()
    client.force_login(user)
    client.user = user
    return client


def test_cohort_list_marks_open_and_closed(client, cohort):
    factories.CohortFactory(
        name="Old cohort", applications_open_at=timezone.now() - datetime.timedelta(days=90),
        applications_close_at=timezone.now() - datetime.timedelta(days=60))
    page = client.get("/apply/").content.decode()
    assert "Apply to Spring cohort" in page
    assert "Old cohort" in page and "Closed" in page
    assert f"/apply/{cohort.slug}/" in page


def test_newcomer_is_offered_sign_up_which_is_opened(client, cohort):
    assert b"Sign Up Closed" in client.get("/accounts/signup/").content
    response = client.get(f"/apply/{cohort.slug}/")
    assert response.status_code == 200
    assert "/accounts/signup/?next=" in response.content.decode()
    assert client.session[OPEN_SIGNUP_SESSION_KEY] is True
    signup = client.get("/accounts/signup/").content
    assert b"Sign Up Closed" not in signup and b'name="password1"' in signup


def test_save_an_ineligible_draft_shows_each_failed_rule(applicant_client, cohort):
    response = applicant_client.post(f"/apply/{cohort.slug}/",
                                     form_data(population="100000"))
    application = Application.objects.get(applicant=applicant_client.user)
    assert response.status_code == 302
    assert response["Location"] == f"/apply/applications/{application.pk}/"
    page = applicant_client.get(response["Location"]).content.decode()
    assert "The population must be more than 100,000; 100,000 is not." in page
    assert application.state == S.DRAFT and not application.eligible


def test_submit_is_refused_with_messages_at_the_fields(applicant_client, cohort):
    response = applicant_client.post(
        f"/apply/{cohort.slug}/",
        form_data(action="submit", monthly_commitment_hours="4.5", team_2_name="",
                  team_2_email="", team_2_role=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "at least 5 hours" in page and "you proposed 2" in page
    application = Application.objects.get(applicant=applicant_client.user)
    assert application.state == S.DRAFT  # the draft is kept


def test_fix_and_submit(applicant_client, cohort):
    applicant_client.post(f"/apply/{cohort.slug}/", form_data(population="100000"))
    application = Application.objects.get(applicant=applicant_client.user)
    response = applicant_client.post(application.get_absolute_url(),
                                     form_data(population="100001", action="submit"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == S.SUBMITTED
    page = applicant_client.get(application.get_absolute_url()).content.decode()
    assert "Submitted" in page and "Withdraw" in page


def test_team_of_five_is_refused(applicant_client, cohort):
    extra = {"team_3_name": "D", "team_3_email": "d@newtown.test", "team_3_role": "policy_lead",
             "team_4_name": "E", "team_4_email": "e@newtown.test", "team_4_role": "other"}
    response = applicant_client.post(f"/apply/{cohort.slug}/",
                                     form_data(action="submit", **extra))
    assert response.status_code == 400
    assert "you proposed 5" in response.content.decode()


def test_a_half_filled_team_row_does_not_block_a_draft(applicant_client, cohort):
    response = applicant_client.post(f"/apply/{cohort.slug}/",
                                     form_data(team_2_email="", team_2_role=""))
    assert response.status_code == 302
    application = Application.objects.get(applicant=applicant_client.user)
    assert application.state == S.DRAFT
    assert application.team[2] == {"name": "C", "email": "", "role": ""}
    page = applicant_client.get(application.get_absolute_url()).content.decode()
    assert 'name="team_2_name" value="C"' in page  # the half row comes back to be finished


def test_submitting_a_half_filled_team_row_is_refused_at_the_row(applicant_client, cohort):
    response = applicant_client.post(
        f"/apply/{cohort.slug}/", form_data(action="submit", team_2_email="", team_2_role=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give this team member&#x27;s name, e-mail and role, or leave the row empty." in page
    assert "Team member 3 has no e-mail and role" in page
    application = Application.objects.get(applicant=applicant_client.user)
    assert application.state == S.DRAFT  # saved as a draft, not submitted


def test_withdrawing_asks_for_confirmation_first(applicant_client, cohort):
    application = factories.ApplicationFactory(cohort=cohort, applicant=applicant_client.user)
    domain.submit_application(application=application, by=applicant_client.user)
    detail = applicant_client.get(application.get_absolute_url()).content.decode()
    url = f"/apply/applications/{application.pk}/withdraw/"
    assert f'<a href="{url}"' in detail  # a link to the question, not a button that withdraws
    confirm = applicant_client.get(url)
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "Withdraw your application?" in page
    assert f'<form method="post" action="{url}">' in page
    assert f'href="{application.get_absolute_url()}"' in page  # "No, keep my application"
    application.refresh_from_db()
    assert application.state == S.SUBMITTED  # asking changed nothing
    applicant_client.post(url)
    application.refresh_from_db()
    assert application.state == S.WITHDRAWN


def test_a_decided_application_offers_no_withdrawal(applicant_client, cohort):
    application = factories.ApplicationFactory(cohort=cohort, applicant=applicant_client.user,
                                               state=S.DECLINED)
    response = applicant_client.get(f"/apply/applications/{application.pk}/withdraw/")
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()


def test_another_applicants_application_is_404(client, cohort):
    application = factories.ApplicationFactory(cohort=cohort)
    client.force_login(factories.UserFactory())
    assert client.get(application.get_absolute_url()).status_code == 404
    assert client.post(f"/apply/applications/{application.pk}/withdraw/").status_code == 404


def test_closed_cohort_cannot_be_applied_to(applicant_client):
    cohort = factories.CohortFactory(
        applications_open_at=timezone.now() - datetime.timedelta(days=9),
        applications_close_at=timezone.now() - datetime.timedelta(days=1))
    response = applicant_client.post(f"/apply/{cohort.slug}/", form_data())
    assert response.status_code == 302
    assert not Application.objects.exists()


# --- the letter of commitment ----------------------------------------------------------------

def test_pdf_letter_is_stored_and_served_to_applicant_and_staff(applicant_client, cohort, client):
    letter = SimpleUploadedFile("letter.pdf", PDF, content_type="application/pdf")
    applicant_client.post(f"/apply/{cohort.slug}/", form_data(letter=letter))
    application = Application.objects.get(applicant=applicant_client.user)
    assert application.letter.name.endswith(".pdf")
    url = f"/apply/applications/{application.pk}/letter/"
    response = applicant_client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    from django.test import Client

    staff = Client()
    staff.force_login(factories.UserFactory(is_staff=True))
    assert staff.get(url).status_code == 200
    other = Client()
    other.force_login(factories.UserFactory())
    assert other.get(url).status_code == 404


def test_a_renamed_non_pdf_is_refused(applicant_client, cohort):
    letter = SimpleUploadedFile("letter.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    response = applicant_client.post(f"/apply/{cohort.slug}/", form_data(letter=letter))
    assert response.status_code == 400
    assert "must be a PDF" in response.content.decode()
    assert not Application.objects.exists()


def test_a_too_large_letter_is_refused(applicant_client, cohort):
    big = PDF + b"0" * (5 * 1024 * 1024)
    letter = SimpleUploadedFile("letter.pdf", big, content_type="application/pdf")
    response = applicant_client.post(f"/apply/{cohort.slug}/", form_data(letter=letter))
    assert response.status_code == 400
    assert "5 MB" in response.content.decode()
    assert not Application.objects.exists()


# --- query counts --------------------------------------------------------------------------

def _cohorts(n):
    for _ in range(n):
        cohort = factories.OpenCohortFactory()
        with scopes_disabled():
            factories.EnrollmentFactory(cohort=cohort)


@pytest.mark.parametrize("size", [2, 12])
def test_apply_list_queries_do_not_grow(applicant_client, django_assert_num_queries, size):
    _cohorts(size)
    factories.ApplicationFactory(applicant=applicant_client.user,
                                 cohort=factories.OpenCohortFactory())
    # session, user, savepoint ×2, own applications, cohorts, and the header's coach
    # check, city list and unread-notification count
    with django_assert_num_queries(9):
        response = applicant_client.get("/apply/")
    assert response.status_code == 200
    assert response.content.decode().count("cohort-card") == size + 1


@pytest.mark.parametrize("size", [2, 12])
def test_admin_changelist_queries_do_not_grow(client, django_assert_num_queries, size):
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    cohort = factories.OpenCohortFactory()
    for _ in range(size):
        factories.ApplicationFactory(cohort=cohort)
    # 8: an unfiltered list is counted once (common/admin_lists.py)
    with django_assert_num_queries(8):
        response = client.get("/admin/cities/application/")
    assert response.status_code == 200
    assert response.content.decode().count('name="_selected_action"') == size


def test_withdraw_from_the_portal(applicant_client, cohort):
    application = factories.ApplicationFactory(cohort=cohort, applicant=applicant_client.user)
    domain.submit_application(application=application, by=applicant_client.user)
    response = applicant_client.post(f"/apply/applications/{application.pk}/withdraw/")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == S.WITHDRAWN
