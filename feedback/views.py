"""The city portal's feedback pages (thin views): the sessions a person attended, with
their feedback, and the page where they give or change it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cities.doors import allows, rule_required
from feedback.answers import (
    feedback_item,
    feedback_items,
    give_feedback,
    refusal,
    split_items,
)
from feedback.figures import is_anonymous_to_host
from feedback.forms import FeedbackForm, apply_errors
from schedule.audience import sessions_for_city


@require_GET
def my_feedback(request, city):
    """The sessions the person attended for this city: waiting for feedback, answered,
    and closed without an answer."""
    city = request.city
    waiting, answered, missed = split_items(
        feedback_items(user=request.user, city=city))
    return render(request, "feedback/mine.html", {
        "city": city, "waiting": waiting, "answered": answered, "missed": missed,
        "gives_feedback": allows("can_give_feedback", request.user, city),
    })


def _session(city, session_id):
    session = sessions_for_city(city=city).select_related("cohort").filter(
        pk=session_id).first()
    if session is None:
        raise Http404
    return session


@require_http_methods(["GET", "POST"])
@rule_required("can_give_feedback", methods=("POST",))
def answer(request, city, session_id):
    """Give or change one's feedback on a session; a clear sentence when it cannot be
    given (not attended, not ended, closed)."""
    city = request.city
    session = _session(city, session_id)
    now = timezone.now()
    item = feedback_item(session=session, user=request.user, city=city, now=now)
    current = item.feedback if item and item.answered else None
    initial = {"rating": current.rating, "most_useful": current.most_useful,
               "to_change": current.to_change} if current else None
    form = FeedbackForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            give_feedback(session=session, user=request.user, city=city, now=now,
                          **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Thank you: your feedback is saved. You can change "
                                        "it until feedback closes."))
            return redirect("feedback:mine", city=city.slug)
    reason = refusal(session=session, attended=item is not None, now=now)
    return render(request, "feedback/answer.html", {
        "city": city, "session": session, "session_url": session.get_absolute_url(city),
        "item": item, "form": form, "current": current,
        "reason": reason, "anonymous": is_anonymous_to_host(session.cohort),
        "gives_feedback": allows("can_give_feedback", request.user, city),
    }, status=400 if form.errors else 200)
