"""Staff pages of session feedback (``/staff/…``, scopes disabled for staff): a cohort's
figures per kind and per session, and one session's answers (its host may read them too,
without names when the program chose so)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from cities.doors import rule_required
from cohorts.models import Cohort
from feedback import figures
from feedback.answers import closes_at
from feedback.figures import answers_of, figures_of, shows_names
from schedule.models import Session


@require_GET
@rule_required("is_program_staff", obj=None)
def cohort_feedback(request, slug):
    """A cohort's feedback: per kind of session and per session, the people asked, the
    answers (response rate), the average rating and how many gave each rating."""
    cohort = get_object_or_404(Cohort, slug=slug)
    rows, kinds, total = figures.cohort_feedback(cohort=cohort)
    return render(request, "feedback/staff_cohort.html", {
        "cohort": cohort, "kinds": kinds, "total": total, "rows": rows,
    })


def _session(request, slug, session_id, **kwargs):
    if "_feedback_session" not in request.__dict__:
        session = Session.objects.select_related("cohort").filter(
            pk=session_id, cohort__slug=slug).first()
        if session is None:
            raise Http404
        request._feedback_session = session
    return request._feedback_session


@require_GET
@rule_required("can_read_session_feedback", obj=_session)
def session_feedback(request, slug, session_id):
    """One session's feedback: its figures and every answer (names for staff, and for the
    host unless the program chose anonymity)."""
    session = _session(request, slug, session_id)
    answers = answers_of(session)
    counted = figures_of(session)
    return render(request, "feedback/staff_session.html", {
        "cohort": session.cohort, "session": session, "figures": counted,
        "answers": answers, "named": shows_names(user=request.user, cohort=session.cohort),
        "closes_at": closes_at(session), "is_staff": request.user.is_staff,
    })
