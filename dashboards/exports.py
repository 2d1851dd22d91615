"""What staff export from a cohort, each as rows of plain values (filters applied)."""

from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from accounts.models import Membership
from applications.answers import answer_columns
from applications.models import Application
from cities.places import country_code
from coaching.models import ActionItem
from schedule.hours import ledger_note
from schedule.models import Attendance, HoursEntry, Rsvp, Session

EXPORTS = {
    "attendance": _("Attendance"),
    "hours": _("Hours ledger"),
    "action-items": _("Action items"),
    "applications": _("Applications"),
}


def _cities(queryset, *, filters, city_field="city"):
    if filters.get("country"):
        queryset = queryset.filter(
            **{f"{city_field}__country": country_code(filters["country"]) or filters["country"]}
        )
    if filters.get("city"):
        queryset = queryset.filter(**{f"{city_field}__slug": filters["city"]})
    if filters.get("coach"):
        queryset = queryset.filter(
            **{f"{city_field}__enrollments__coach_assignments__coach_id": filters["coach"]}
        ).distinct()
    return queryset


def attendance_rows(*, cohort, filters):
    """Each invited answer and attendance: session, city, person, RSVP, attended."""
    sessions = Session.objects.filter(cohort=cohort).order_by("starts_at")
    attended = set(
        _cities(Attendance.objects.filter(session__cohort=cohort), filters=filters)
        .values_list("session_id", "user_id")
    )
    answers = {
        (r.session_id, r.user_id): r for r in _cities(
            Rsvp.objects.filter(session__cohort=cohort), filters=filters
        ).select_related("user", "city")
    }
    people = {(s, u) for s, u in attended} | set(answers)
    users = {}
    if people:
        for m in _cities(Membership.objects.filter(
            user_id__in={u for _s, u in people}), filters=filters
        ).select_related("user", "city"):
            users[m.user_id] = m
    header = [_("Session"), _("Starts (UTC)"), _("City"), _("Person"), _("Role"), _("RSVP"),
              _("Attended")]
    rows = []
    for session in sessions:
        for (session_id, user_id) in sorted(people):
            if session_id != session.pk or user_id not in users:
                continue
            membership = users[user_id]
            answer = answers.get((session_id, user_id))
            rows.append([
                session.title, session.starts_at.strftime("%Y-%m-%d %H:%M"),
                membership.city.name, str(membership.user), membership.get_role_display(),
                answer.get_answer_display() if answer else "",
                str(_("yes")) if (session_id, user_id) in attended else str(_("no")),
            ])
    return header, rows


def hours_rows(*, cohort, filters):
    entries = _cities(
        HoursEntry.objects.filter(city__enrollments__cohort=cohort,
                                  on_date__gte=cohort.starts_on, on_date__lte=cohort.ends_on),
        filters=filters,
    ).select_related("city", "user").order_by("city__name", "on_date", "pk")
    header = [_("City"), _("Person"), _("Date"), _("Hours"), _("Source"), _("Note")]
    return header, [
        [e.city.name, str(e.user), e.on_date.isoformat(), float(e.hours),
         e.get_source_display(), ledger_note(e)]
        for e in entries
    ]


def action_item_rows(*, cohort, filters):
    items = _cities(
        ActionItem.objects.filter(city__enrollments__cohort=cohort), filters=filters
    ).select_related("city", "owner").order_by("city__name", "due_on", "pk")
    if filters.get("status"):
        items = items.filter(status=filters["status"])
    header = [_("City"), _("Action"), _("Owner"), _("Due on"), _("Status")]
    return header, [
        [i.city.name, i.title, str(i.owner or ""), i.due_on.isoformat(), i.get_status_display()]
        for i in items
    ]


def application_rows(*, cohort, filters):
    """Applications to the cohort; internal notes and scores stay out of the file."""
    applications = Application.objects.filter(cohort=cohort).order_by("city_name")
    if filters.get("country"):
        applications = applications.filter(
            country=country_code(filters["country"]) or filters["country"])
    applications = list(applications.select_related("cohort"))
    questions, answers = answer_columns(applications)  # the cohort's own questions
    header = [_("City"), _("Country"), _("Population"), _("State"), _("Eligible"),
              _("Submitted at"), *questions]
    return header, [
        [a.city_name, a.country.name, a.population, a.get_state_display(),
         str(_("yes")) if a.eligible else str(_("no")),
         a.submitted_at.isoformat() if a.submitted_at else "", *answers[a.pk]]
        for a in applications
    ]


BUILDERS = {
    "attendance": attendance_rows,
    "hours": hours_rows,
    "action-items": action_item_rows,
    "applications": application_rows,
}


def export_rows(*, what, cohort, filters):
    """``(header, rows)`` of the export ``what`` (one of :data:`EXPORTS`)."""
    with scopes_disabled():
        header, rows = BUILDERS[what](cohort=cohort, filters=filters)
    return header, rows
