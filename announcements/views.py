"""Staff pages of a cohort's announcements (under ``/staff/``, scopes disabled for staff)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from announcements.audience import audience_of, cohort_day
from announcements.delivery import deliveries_of, with_counts
from announcements.forms import AnnouncementForm, PreviewForm, ScheduleForm, apply_errors
from announcements.models import Announcement, AnnouncementStatus
from announcements.sending import (
    preview_announcement,
    schedule_announcement,
    send_announcement,
    write_announcement,
)
from cities.doors import rule_required
from cohorts.models import Cohort


@rule_required("is_program_staff", obj=None)
@require_http_methods(["GET", "POST"])
def announcement_list(request, slug):
    """A cohort's announcements with what became of them; POST writes a new draft."""
    cohort = get_object_or_404(Cohort, slug=slug)
    form = AnnouncementForm(request.POST or None, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            announcement = write_announcement(
                cohort=cohort, author=request.user, texts=form.texts(),
                audience=data["audience"], cities=list(data["cities"]),
                required=data["required"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Announcement saved. Preview it, then send or "
                                        "schedule it."))
            return redirect("staff:announcement", slug=cohort.slug,
                            announcement_id=announcement.pk)
    announcements = with_counts(cohort.announcements.all()).order_by("-created_at", "-pk")
    return render(request, "announcements/list.html", {
        "cohort": cohort, "announcements": announcements, "form": form,
    }, status=400 if form.errors else 200)


def _act(request, announcement, schedule_form):
    """Send now or schedule, per the POST's ``action``; a message, or None with errors."""
    if request.POST.get("action") == "send":
        if send_announcement(announcement=announcement) is None:
            return _("This announcement was sent already.")
        return _("Announcement sent.")
    if not schedule_form.is_valid():
        return None
    send_at = schedule_form.send_at()
    if send_at is None:
        return None
    try:
        schedule_announcement(announcement=announcement, send_at=send_at)
    except ValidationError as error:
        if hasattr(error, "error_dict") and "send_at" in error.error_dict:
            error = ValidationError({"date": error.error_dict["send_at"]})
        apply_errors(schedule_form, error)
        return None
    return _("Announcement scheduled.")


@rule_required("is_program_staff", obj=None)
@require_http_methods(["GET", "POST"])
def announcement_detail(request, slug, announcement_id):
    """One announcement: preview it as one of its audience, send it now or schedule it,
    and, once sent, what became of it for each person."""
    announcement = get_object_or_404(
        Announcement.objects.select_related("cohort"), pk=announcement_id, cohort__slug=slug)
    cohort = announcement.cohort
    schedule_form = ScheduleForm(request.POST if request.method == "POST" else None,
                                 zone_name=cohort.time_zone)
    if request.method == "POST":
        if announcement.status == AnnouncementStatus.SENT:
            messages.info(request, _("This announcement was sent already."))
            return redirect("staff:announcement", slug=slug, announcement_id=announcement.pk)
        done = _act(request, announcement, schedule_form)
        if done is not None:
            messages.success(request, done)
            return redirect("staff:announcement", slug=slug, announcement_id=announcement.pk)
    sent = announcement.status == AnnouncementStatus.SENT
    people = [] if sent else audience_of(announcement, day=cohort_day(cohort))
    preview_form = PreviewForm(request.GET or None, people=people)
    chosen = preview_form.cleaned_data.get("person") if preview_form.is_valid() else None
    person = next((p for p in people if p.user.pk == chosen), people[0] if people else None)
    return render(request, "announcements/detail.html", {
        "cohort": cohort, "announcement": announcement, "people": people,
        "person": person, "preview_form": preview_form, "schedule_form": schedule_form,
        "preview": preview_announcement(announcement=announcement, user=person.user)
        if person else None,
        "deliveries": deliveries_of(announcement) if sent else [],
    }, status=400 if schedule_form.errors else 200)
