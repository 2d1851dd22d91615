"""Matrix cases for the application portal (/apply/) and its API.

Applications are not city data: the world's application belongs to the ``outsider`` (an
applicant with no city); every other non-staff role must get 404 for it, exactly like a
city that is not theirs. Program staff may read it (and review it in the admin).
"""

from django.core.files.base import ContentFile

from tests import factories
from tests.applications.question_matrix_cases import CASES as QUESTION_CASES
from tests.tenancy import LOGIN, Case, expect_everyone, expect_signed_in

PDF = b"%PDF-1.4\n%%EOF\n"


def _open_cohort(world):
    if "apply_cohort" not in world.extra:
        world.extra["apply_cohort"] = factories.OpenCohortFactory(slug="open-cohort")
    return world.extra["apply_cohort"]


def _application(world):
    """The outsider's eligible draft to an open cohort, with a letter."""
    if "application" not in world.extra:
        application = factories.ApplicationFactory(
            cohort=factories.OpenCohortFactory(), applicant=world.users["outsider"])
        application.letter.save("letter.pdf", ContentFile(PDF))
        world.extra["application"] = application
    return world.extra["application"]


def _app_url(suffix=""):
    return lambda w: f"/apply/applications/{_application(w).pk}/{suffix}"


def _api_url(suffix=""):
    return lambda w: f"/api/v1/applications/{_application(w).pk}/{suffix}"


def expect_applicant(ok=200, staff=200, anonymous=LOGIN):
    """Only the applicant (the outsider) and staff; everyone else 404."""
    return expect_everyone(404, anonymous=anonymous, outsider=ok, staff=staff,
                           reviewer=404, other_reviewer=404)


FORM = {
    "city_name": "Matrixville", "country": "CL", "region": "", "time_zone": "UTC",
    "population": "150000", "has_cdo": "on", "monthly_commitment_hours": "5",
    "mayor_name": "M", "mayor_email": "m@matrixville.test", "priorities": "x",
    "action": "save",
}
API_APPLICATION = {"city_name": "Apitown", "country": "PE", "region": ""}

CASES = [
    Case("apply/", lambda w: "/apply/", expect_everyone(200)),
    Case("apply/applications/", lambda w: "/apply/applications/", expect_signed_in(200)),
    Case("apply/<slug:cohort>/", lambda w: f"/apply/{_open_cohort(w).slug}/",
         expect_everyone(200)),
    Case("apply/<slug:cohort>/", lambda w: f"/apply/{_open_cohort(w).slug}/",
         expect_everyone(302, anonymous=200), method="post", data=FORM),
    Case("apply/applications/<int:pk>/", _app_url(), expect_applicant()),
    Case("apply/applications/<int:pk>/", _app_url(), expect_applicant(302, staff=403),
         method="post", data=FORM),
    Case("apply/applications/<int:pk>/withdraw/", _app_url("withdraw/"),
         expect_applicant(200, staff=404)),
    Case("apply/applications/<int:pk>/withdraw/", _app_url("withdraw/"),
         expect_applicant(302, staff=404), method="post"),
    Case("apply/applications/<int:pk>/letter/", _app_url("letter/"), expect_applicant()),
    # API
    Case("api/v1/eligibility/", lambda w: "/api/v1/eligibility/", expect_everyone(200),
         method="post", api=True,
         data={"population": 100_001, "has_cdo": True, "monthly_commitment_hours": 5}),
    Case("api/v1/^cohorts/$", lambda w: "/api/v1/cohorts/", expect_everyone(200), api=True),
    Case("api/v1/^cohorts/(?P<slug>[-a-zA-Z0-9_]+)/$",
         lambda w: f"/api/v1/cohorts/{w.cohort.slug}/", expect_everyone(200), api=True),
    Case("api/v1/^applications/$", lambda w: "/api/v1/applications/",
         expect_everyone(200, anonymous=401), api=True),
    Case("api/v1/^applications/$", lambda w: "/api/v1/applications/",
         expect_everyone(201, anonymous=401), method="post", api=True,
         data=lambda w: {**API_APPLICATION, "cohort": _open_cohort(w).slug}),
    Case("api/v1/^applications/(?P<pk>[^/.]+)/$", _api_url(),
         expect_applicant(anonymous=401), api=True),
    Case("api/v1/^applications/(?P<pk>[^/.]+)/$", _api_url(),
         expect_applicant(200, staff=403, anonymous=401), method="patch", api=True,
         data={"population": 200_000}),
    Case("api/v1/^applications/(?P<pk>[^/.]+)/$", _api_url(),
         expect_applicant(200, staff=403, anonymous=401), method="put", api=True,
         data=lambda w: {**API_APPLICATION, "cohort": _application(w).cohort.slug}),
    Case("api/v1/^applications/(?P<pk>[^/.]+)/submit/$", _api_url("submit/"),
         expect_applicant(200, staff=403, anonymous=401), method="post", api=True),
    Case("api/v1/^applications/(?P<pk>[^/.]+)/withdraw/$", _api_url("withdraw/"),
         expect_applicant(200, staff=403, anonymous=401), method="post", api=True),
]

CASES += QUESTION_CASES  # a cohort's own questions and their answers
