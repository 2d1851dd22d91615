"""Applications to a cohort: the domain functions of their life cycle.

draft → submitted → under_review → accepted | waitlisted | declined; the applicant may
withdraw until a decision. Every transition is one function here that checks who may do it
and whether the application may move, saves (django-simple-history records the change and
who made it), and notifies. Views, the API, the admin and the demo call these; nothing else
sets ``Application.state``.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from accounts.verification import has_verified_email
from applications.admission import admit_city
from applications.answers import missing_answers
from applications.eligibility import RULE_FIELDS, check_application, is_eligible
from applications.guards import require_state
from applications.matching import find_duplicate, match_city
from applications.models import DECIDED_STATES, Application, ApplicationState
from cities.people import program_staff
from cities.places import country_code, country_name
from cohorts.models import Enrollment
from common.labels import and_list
from notifications.services import notify

S = ApplicationState
WITHDRAWABLE = {S.DRAFT, S.SUBMITTED, S.UNDER_REVIEW}
DECIDABLE = {S.SUBMITTED, S.UNDER_REVIEW, S.WAITLISTED}
REQUIRED_TO_SUBMIT = {
    "city_name": gettext_lazy("city name"), "country": gettext_lazy("country"),
    "mayor_name": gettext_lazy("mayor's name"), "mayor_email": gettext_lazy("mayor's e-mail"),
    "priorities": gettext_lazy("top priorities"),
}
TEAM_MEMBER_PARTS = {
    "name": gettext_lazy("name"), "email": gettext_lazy("e-mail"), "role": gettext_lazy("role"),
}


# --- who and when -----------------------------------------------------------------------

def window_is_open(*, cohort, now=None):
    """True while the cohort's application window is open (both ends must be set)."""
    now = now or timezone.now()
    opens, closes = cohort.applications_open_at, cohort.applications_close_at
    return bool(opens and closes and opens <= now < closes)


