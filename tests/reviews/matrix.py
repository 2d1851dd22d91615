"""Matrix cases of the review panel: a reviewer's pages and API (``reviewer`` is assigned
the world's application under review, ``other_reviewer`` is not: 404 for them, as for
everyone but the assigned reviewer), and staff pages (403 for everyone signed in but staff).
"""

from django.core.files.base import ContentFile

from applications.question_models import Answer
from applications.questions import add_question, add_section
from tests import factories
from tests.tenancy import LOGIN, Case, expect_everyone, expect_signed_in


def _panel(world):
    """The world's application under review, its cohort's rubric and the reviewer's
    assignment (made once per world)."""
    if "review" not in world.extra:
        cohort = factories.OpenCohortFactory(slug="review-cohort")
        application = factories.ApplicationFactory(cohort=cohort, state="under_review",
                                                   city_name="Reviewville")
        criterion = factories.CriterionFactory(cohort=cohort)
        world.extra["review"] = factories.ReviewAssignmentFactory(
            application=application, reviewer=world.users["reviewer"])
        world.extra["criterion"] = criterion
    # A world made elsewhere (the fuzz world) may hold a review already: the rest is made here.
    if "criterion" not in world.extra:
        world.extra["criterion"] = factories.CriterionFactory(
            cohort=world.extra["review"].application.cohort)
    if "invitee" not in world.extra:
        world.extra["invitee"] = factories.ReviewerFactory(
            email="invitee@example.test", user=None, accepted_at=None)
    return world.extra["review"]


def _file_url(w):
    """A file the reviewed application answered with (made once per world)."""
    assignment = _panel(w)
    if "review_file" not in w.extra:
        section = add_section(cohort=assignment.application.cohort, title={"en": "Files"})
        question = add_question(section=section, kind="file",
                                rules={"file_types": ["pdf"], "max_file_mb": 1},
                                wording={"label": {"en": "Org chart"}})
        answer = Answer(application=assignment.application, question=question,
                        version=question.current, value="chart.pdf", file_type="pdf",
                        file_name="chart.pdf")
        answer.file.save("chart.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
        w.extra["review_file"] = question
    return f"/review/{assignment.pk}/files/{w.extra['review_file'].pk}/"


def _review_url(suffix=""):
    return lambda w: f"/review/{_panel(w).pk}/{suffix}"


def _api_url(suffix=""):
    return lambda w: f"/api/v1/reviews/{_panel(w).pk}/{suffix}"


def _staff(path):
    return lambda w: f"/staff/cohorts/{_panel(w).application.cohort.slug}/{path}"


def _criterion_url(w):
    return _staff(f"rubric/{_panel(w) and w.extra['criterion'].pk}/")(w)


def expect_assigned(ok=200, anonymous=LOGIN, **overrides):
    """Only the assigned reviewer; everyone else 404 (staff too: not their review)."""
    return expect_everyone(404, anonymous=anonymous, reviewer=ok, other_reviewer=404,
                           **overrides)


STAFF_ONLY = expect_signed_in(403, staff=200)
REVIEWERS = expect_signed_in(403, staff=200, reviewer=200, other_reviewer=200)
CRITERION = {"name_en": "Data team", "weight": "2",
             **{f"level_{n}_en": f"Level {n}" for n in range(1, 6)}}

CASES = [
    Case("review/", lambda w: "/review/", REVIEWERS, setup=_panel),
    Case("review/<int:pk>/", _review_url(), expect_assigned()),
    Case("review/<int:pk>/", _review_url(), expect_assigned(302), method="post",
         data=lambda w: {"action": "save", f"score_{w.extra['criterion'].pk}": "4"}),
    Case("review/<int:pk>/conflict/", _review_url("conflict/"), expect_assigned()),
    Case("review/<int:pk>/conflict/", _review_url("conflict/"), expect_assigned(302),
         method="post", data={"reason": "I advise this city."}),
    Case("review/<int:pk>/files/<int:question_id>/", _file_url, expect_assigned()),
    Case("review/invitations/<str:token>/",
         lambda w: f"/review/invitations/{_panel(w) and w.extra['invitee'].token}/",
         expect_everyone(200)),
    Case("review/invitations/<str:token>/",
         lambda w: f"/review/invitations/{_panel(w) and w.extra['invitee'].token}/",
         expect_everyone(400, anonymous=302), method="post"),
    # Staff pages
    Case("staff/cohorts/<slug:slug>/review/", _staff("review/"), STAFF_ONLY),
    Case("staff/cohorts/<slug:slug>/review/", _staff("review/"),
         expect_signed_in(403, staff=302), method="post",
         data=lambda w: {"applications": [_panel(w).application_id], "outcome": "waitlist",
                         "reason": "Strong, but the cohort is nearly full."}),
    Case("staff/cohorts/<slug:slug>/rubric/", _staff("rubric/"), STAFF_ONLY),
    Case("staff/cohorts/<slug:slug>/rubric/", _staff("rubric/"),
         expect_signed_in(403, staff=302), method="post", data=CRITERION),
    Case("staff/cohorts/<slug:slug>/rubric/<int:criterion_id>/", _criterion_url, STAFF_ONLY),
    Case("staff/cohorts/<slug:slug>/rubric/<int:criterion_id>/", _criterion_url,
         expect_signed_in(403, staff=302), method="post", data=CRITERION),
    Case("staff/cohorts/<slug:slug>/reviewers/", _staff("reviewers/"), STAFF_ONLY),
    Case("staff/cohorts/<slug:slug>/reviewers/", _staff("reviewers/"),
         expect_signed_in(403, staff=302), method="post",
         data=lambda w: {"action": "assign", "application": _panel(w).application_id,
                         "reviewer": w.users["other_reviewer"].pk}),
    Case("staff/reviewers/", lambda w: "/staff/reviewers/", STAFF_ONLY),
    Case("staff/reviewers/", lambda w: "/staff/reviewers/", expect_signed_in(403, staff=302),
         method="post", data={"email": "new.reviewer@example.test", "name": "New"}),
    Case("staff/applications/<int:pk>/reviews/",
         lambda w: f"/staff/applications/{_panel(w).application_id}/reviews/", STAFF_ONLY),
    # API
    Case("api/v1/^reviews/$", lambda w: "/api/v1/reviews/",
         REVIEWERS | {"anonymous": 401}, api=True, setup=_panel),
    Case("api/v1/^reviews/(?P<pk>[^/.]+)/$", _api_url(),
         expect_everyone(403, anonymous=401, staff=200, reviewer=200, other_reviewer=404),
         api=True),
    Case("api/v1/^reviews/(?P<pk>[^/.]+)/scores/$", _api_url("scores/"),
         expect_everyone(404, anonymous=401, staff=403, reviewer=200), method="post",
         api=True, data=lambda w: {"scores": [{"criterion": w.extra["criterion"].pk, "value": 3,
                                     "comment": "Solid."}], "submit": True}),
    Case("api/v1/^reviews/(?P<pk>[^/.]+)/conflict/$", _api_url("conflict/"),
         expect_everyone(404, anonymous=401, staff=403, reviewer=200), method="post",
         api=True, data={"reason": "I advise this city."}),
    Case("api/v1/cohorts/<slug:slug>/ranking/",
         lambda w: f"/api/v1/cohorts/{_panel(w).application.cohort.slug}/ranking/",
         expect_everyone(403, anonymous=401, staff=200), api=True),
]
