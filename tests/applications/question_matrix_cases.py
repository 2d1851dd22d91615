"""Matrix cases of a cohort's own questions (imported by ``tests/applications/matrix.py``):
staff pages (403 for everyone signed in but staff), the file of an answer (the applicant
and staff only), the public questions of an open cohort."""

from django.core.files.base import ContentFile

from applications.answers import record_answers
from applications.question_models import Answer
from applications.questions import add_question, add_section
from tests import factories
from tests.tenancy import Case, expect_everyone, expect_signed_in

PDF = b"%PDF-1.4\n%%EOF\n"


def _question(world, cohort=None):
    """A section with a required short question and a file question on ``cohort``."""
    key = f"questions:{(cohort or world.cohort).pk}"
    if key not in world.extra:
        section = add_section(cohort=cohort or world.cohort, title={"en": "Matrix"})
        world.extra[key] = [
            add_question(section=section, kind=kind, rules={"required": True, **rules},
                         wording={"label": {"en": label}})
            for kind, label, rules in (
                ("short_text", "Department", {}),
                ("file", "Org chart", {"file_types": ["pdf"], "max_file_mb": 1}))]
    return world.extra[key]


def _answered(world):
    """The outsider's application, with an answer and a file answer."""
    if "answered" not in world.extra:
        cohort = factories.OpenCohortFactory(slug="asking-cohort")
        short, document = _question(world, cohort)
        application = factories.ApplicationFactory(cohort=cohort,
                                                   applicant=world.users["outsider"])
        record_answers(application=application, answers={short: "Data office"})
        answer = Answer(application=application, question=document,
                        version=document.current, value="chart.pdf", file_type="pdf",
                        file_name="chart.pdf")
        answer.file.save("chart.pdf", ContentFile(PDF))
        world.extra["answered"] = application, short, document
    return world.extra["answered"]


def _staff(suffix):
    return lambda w: f"/staff/cohorts/{w.cohort.slug}/questions/{suffix}"


def _question_url(w):
    return _staff(f"{_question(w)[0].pk}/")(w)


def _section_url(w):
    return _staff(f"sections/{_question(w)[0].section_id}/")(w)


def _file_url(w):
    application, _short, document = _answered(w)
    return f"/apply/applications/{application.pk}/answers/{document.pk}/"


STAFF_ONLY = expect_signed_in(403, staff=200)
STAFF_WRITES = expect_signed_in(403, staff=302)
QUESTION = {"kind": "short_text", "label_en": "Budget office", "required": "on"}

CASES = [
    Case("staff/cohorts/<slug:slug>/questions/", _staff(""), STAFF_ONLY, setup=_question),
    Case("staff/cohorts/<slug:slug>/questions/", _staff(""), STAFF_WRITES, setup=_question,
         method="post", data=lambda w: {"action": "down", "item": _question(w)[0].pk}),
    Case("staff/cohorts/<slug:slug>/questions/add/", _staff("add/"), STAFF_ONLY,
         setup=_question),
    Case("staff/cohorts/<slug:slug>/questions/add/", _staff("add/"), STAFF_WRITES,
         setup=_question, method="post",
         data=lambda w: QUESTION | {"section": _question(w)[0].section_id}),
    Case("staff/cohorts/<slug:slug>/questions/<int:question_id>/", _question_url, STAFF_ONLY,
         setup=_question),
    Case("staff/cohorts/<slug:slug>/questions/<int:question_id>/", _question_url,
         STAFF_WRITES, setup=_question, method="post",
         data=lambda w: QUESTION | {"section": _question(w)[0].section_id}),
    Case("staff/cohorts/<slug:slug>/questions/sections/add/", _staff("sections/add/"),
         STAFF_ONLY),
    Case("staff/cohorts/<slug:slug>/questions/sections/add/", _staff("sections/add/"),
         STAFF_WRITES, method="post", data={"title_en": "Budget", "title_es": "Presupuesto"}),
    Case("staff/cohorts/<slug:slug>/questions/sections/<int:section_id>/", _section_url,
         STAFF_ONLY, setup=_question),
    Case("staff/cohorts/<slug:slug>/questions/sections/<int:section_id>/", _section_url,
         STAFF_WRITES, setup=_question, method="post", data={"title_pt_br": "Orçamento"}),
    Case("staff/cohorts/<slug:slug>/questions/preview/", _staff("preview/?language=es"),
         STAFF_ONLY, setup=_question),
    Case("apply/applications/<int:pk>/answers/<int:question_id>/", _file_url,
         expect_everyone(404, anonymous="login", outsider=200, staff=200, reviewer=404,
                         other_reviewer=404), setup=_answered),
    Case("api/v1/^cohorts/(?P<slug>[-a-zA-Z0-9_]+)/questions/$",
         lambda w: f"/api/v1/cohorts/{_answered(w)[0].cohort.slug}/questions/",
         expect_everyone(200), api=True, setup=_answered),
    Case("api/v1/^applications/(?P<pk>[^/.]+)/$",
         lambda w: f"/api/v1/applications/{_answered(w)[0].pk}/",
         expect_everyone(404, anonymous=401, outsider=200, staff=403, reviewer=404,
                         other_reviewer=404), method="patch",
         api=True, setup=_answered, name="PATCH an application's answers",
         data=lambda w: {"answers": [{"question": _answered(w)[1].pk, "value": "Budget"}]}),
]
