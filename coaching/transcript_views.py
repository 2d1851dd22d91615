"""``/c/<city>/coaching/import/…``: the coach turns a call's transcript into a check-in.

Upload (the transcript is kept, private, for the retention period), review the drafted
check-in (keep, edit or drop each proposal), confirm (the check-in, its action items and
requests to the mayor are created by the domain functions), or delete the transcript.
The city's coach and program staff only (``can_import_transcript``, at the door); another
city's transcript is not found (the tenant scope).
"""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities.doors import rule_required
from cities.people import members_of
from coaching import actions, checkins
from coaching.forms import CheckInForm
from coaching.models import CallTranscript, CoachAssignment
from coaching.transcript_forms import (
    DraftedActionForm,
    DraftedDecisionForm,
    TranscriptUploadForm,
    row_count,
)
from coaching.transcript_import import (
    ItemsRefused,
    confirm_transcript_checkin,
    discard_transcript,
    draft_from,
    retention_days,
    upload_transcript,
)
from coaching.transcripts import parse_transcript

LISTED = 20


def _upload_url(city):
    return reverse("coaching:transcript_upload", kwargs={"city": city.slug})


def _transcript(request, pk):
    return get_object_or_404(CallTranscript.objects.select_related("city", "checkin"), pk=pk)


@rule_required("can_import_transcript")
def transcript_upload(request, city):
    """Upload a call's transcript; list the city's transcripts still kept."""
    city = request.city
    form = TranscriptUploadForm()
    if request.method == "POST":
        form = TranscriptUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                transcript = upload_transcript(
                    city=city, by=request.user, file_name=form.cleaned_data["file"].name,
                    data=form.file_bytes(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(transcript.get_absolute_url())
    kept = CallTranscript.objects.filter(city=city).select_related("uploaded_by")[:LISTED]
    return render(request, "coaching/transcript_upload.html", {
        "city": city, "form": form, "transcripts": kept,
        "retention_days": retention_days(), "has_errors": bool(form.errors),
    })


def _members(city):
    return members_of(city).order_by("name", "email")


def _first_view(city, draft, members, owners):
    """The forms as the draft fills them in."""
    assignment = CoachAssignment.objects.filter(enrollment__city=city).order_by(
        "-is_primary").first()
    cadence = assignment.cadence_days if assignment else 14
    initial = checkins.new_checkin_defaults(city=city)
    initial.update({
        "duration_minutes": draft.duration_minutes, "attendees": draft.attendee_ids,
        "next_checkin_on": timezone.localdate() + timedelta(days=cadence),
    })
    if draft.happened_at is not None:
        initial["happened_at"] = draft.happened_at
    form = CheckInForm(initial=initial, city=city, members=members)
    action_forms = [
        DraftedActionForm(initial={"keep": True, "title": item.title, "owner": item.owner_id,
                                   "due_on": item.due_on},
                          owners=owners, prefix=f"action-{n}")
        for n, item in enumerate(draft.action_items)
    ]
    decision_forms = [
        DraftedDecisionForm(initial={"keep": True, "question": item.question,
                                     "deadline": item.deadline}, prefix=f"decision-{n}")
        for n, item in enumerate(draft.decisions)
    ]
    return form, action_forms, decision_forms


def _posted(request, city, members, owners):
    data = request.POST
    form = CheckInForm(data, city=city, members=members)
    action_forms = [DraftedActionForm(data, owners=owners, prefix=f"action-{n}")
                    for n in range(row_count(data, "action_count"))]
    decision_forms = [DraftedDecisionForm(data, prefix=f"decision-{n}")
                      for n in range(row_count(data, "decision_count"))]
    return form, action_forms, decision_forms


def _confirm(request, transcript, form, action_forms, decision_forms):
    """Validate the kept rows and confirm; return the check-in, or None (errors on forms)."""
    kept_actions = [row for row in action_forms if row.is_kept()]
    kept_decisions = [row for row in decision_forms if row.is_kept()]
    valid = [form.is_valid(), *(row.is_valid() for row in kept_actions + kept_decisions)]
    if not all(valid):
        return None
    values, attendee_ids = form.domain_values()
    try:
        return confirm_transcript_checkin(
            transcript=transcript, by=request.user, values=values, attendee_ids=attendee_ids,
            action_items=[row.domain_values() for row in kept_actions],
            decisions=[row.domain_values() for row in kept_decisions],
        )
    except ItemsRefused as refused:
        rows = {"action": kept_actions, "decision": kept_decisions}
        for key, error in refused.by_item.items():
            kind, index = key.split("-")
            rows[kind][int(index)].add_error(None, error)
    except ValidationError as error:
        form.add_error(None, error)
    return None


@rule_required("can_import_transcript")
def transcript_review(request, city, pk):
    """The drafted check-in: the coach keeps, edits or drops each proposal, then confirms."""
    city = request.city
    transcript = _transcript(request, pk)
    if transcript.checkin is not None:
        if request.method == "POST":  # a second confirmation (another tab): refused
            messages.error(request, _("A check-in was already saved from this transcript."))
        return render(request, "coaching/transcript_review.html", {
            "city": city, "transcript": transcript, "done": True,
            "retention_days": retention_days(),
        })
    draft = draft_from(transcript=transcript)
    members, owners = _members(city), actions.possible_owners(city=city)
    if request.method == "POST":
        form, action_forms, decision_forms = _posted(request, city, members, owners)
        checkin = _confirm(request, transcript, form, action_forms, decision_forms)
        if checkin is not None:
            messages.success(request, _("Check-in logged from the transcript."))
            return redirect(reverse("coaching:page", kwargs={"city": city.slug}))
    else:
        form, action_forms, decision_forms = _first_view(city, draft, members, owners)
    form.fields["attendees"].help_text = _(
        "Ticked: the speakers matched to the city's team. Untick anyone who did not attend; "
        "each ticked person is credited the check-in's length in training hours.")
    rows = [*action_forms, *decision_forms]
    _kind, cues = parse_transcript(file_name=transcript.file_name, text=transcript.text)
    return render(request, "coaching/transcript_review.html", {
        "city": city, "transcript": transcript, "draft": draft, "cues": cues,
        "form": form, "action_forms": action_forms, "decision_forms": decision_forms,
        "rows": rows, "has_errors": bool(form.errors) or any(row.errors for row in rows),
        "retention_days": retention_days(),
    })


@require_POST
@rule_required("can_import_transcript")
def transcript_delete(request, city, pk):
    """Delete a transcript now rather than at the end of its retention."""
    transcript = _transcript(request, pk)
    discard_transcript(transcript=transcript)
    messages.success(request, _("The transcript was deleted."))
    return redirect(_upload_url(request.city))
