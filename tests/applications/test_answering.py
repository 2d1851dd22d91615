"""Applicants answer a cohort's own questions: in the form (in their language, drafts kept,
required at submission, files), through the API, and staff read the answers and export them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_scopes import scopes_disabled
from rest_framework.test import APIClient

from applications.answers import clean_answer, record_answers
from applications.models import Application, ApplicationState
from applications.question_models import Answer
from applications.questions import edit_question
from stewardship.archive import collect_city_data
from tests import factories
from tests.applications.question_world import add_every_kind, words
from tests.applications.test_apply_portal import form_data

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def asked():
    cohort = factories.OpenCohortFactory(name="Spring cohort")
    return cohort, add_every_kind(cohort)


@pytest.fixture
def applicant(client):
    user = factories.UserFactory(language="es")
    client.force_login(user)
    client.user = user
    return client


def answers_data(q, **overrides):
    data = {f"q_{q['short_text'].pk}": "Oficina de datos",
            f"q_{q['long_text'].pk}": "uno dos tres",
            f"q_{q['number'].pk}": "4", f"q_{q['yes_no'].pk}": "yes",
            f"q_{q['single_choice'].pk}": "2",
            f"q_{q['multiple_choice'].pk}": ["1", "3"],
            f"q_{q['date'].pk}": "2026-09-01",
            f"q_{q['link'].pk}": "https://datos.example.org"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_applicant_in_spanish_sees_the_spanish_wording_in_sections(applicant, asked):
    cohort, q = asked
    page = applicant.get(f"/apply/{cohort.slug}/", HTTP_ACCEPT_LANGUAGE="es")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Sobre su ciudad" in text and "Planes" in text
    assert "Department (es)" in text and "Housing (es)" in text
    assert "Como máximo 5 palabras" in text or "5" in text
    assert text.index("Sobre su ciudad") > text.index('name="priorities"')


def test_a_draft_keeps_its_answers_and_bad_answers_change_nothing(applicant, asked):
    cohort, q = asked
    bad = applicant.post(f"/apply/{cohort.slug}/", form_data(**answers_data(
        q, **{f"q_{q['number'].pk}": "500", f"q_{q['link'].pk}": "javascript:alert(1)"})))
    assert bad.status_code == 400
    assert not Application.objects.exists() and not Answer.objects.exists()
    errors = bad.context["form"].errors
    assert set(errors) == {f"q_{q['number'].pk}", f"q_{q['link'].pk}"}

    done = applicant.post(f"/apply/{cohort.slug}/", form_data(**answers_data(q)))
    assert done.status_code == 302
    application = Application.objects.get()
    stored = {a.question.kind: a.value for a in application.answers.select_related("question")}
    assert stored == {"short_text": "Oficina de datos", "long_text": "uno dos tres",
                      "number": 4, "yes_no": True, "single_choice": "2",
                      "multiple_choice": ["1", "3"], "date": "2026-09-01",
                      "link": "https://datos.example.org"}
    page = applicant.get(application.get_absolute_url()).content.decode()
    assert 'value="Oficina de datos"' in page


def test_a_required_answer_is_asked_for_at_submission_at_its_field(applicant, asked):
    cohort, q = asked
    data = form_data(action="submit", **answers_data(q, **{f"q_{q['short_text'].pk}": ""}))
    response = applicant.post(f"/apply/{cohort.slug}/", data)
    assert response.status_code == 400
    application = Application.objects.get()
    assert application.state == ApplicationState.DRAFT  # the draft is kept
    assert f"q_{q['short_text'].pk}" in response.context["form"].errors
    assert application.answers.count() == 7
    data[f"q_{q['short_text'].pk}"] = "Oficina"
    assert applicant.post(application.get_absolute_url(), data).status_code == 302
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED


def test_a_file_answer_is_stored_and_served_only_to_the_applicant_and_staff(
        applicant, asked, django_capture_on_commit_callbacks):
    cohort, q = asked
    name = f"q_{q['file'].pk}"
    fake = applicant.post(f"/apply/{cohort.slug}/", form_data(**answers_data(
        q, **{name: SimpleUploadedFile("chart.pdf", b"MZ not a pdf")})))
    assert fake.status_code == 400 and name in fake.context["form"].errors
    assert not Application.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):  # stored when the request commits
        applicant.post(f"/apply/{cohort.slug}/", form_data(**answers_data(
            q, **{name: SimpleUploadedFile("chart.pdf", PDF)})))
    application = Application.objects.get()
    url = f"/apply/applications/{application.pk}/answers/{q['file'].pk}/"
    served = applicant.get(url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == PDF
    assert served["Content-Type"] == "application/pdf"
    other = Client()
    other.force_login(factories.UserFactory())
    assert other.get(url).status_code == 404
    other.force_login(factories.UserFactory(is_staff=True))
    assert other.get(url).status_code == 200
    # Saving the draft again without a file keeps the file; the box removes it.
    applicant.post(application.get_absolute_url(), form_data(**answers_data(q)))
    assert Answer.objects.get(question=q["file"]).file_name == "chart.pdf"
    applicant.post(application.get_absolute_url(),
                   form_data(**answers_data(q), **{f"{name}_clear": "on"}))
    assert not Answer.objects.filter(question=q["file"]).exists()


def test_a_hidden_question_is_not_asked_but_its_answer_is_still_shown(applicant, asked):
    cohort, q = asked
    applicant.post(f"/apply/{cohort.slug}/", form_data(**answers_data(q)))
    application = Application.objects.get()
    q["link"].hidden = True
    q["link"].save()
    form = applicant.get(application.get_absolute_url()).content.decode()
    assert f'name="q_{q["link"].pk}"' not in form
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    applicant.force_login(staff)
    change = applicant.get(f"/admin/cities/application/{application.pk}/change/")
    assert "https://datos.example.org" in change.content.decode()


def test_staff_read_answers_with_the_wording_answered_and_export_them(client, asked):
    cohort, q = asked
    application = factories.ApplicationFactory(cohort=cohort)
    record_answers(application=application, answers={q["single_choice"]: "3"})
    question = q["single_choice"]
    edit_question(question=question, kind=question.kind, rules={"required": False},
                  wording={"label": words("Priority"), "choices": question.current.choices})
    application.state = ApplicationState.SUBMITTED
    application.save()
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Focus" in page and "Health" in page and "Priority" not in page
    csv = client.get("/admin/cities/application/?export=csv").content.decode()
    assert "Priority" in csv.splitlines()[0] and "Health" in csv.splitlines()[1]


def api(user=None):
    client = APIClient()
    if user:
        client.force_authenticate(user)
    return client


def test_the_questions_of_an_open_cohort_are_public_in_the_readers_language(asked):
    cohort, q = asked
    body = api().get(f"/api/v1/cohorts/{cohort.slug}/questions/",
                     HTTP_ACCEPT_LANGUAGE="pt-br").json()
    assert [item["id"] for item in body] == [question.pk for question in q.values()]
    first = body[4]
    assert first["label"] == "Focus (pt)" and first["section"] == "Planos"
    assert first["choices"][0] == {"value": "1", "label": "Housing (pt)"}
    closed = factories.CohortFactory()
    assert api().get(f"/api/v1/cohorts/{closed.slug}/questions/").status_code == 404


def test_answers_are_written_and_read_through_the_application_api(asked):
    cohort, q = asked
    application = factories.ApplicationFactory(cohort=cohort)
    client = api(application.applicant)
    url = f"/api/v1/applications/{application.pk}/"
    bad = client.patch(url, {"population": 300_000, "answers": [
        {"question": q["number"].pk, "value": 99},
        {"question": q["file"].pk, "value": "x"}, {"question": 999_999, "value": "x"}]},
        format="json")
    assert bad.status_code == 400
    assert set(bad.json()["answers"]) == {str(q["number"].pk), str(q["file"].pk), "999999"}
    application.refresh_from_db()
    assert application.population == 150_000 and not application.answers.exists()
    good = client.patch(url, {"answers": [{"question": q["number"].pk, "value": 3},
                                          {"question": q["yes_no"].pk, "value": False}]},
                        format="json")
    assert good.status_code == 200, good.json()
    answers = {a["question"]: a for a in good.json()["answers"]}
    assert answers[q["number"].pk]["value"] == 3
    assert answers[q["yes_no"].pk] | {"value": False} == answers[q["yes_no"].pk]
    assert answers[q["number"].pk]["label"] == "Analysts"
    removed = client.patch(url, {"answers": [{"question": q["number"].pk, "value": None}]},
                           format="json")
    assert removed.status_code == 200, removed.json()
    assert q["number"].pk not in {a["question"] for a in removed.json()["answers"]}
    assert api(factories.UserFactory()).get(url).status_code == 404
    submit = client.post(f"{url}submit/")
    assert submit.status_code == 400 and f"q_{q['short_text'].pk}" in submit.json()


def test_a_citys_data_export_holds_its_applications_answers_and_their_files(
        asked, django_capture_on_commit_callbacks):
    cohort, q = asked
    with scopes_disabled():
        city = factories.CityFactory()
    application = factories.ApplicationFactory(cohort=cohort, city=city)
    with django_capture_on_commit_callbacks(execute=True):  # the file is stored on commit
        record_answers(application=application, answers={
            q["number"]: 4, q["file"]: clean_answer(
                question=q["file"], value=SimpleUploadedFile("chart.pdf", PDF))})
    with scopes_disabled():
        contents = collect_city_data(city=city)
    [document] = contents.documents["applications"]
    answers = {a["question"]: a for a in document["answers"]}
    assert answers["Analysts"]["answer"] == "4" and answers["Analysts"]["version"] == 1
    path = answers["Org chart"]["file"]
    assert path.endswith(".pdf") and path in {f.path for f in contents.files}
