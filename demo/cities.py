"""Demo applications: an open cohort with an application in every state (one of them an
ineligible draft), so staff can try the review at once."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import Role, User
from applications import lifecycle as domain
from applications.models import Application, ApplicationState
from cohorts.models import Cohort

S = ApplicationState


def _team(slug):
    return [
        {"name": "Chief Manager", "email": f"manager@{slug}.apply.test",
         "role": Role.CITY_MANAGER},
        {"name": "Data Lead", "email": f"cdo@{slug}.apply.test", "role": Role.CDO},
        {"name": "Equity Lead", "email": f"equity@{slug}.apply.test", "role": Role.EQUITY_LEAD},
    ]


# slug: (city, country, region, population, hours, has_cdo, target state)
APPLICATIONS = {
    "harborview": ("Harborview", "US", "Maine", 152_000, 6, True, S.DRAFT),
    "smallton": ("Smallton", "US", "Vermont", 48_000, 3, False, S.DRAFT),
    "millbrook": ("Millbrook", "US", "Oregon", 210_000, 5, True, S.SUBMITTED),
    "cedar-falls": ("Cedar Falls", "CA", "Ontario", 305_000, 8, True, S.UNDER_REVIEW),
    "port-aurora": ("Port Aurora", "CL", "Valparaíso", 128_500, 5, True, S.ACCEPTED),
    "san-lucas": ("San Lucas", "MX", "Jalisco", 118_000, 5, True, S.WAITLISTED),
    "elmstead": ("Elmstead", "US", "Iowa", 101_500, 5, True, S.DECLINED),
    "westmere": ("Westmere", "NZ", "Auckland", 140_000, 6, True, S.WITHDRAWN),
}
STEPS = {
    S.SUBMITTED: [domain.submit_application],
    S.UNDER_REVIEW: [domain.submit_application, domain.start_review],
    S.ACCEPTED: [domain.submit_application, domain.start_review, domain.accept_application],
    S.WAITLISTED: [domain.submit_application, domain.waitlist_application],
    S.DECLINED: [domain.submit_application, domain.decline_application],
    S.WITHDRAWN: [domain.submit_application, domain.withdraw_application],
}


def seed(demo):
    """An open cohort (window open now) with one application per state; safe to re-run."""
    now = timezone.now()
    today = timezone.localdate()
    base = demo["cohort"]
    cohort, _ = Cohort.objects.update_or_create(
        slug="demo-next-cohort",
        defaults=dict(
            program=base.program, name="City Data Alliance — next cohort (applications open)",
            starts_on=today + timedelta(days=90), ends_on=today + timedelta(days=272),
            time_zone="America/New_York", capacity=10,
            convening_starts_on=today + timedelta(days=97),
            convening_ends_on=today + timedelta(days=99),
            applications_open_at=now - timedelta(days=14),
            applications_close_at=now + timedelta(days=30),
        ),
    )
    demo["apply_cohort"] = cohort
    staff = demo["users"]["staff@demo.test"]
    for slug, (name, country, region, population, hours, has_cdo, state) in (
        APPLICATIONS.items()
    ):
        applicant, _ = User.objects.get_or_create(
            email=f"applicant@{slug}.apply.test", defaults={"name": f"{name} applicant"}
        )
        EmailAddress.objects.update_or_create(  # confirmed, as submitting requires
            user=applicant, email=applicant.email, defaults={"verified": True, "primary": True}
        )
        if Application.objects.filter(cohort=cohort, applicant=applicant).exists():
            continue  # already seeded: states move forward only, so leave it as it is
        application = Application(
            cohort=cohort, applicant=applicant, city_name=name, country=country,
            region=region, population=population, population_source="National census",
            population_year=2022, has_cdo=has_cdo, cdo_name="Data Lead" if has_cdo else "",
            cdo_email=f"cdo@{slug}.apply.test" if has_cdo else "",
            monthly_commitment_hours=hours, mayor_name=f"Mayor of {name}",
            mayor_email=f"mayor@{slug}.apply.test", mayor_commits_to_convening=has_cdo,
            team=_team(slug) if has_cdo else _team(slug)[:2],
            priorities="Faster permits; safer streets; fair access to services.",
            data_foundations="An open data portal and a small analytics team.",
        )
        domain.save_draft(application=application, by=applicant)
        for step in STEPS.get(state, []):
            by = applicant if step in (domain.submit_application,
                                       domain.withdraw_application) else staff
            step(application=application, by=by)
        application.refresh_from_db()
        if state in (S.UNDER_REVIEW, S.ACCEPTED):
            application.score_data_foundations, application.score_leadership = 4, 5
            application.score_team = 4
            application.internal_notes = "Strong mayoral sponsorship; check the data team size."
            application.save()