def can_view_application(*, user, application):
    """The applicant and program staff; anyone else must get a 404."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or application.applicant_id == user.pk


def visible_applications(*, user):
    """The applications ``user`` may see: their own, or all for staff."""
    queryset = Application.objects.select_related("cohort", "applicant", "city")
    if not user.is_authenticated:
        return queryset.none()
    return queryset if user.is_staff else queryset.filter(applicant=user)


def _save(application, *, by, reason):
    application._history_user = by
    application._change_reason = reason
    application.save()


# --- countries and duplicates -------------------------------------------------------------

def _clean_country(application):
    """Store the country as its ISO code; a name or alias is turned into its code."""
    text = str(application.country or "").strip()
    if not text:
        application.country = ""
        return
    code = country_code(text)
    if not code:
        raise ValidationError({"country": _(
            "“%(country)s” is not a country we know. Choose it from the list (or give its "
            "two-letter ISO code, such as US)."
        ) % {"country": text[:100]}})
    application.country = code


def _refuse_duplicates(application):
    mine = Application.objects.filter(
        cohort_id=application.cohort_id, applicant_id=application.applicant_id
    ).exclude(pk=application.pk)
    if mine.exists():  # one application per person and cohort (a database constraint too)
        raise ValidationError({"cohort": _(
            "You have already applied to this cohort. Edit that application instead of "
            "starting another."
        )})

    place = ", ".join(p for p in (application.city_name, application.region,
                                  country_name(application.country)) if p)
    if find_duplicate(application=application):
        raise ValidationError({"city_name": _(
            "%(city)s has already applied to this cohort. A city may apply only once; "
            "ask the program team if you need to change that application."
        ) % {"city": place}})
    if application.city_id:
        with scopes_disabled():
            enrolled = Enrollment.objects.filter(
                city_id=application.city_id, cohort_id=application.cohort_id
            ).exists()
        if enrolled:
            raise ValidationError({"city_name": _(
                "%(city)s is already enrolled in this cohort."
            ) % {"city": place}})


# --- transitions --------------------------------------------------------------------------

@transaction.atomic
def save_draft(*, application, by):
    """Save the applicant's draft (new or edited), eligible or not.

    Refused while the window is closed, once submitted, when the same city already
    applied to this cohort, and when the applicant already has an application to it. The
    matching existing ``City`` (name + country (+ region)) is remembered so that admission
    updates it instead of creating another.
    """
    if application.pk is None:
        application.applicant = by
    require_state(application, {S.DRAFT}, _("edited"))
    if not window_is_open(cohort=application.cohort):
        raise ValidationError(_("Applications to this cohort are closed."))
    _clean_country(application)
    application.city = match_city(
        name=application.city_name, country=application.country, region=application.region
    )
    _refuse_duplicates(application)
    application.eligible = is_eligible(check_application(application=application))
    _save(application, by=by, reason="draft saved")
    return application


@transaction.atomic
def submit_application(*, application, by):
    """Send the draft to the program team; staff are notified.

    Refused, naming every failed eligibility rule at its field, when the city is not
    eligible; refused when a required answer is missing or the window is closed.
    """
    require_state(application, {S.DRAFT}, _("submitted"))
    if not has_verified_email(application.applicant):
        raise ValidationError(_(
            "Confirm your e-mail address before submitting: open the link in the message "
            "we sent you, then submit again."
        ))
    if not window_is_open(cohort=application.cohort):
        raise ValidationError(_("Applications to this cohort are closed."))
    errors = {}
    for field, label in REQUIRED_TO_SUBMIT.items():
        if not str(getattr(application, field) or "").strip():
            errors[field] = [_("Fill in the %(field)s before submitting.") % {"field": label}]
    errors.update(_incomplete_team_members(application))
    errors.update(missing_answers(application=application))
    for check in check_application(application=application):
        if not check.passed:
            errors.setdefault(RULE_FIELDS[check.rule], []).append(check.message)
    if errors:
        raise ValidationError(errors)
    _refuse_duplicates(application)
    application.eligible = True
    application.state = S.SUBMITTED
    application.submitted_at = timezone.now()
    _save(application, by=by, reason="submitted")
    _notify_staff("application.submitted", application)
    return application


def _incomplete_team_members(application):
    """``{"team": [message per member missing a name, an e-mail or a role]}`` (a draft may
    keep a half-filled member; a submission may not)."""
    messages = []
    for number, member in enumerate(application.team or [], start=1):
        missing = [label for key, label in TEAM_MEMBER_PARTS.items()
                   if not str(member.get(key) or "").strip()]
        if missing:
            messages.append(_("Team member %(number)s has no %(missing)s: complete the row "
                              "or empty it before submitting.")
                            % {"number": number, "missing": and_list(missing)})
    return {"team": messages} if messages else {}


@transaction.atomic
def start_review(*, application, by):
    """Staff take a submitted application into review."""
    require_state(application, {S.SUBMITTED}, _("taken into review"))
    application.state = S.UNDER_REVIEW
    _save(application, by=by, reason="review started")
    return application


def _decide(application, *, by, state, reason, note=""):
    require_state(application, DECIDABLE - {state}, _("decided this way"))
    application.state = state
    application.decided_at = timezone.now()
    application.decided_by = by
    _save(application, by=by, reason=reason)
    _notify_applicant(f"application.{state}", application, note=(note or "").strip())
    return application


@transaction.atomic
def accept_application(*, application, by, override_capacity=False, note=""):
    """Accept: admit the city (enrollment, invitations) and tell the applicant.

    Over the cohort's capacity only with ``override_capacity`` (an explicit staff choice).
    ``note``: words staff chose to share with the applicant, quoted in the decision mail
    (empty: none).
    """
    require_state(application, DECIDABLE, _("accepted"))
    admit_city(application=application, by=by, override_capacity=override_capacity)
    return _decide(application, by=by, state=S.ACCEPTED, reason="accepted", note=note)


@transaction.atomic
def waitlist_application(*, application, by, note=""):
    """Put the application on the waiting list and tell the applicant (with ``note``, the
    words staff chose to share, quoted in the mail when there are any)."""
    return _decide(application, by=by, state=S.WAITLISTED, reason="waitlisted", note=note)


@transaction.atomic
def decline_application(*, application, by, note=""):
    """Decline the application and tell the applicant (with ``note``, the words staff chose
    to share, quoted in the mail when there are any)."""
    return _decide(application, by=by, state=S.DECLINED, reason="declined", note=note)


@transaction.atomic
def withdraw_application(*, application, by):
    """The applicant withdraws, any time before a decision."""
    if application.state in DECIDED_STATES:
        raise ValidationError(_("A decision has been made; the application can no longer be "
                                "withdrawn. Contact the program team."))
    require_state(application, WITHDRAWABLE, _("withdrawn"))
    application.state = S.WITHDRAWN
    _save(application, by=by, reason="withdrawn")
    return application


# --- notifications ------------------------------------------------------------------------

def _notify_staff(event, application):
    staff = list(program_staff())
    review = reverse("admin:applications_application_change", args=[application.pk])
    notify(event, recipients=staff, about=application, category="applications",
           context={"application": application, "link": review})


def _notify_applicant(event, application, note=""):
    notify(event, recipients=[application.applicant], about=application,
           category="applications", context={"application": application, "note": note},
           mandatory=True)
