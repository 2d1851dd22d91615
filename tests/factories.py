import datetime

import factory
from django.utils import timezone

from accounts.models import Membership, Role, User
from cities.models import City
from coaching.models import CoachAssignment
from cohorts.models import Cohort, Enrollment

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    name = factory.Faker("name")
    time_zone = "America/New_York"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create:
            from allauth.account.models import EmailAddress

            user.save()
            EmailAddress.objects.get_or_create(  # UserFactory(verified=False): not confirmed
                user=user, email=user.email,
                defaults={"verified": extracted is not False, "primary": True},
            )


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = "US"
    region = "Ohio"
    time_zone = "America/New_York"
    population = 250_000


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    name = factory.Sequence(lambda n: f"Cohort {n}")
    slug = factory.Sequence(lambda n: f"cohort-{n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=182))


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    city = factory.SubFactory(CityFactory)
    cohort = factory.SubFactory(CohortFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    city = factory.SubFactory(CityFactory)
    role = Role.CDO


class CoachAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoachAssignment

    coach = factory.SubFactory(UserFactory)
    enrollment = factory.SubFactory(EnrollmentFactory)


# --- cities: applications ---------------------------------------------------------------


class OpenCohortFactory(CohortFactory):
    """A cohort whose application window is open now."""

    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    applications_open_at = factory.LazyFunction(
        lambda: timezone.now() - datetime.timedelta(days=7))
    applications_close_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=21))
    convening_starts_on = factory.LazyAttribute(
        lambda o: o.starts_on + datetime.timedelta(days=7))
    convening_ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=9))


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An eligible draft (every rule met) by a new applicant to an open cohort."""

    class Meta:
        model = "applications.Application"

    cohort = factory.SubFactory(OpenCohortFactory)
    applicant = factory.SubFactory(UserFactory)
    city_name = factory.Sequence(lambda n: f"Applytown {n}")
    country = "US"
    region = "Ohio"
    population = 150_000
    population_source = "US Census"
    population_year = 2023
    has_cdo = True
    cdo_name = "Dee Data"
    cdo_email = factory.Sequence(lambda n: f"cdo{n}@apply.example.test")
    monthly_commitment_hours = 5
    mayor_name = "Mayor May"
    mayor_email = factory.Sequence(lambda n: f"mayor{n}@apply.example.test")
    mayor_commits_to_convening = True
    team = factory.Sequence(lambda n: [
        {"name": "Cam Manager", "email": f"manager{n}@apply.example.test",
         "role": Role.CITY_MANAGER},
        {"name": "Dee Data", "email": f"cdo{n}@apply.example.test", "role": Role.CDO},
        {"name": "Eq Lead", "email": f"equity{n}@apply.example.test", "role": Role.EQUITY_LEAD},
    ])
    priorities = "Safer streets"
    data_foundations = "An open data portal"
    eligible = True


# --- coaching ---


class CheckInFactory(factory.django.DjangoModelFactory):
    """A logged check-in of a city (created directly, without the domain's side effects)."""

    class Meta:
        model = "coaching.CheckIn"

    city = factory.SubFactory(CityFactory)
    happened_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=3))
    duration_minutes = 60
    mode = "video"
    summary = factory.Sequence(lambda n: f"Shared summary {n}")
    private_notes = factory.Sequence(lambda n: f"PRIVATE-NOTE-{n}")
    lead_rag = "amber"
    lead_why = "Data stewards named, not trained yet."
    status = "logged"
    logged_at = factory.LazyFunction(timezone.now)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coaching.ActionItem"

    city = factory.SubFactory(CityFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    status = "open"


class MayorRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coaching.MayorRequest"

    city = factory.SubFactory(CityFactory)
    question = factory.Sequence(lambda n: f"Should we publish dataset {n}?")
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))


class CallTranscriptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coaching.CallTranscript"

    city = factory.SubFactory(CityFactory)
    file_name = "call.vtt"
    kind = "webvtt"
    text = ("WEBVTT\n\n00:00:01.000 --> 00:30:00.000\n"
            "Coach: We need the mayor to decide on the open data policy.\n")


# --- showcases ---


class ShowcaseRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "showcases.ShowcaseRound"

    cohort = factory.SubFactory(CohortFactory)
    title = factory.Sequence(lambda n: f"Showcase round {n}")
    submission_deadline = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=21)
    )


class ShowcaseFactory(factory.django.DjangoModelFactory):
    """A complete showcase (every part filled in); pass ``state=`` to place it in a state."""

    class Meta:
        model = "showcases.Showcase"

    city = factory.SubFactory(CityFactory)
    title = factory.Sequence(lambda n: f"Open 311 data routine {n}")
    practice_type = "data_routine"
    pillar = "lead"
    what_changed = "Weekly review of 311 response times by the deputy mayor."
    who_involved = "Public works, the 311 centre and the data office."
    impact = "On-time closure up from 71% to 83% in a quarter."
    impact_kind = "measured"
    sustainment_owner = "Deputy mayor for operations"
    sustainment_how = "A standing weekly meeting and a dashboard refreshed nightly."
    sustainment_review_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=180)
    )
    state = "draft"


class EvidenceLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "showcases.Evidence"

    showcase = factory.SubFactory(ShowcaseFactory)
    kind = "link"
    title = "Public dashboard"
    url = "https://data.example.test/311"


class EvidenceFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "showcases.Evidence"

    showcase = factory.SubFactory(ShowcaseFactory)
    kind = "file"
    title = "Monthly figures"
    original_name = "figures.csv"
    content_type = "text/csv"
    file = factory.django.FileField(
        data=b"month,requests\nJanuary,1840\n", filename="evidence.csv"
    )
    size = 28


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "showcases.Feedback"

    showcase = factory.SubFactory(ShowcaseFactory)
    coach = factory.SubFactory(UserFactory)
    strengths = "Clear owner and a measured result."
    suggestions = "Publish the dashboard."
    sustainment_risks = "Depends on one analyst."


# --- cohorts: sessions, RSVPs, hours; curriculum ---


class PillarFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "curriculum.Pillar"
        django_get_or_create = ["slug"]

    slug = "data"
    # As shipped (curriculum.pillars): no name stored, read in the reader's language.
    name = ""


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "curriculum.Module"

    pillar = factory.SubFactory(PillarFactory)
    title = factory.Sequence(lambda n: f"Module {n}")
    objectives = "Name the city's key data\nSet one performance goal"


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A curriculum assignment ("apply it in your city"), due in a month."""

    class Meta:
        model = "curriculum.Assignment"

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Apply it {n}")
    instructions = "Share a one-page note with your coach."
    due_on = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A city's draft for an assignment (``assignments.Submission``)."""

    class Meta:
        model = "assignments.Submission"

    city = factory.SubFactory(CityFactory)
    assignment = factory.SubFactory(AssignmentFactory)
    text = "We listed 40 datasets and named an owner for each."
    state = "draft"


class SessionFactory(factory.django.DjangoModelFactory):
    """A one-hour workshop for everyone, a week from now (in New York time)."""

    class Meta:
        model = "schedule.Session"

    cohort = factory.SubFactory(CohortFactory)
    kind = "workshop"
    title = factory.Sequence(lambda n: f"Workshop {n}")
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=7)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    time_zone = "America/New_York"
    audience = "everyone"
    video_url = "https://video.example.test/room"


class RsvpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "schedule.Rsvp"

    session = factory.SubFactory(SessionFactory)
    city = factory.SubFactory(CityFactory)
    user = factory.SubFactory(UserFactory)
    answer = "yes"


class HoursEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "schedule.HoursEntry"

    city = factory.SubFactory(CityFactory)
    user = factory.SubFactory(UserFactory)
    hours = 1
    on_date = factory.LazyFunction(timezone.localdate)
    source = "self"
    source_key = factory.Sequence(lambda n: f"self:factory-{n}")
    note = "Read the data-governance primer"


# --- strategy ---


class InitiativeFactory(factory.django.DjangoModelFactory):
    """Needs ``component`` (a strategy.ComponentPlan; start one with start_strategy)."""

    class Meta:
        model = "strategy.Initiative"

    title = factory.Sequence(lambda n: f"Initiative {n}")
    description = "Do the work."
    year = factory.Sequence(lambda n: n % 3 + 1)
    quarters = factory.LazyFunction(lambda: [1, 2])
    owner = "Chief data officer"
    practice_areas = factory.LazyFunction(lambda: ["data_management"])


class MetricFactory(factory.django.DjangoModelFactory):
    """Needs ``component`` (a strategy.ComponentPlan)."""

    class Meta:
        model = "strategy.Metric"

    name = factory.Sequence(lambda n: f"Metric {n}")
    baseline = "10%"
    target_year_1 = "20%"
    target_year_2 = "40%"
    target_year_3 = "60%"
    data_source = "Data inventory"


# --- the review panel (reviews/) ----------------------------------------------------------

class ReviewerFactory(factory.django.DjangoModelFactory):
    """An outside reviewer who accepted the invitation and set up two-factor authentication
    (``ReviewerFactory(totp=False)``: not yet)."""

    class Meta:
        model = "reviews.Reviewer"
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reviewer{n}@example.test")
    name = factory.Faker("name")
    user = factory.SubFactory(UserFactory, email=factory.SelfAttribute("..email"))
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    accepted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def totp(reviewer, create, extracted, **kwargs):
        if create and extracted is not False and reviewer.user is not None:
            from allauth.mfa.models import Authenticator

            Authenticator.objects.get_or_create(
                user=reviewer.user, type=Authenticator.Type.TOTP,
                defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}})


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.Criterion"

    cohort = factory.SubFactory(OpenCohortFactory)
    name_en = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 1
    order = factory.Sequence(int)
    levels = factory.LazyFunction(lambda: {str(n): {"en": f"Level {n}"} for n in range(1, 6)})


class ReviewAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.Assignment"

    application = factory.SubFactory(ApplicationFactory, state="under_review")
    reviewer = factory.LazyFunction(lambda: ReviewerFactory().user)
