from tests.tenancy import Case, expect_signed_in

CASES = [
    Case("staff/cohorts/<slug:slug>/health/",
         lambda w: f"/staff/cohorts/{w.cohort.slug}/health/", expect_signed_in(403, staff=200)),
    Case("staff/cohorts/<slug:slug>/health.<str:fmt>",
         lambda w: f"/staff/cohorts/{w.cohort.slug}/health.xlsx",
         expect_signed_in(403, staff=200)),
]

CASES.append(
    Case("api/v1/cohorts/<slug:slug>/health/",
         lambda w: f"/api/v1/cohorts/{w.cohort.slug}/health/",
         expect_signed_in(403, staff=200, anonymous=401), api=True),
)

CASES.append(
    Case("c/<slug:city>/timeline/", lambda w: f"/c/{w.city.slug}/timeline/",
         {"anonymous": "login", "outsider": 404, "member_a": 403, "mayor_a": 403,
          "coach_a": 200, "member_b": 404, "coach_b": 404, "staff": 200}),
)

CASES.append(
    Case("staff/cohorts/<slug:slug>/export/<slug:what>.<str:fmt>",
         lambda w: f"/staff/cohorts/{w.cohort.slug}/export/hours.csv",
         expect_signed_in(403, staff=200)),
)

CASES.append(
    Case("staff/cohorts/<slug:slug>/report/", lambda w: f"/staff/cohorts/{w.cohort.slug}/report/",
         expect_signed_in(403, staff=200)),
)

CASES += [
    Case("staff/cohorts/<slug:slug>/impact/", lambda w: f"/staff/cohorts/{w.cohort.slug}/impact/",
         expect_signed_in(403, staff=200)),
    Case("staff/cohorts/<slug:slug>/impact.xlsx",
         lambda w: f"/staff/cohorts/{w.cohort.slug}/impact.xlsx",
         expect_signed_in(403, staff=200)),
    Case("staff/cohorts/<slug:slug>/impact/pdf/",
         lambda w: f"/staff/cohorts/{w.cohort.slug}/impact/pdf/",
         expect_signed_in(403, staff=200)),
]
