"""The secret calendar feed and the page to (re)generate its address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from schedule.feeds import feed_for, regenerate_calendar_token, user_for_token

#: ``?sessions=all`` on the feed address: every session of the person's cohort.
WHOLE_COHORT = "all"


@require_GET
def calendar_feed(request, token):
    """``/calendar/<token>.ics``: no login (calendar apps cannot log in); the token is the key.

    The sessions the person is invited to; ``?sessions=all`` for every session of their
    cohort (any other value is the default).
    """
    user = user_for_token(token=token)
    if user is None:
        raise Http404
    whole_cohort = request.GET.get("sessions") == WHOLE_COHORT
    response = HttpResponse(
        feed_for(user=user, whole_cohort=whole_cohort), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="civic-accelerator.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request):
    """Shows the person's feed address; POST makes a new one (the old one stops working)."""
    if request.method == "POST":
        regenerate_calendar_token(user=request.user)
        messages.success(request, _("Your calendar address has changed. Subscribe again "
                                    "with the new one."))
        return redirect("calendar:settings")
    feed_url = request.build_absolute_uri(
        reverse("calendar:feed", kwargs={"token": request.user.calendar_token})
    )
    return render(request, "schedule/calendar_settings.html", {
        "feed_url": feed_url, "whole_cohort_url": f"{feed_url}?sessions={WHOLE_COHORT}",
    })
