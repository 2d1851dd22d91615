"""The review panel of the open demo cohort: a three-criterion rubric (en/es/pt-br), three
outside reviewers, and reviews that are complete, partial, missing and conflicted, so the
decision meeting (``/staff/cohorts/demo-next-cohort/review/``) shows real rankings. One
applicant city (Millbrook) applied to the earlier demo cohort and was declined: a returning
city.

The reviewers sign in with the demo password and a second factor: their authenticator
secret is :data:`TOTP_SECRET` (add it to any authenticator app). Safe to run twice: every
row has a stable key and reviews already submitted are left as they are.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils import timezone

from accounts.models import Role, User
from applications import lifecycle
from applications.answers import clean_answer, record_answers
from applications.models import Application, ApplicationState
from demo.questions import ANSWERS
from reviews.assignment import assign_reviewer, declare_conflict
from reviews.models import Assignment, Criterion, Reviewer
from reviews.scoring import save_scores, submit_review

S = ApplicationState
TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # base32; documented in README.md for the demo only

REVIEWERS = [
    # email, name, language
    ("reviewer@demo.test", "Ruth Reviewer", "en"),
    ("reviewer2@demo.test", "Rafael Revisor", "es"),
    ("reviewer3@demo.test", "Renata Revisora", "pt-br"),
]

LEVELS = {
    "en": ["Absent", "Weak", "Adequate", "Strong", "Exemplary"],
    "es": ["Ausente", "Débil", "Adecuado", "Sólido", "Ejemplar"],
    "pt-br": ["Ausente", "Fraco", "Adequado", "Sólido", "Exemplar"],
}
RUBRIC = [
    # weight, {language: name}, {language: what the top level looks like}
    (3, {"en": "Leadership commitment", "es": "Compromiso del liderazgo",
         "pt-br": "Compromisso da liderança"}),
    (2, {"en": "Data foundations", "es": "Bases de datos existentes",
         "pt-br": "Bases de dados existentes"}),
    (1, {"en": "Team and capacity", "es": "Equipo y capacidad",
         "pt-br": "Equipe e capacidade"}),
]

# More applications to review: slug: (city, country, region, population, applicant language)
MORE = {
    "puerto-claro": ("Puerto Claro", "CO", "Bolívar", 233_000, "es"),
    "nova-esperanca": ("Nova Esperança", "BR", "Paraná", 176_000, "pt-br"),
    "kingsford": ("Kingsford", "CA", "Ontario", 141_000, "en"),
}

# slug: [(reviewer index, scores per criterion or "conflict", submitted)]
REVIEWS = {
    "millbrook": [(0, (4, 4, 3), True), (1, (2, 2, 2), True), (2, (3, None, None), False)],
    "cedar-falls": [(0, (5, 4, 5), True), (1, (5, 5, 4), True), (2, (4, 5, 5), True)],
    "san-lucas": [(0, (3, 3, 4), True), (1, "conflict", False), (2, (4, 3, 3), True)],
    "puerto-claro": [(0, (4, 3, 3), True), (2, (4, None, None), False)],
    "nova-esperanca": [(1, (3, 4, 4), True), (2, (4, 4, 3), True)],
    # Kingsford is left submitted and unassigned: the decision meeting shows one waiting.
}


def _reviewer(email, name, language, staff):
    user, created = User.objects.get_or_create(email=email)
    user.name, user.language = name, language
    if created or not user.check_password(settings.DEMO_PASSWORD):
        user.set_password(settings.DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(user=user, email=email,
                                          defaults={"verified": True, "primary": True})
    Authenticator.objects.get_or_create(user=user, type=Authenticator.Type.TOTP,
                                        defaults={"data": {"secret": TOTP_SECRET}})
    now = timezone.now()
    Reviewer.objects.update_or_create(email=email, defaults={
        "name": name, "user": user, "invited_by": staff, "active": True,
        "expires_at": now + timedelta(days=30), "accepted_at": now})
    return user


def _rubric(cohort):
    criteria = []
    for order, (weight, names) in enumerate(RUBRIC, start=1):
        levels = {str(n): {lang: LEVELS[lang][n - 1] for lang in LEVELS} for n in range(1, 6)}
        criterion, _ = Criterion.objects.update_or_create(
            cohort=cohort, name_en=names["en"],
            defaults={"name_es": names["es"], "name_pt_br": names["pt-br"], "weight": weight,
                      "order": order, "levels": levels})
        criteria.append(criterion)
    return criteria


def _more_applications(cohort):
    for slug, (name, country, region, population, language) in MORE.items():
        applicant, _ = User.objects.get_or_create(
            email=f"applicant@{slug}.apply.test",
            defaults={"name": f"{name} applicant", "language": language})
        EmailAddress.objects.update_or_create(
            user=applicant, email=applicant.email, defaults={"verified": True, "primary": True})
        if Application.objects.filter(cohort=cohort, applicant=applicant).exists():
            continue
        application = Application(
            cohort=cohort, applicant=applicant, city_name=name, country=country, region=region,
            population=population, population_source="National census", population_year=2022,
            has_cdo=True, cdo_name="Data Lead", cdo_email=f"cdo@{slug}.apply.test",
            monthly_commitment_hours=5, mayor_name=f"Mayor of {name}",
            mayor_email=f"mayor@{slug}.apply.test", mayor_commits_to_convening=True,
            team=[{"name": "Chief Manager", "email": f"manager@{slug}.apply.test",
                   "role": Role.CITY_MANAGER},
                  {"name": "Data Lead", "email": f"cdo@{slug}.apply.test", "role": Role.CDO},
                  {"name": "Equity Lead", "email": f"equity@{slug}.apply.test",
                   "role": Role.EQUITY_LEAD}],
            priorities="Faster permits; safer streets; fair access to services.",
            data_foundations="A performance dashboard and a new open data portal.")
        lifecycle.save_draft(application=application, by=applicant)
        record_answers(application=application, answers={  # the cohort's own questions
            q: clean_answer(question=q, value=ANSWERS[q.kind])
            for q in cohort.questions.select_related("current") if q.kind in ANSWERS})
        lifecycle.submit_application(application=application, by=applicant)


def _returning_city(demo):
    """Millbrook applied to the earlier demo cohort and was declined (history: written as
    it ended, that cohort's window being long closed)."""
    applicant = User.objects.get(email="applicant@millbrook.apply.test")
    Application.objects.get_or_create(
        cohort=demo["cohort"], applicant=applicant,
        defaults={"city_name": "Millbrook", "country": "US", "region": "Oregon",
                  "population": 205_000, "has_cdo": False, "state": S.DECLINED,
                  "submitted_at": timezone.now() - timedelta(days=400),
                  "decided_at": timezone.now() - timedelta(days=380)})


def _review(application, reviewer, criteria, plan, staff):
    values, submitted = plan
    existing = Assignment.objects.filter(application=application, reviewer=reviewer).first()
    if existing and (existing.submitted or existing.conflicted):
        return
    assignment = existing or assign_reviewer(application=application, reviewer=reviewer,
                                             by=staff)
    if values == "conflict":
        declare_conflict(assignment=assignment,
                         reason="I advised this city's data office last year.")
        return
    if values:
        save_scores(assignment=assignment, scores={
            c.pk: (v, "Clear evidence in the application." if v else "")
            for c, v in zip(criteria, values, strict=True)})
    if submitted:
        submit_review(assignment=assignment)


def seed(demo):
    """The rubric, the three reviewers and their reviews of the open demo cohort."""
    cohort = demo["apply_cohort"]
    staff = demo["users"]["staff@demo.test"]
    reviewers = [_reviewer(email, name, language, staff)
                 for email, name, language in REVIEWERS]
    criteria = _rubric(cohort)
    _more_applications(cohort)
    _returning_city(demo)
    for slug, plans in REVIEWS.items():
        application = Application.objects.get(
            cohort=cohort, applicant__email=f"applicant@{slug}.apply.test")
        for index, values, submitted in plans:
            _review(application, reviewers[index], criteria, (values, submitted), staff)
    demo["reviewers"] = reviewers
    demo["logins"] = [*demo["logins"], *(email for email, _n, _l in REVIEWERS)]
