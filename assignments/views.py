"""Portal pages of a city's curriculum and the assignments it hands in
(``/c/<city>/curriculum/…``).

The tenancy middleware already resolved the city, checked access (404 otherwise) and
entered its scope; these views read, call a domain function and render. The door names the
rule of each page (``assignments/rules.py``).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assignments import attachments as attachment_domain
from assignments import handing_in
from assignments.forms import AttachmentForm, DraftForm, ReviewForm, add_errors
from assignments.models import Attachment, AttachmentKind, State
from assignments.progress import city_curriculum
from caching.page_cache import cache_page_per_person
from cities.doors import allows, rule_required
from curriculum.models import Assignment


@require_GET
@cache_page_per_person()
def curriculum(request, city):
    """The three pillars, their modules (objectives, materials, the sessions that teach
    them) and each module's assignments with what the team has done, per pillar."""
    return render(request, "assignments/curriculum.html", {
        "city": request.city, "pillars": city_curriculum(city=request.city),
    })


def _assignment(pk):
    return get_object_or_404(Assignment.objects.select_related("module__pillar"), pk=pk)


def _context(request, assignment, **forms):
    city = request.city
    submission = handing_in.submission_of(city=city, assignment=assignment)
    revisions, attachments = [], []
    if submission is not None:
        revisions = list(
            submission.revisions.select_related("submitted_by", "reviewed_by")
            .prefetch_related(Prefetch("attachments",
                                       queryset=Attachment.objects.order_by("created_at", "pk")))
            .order_by("-number")
        )
        attachments = list(submission.attachments.filter(removed_at__isnull=True))
    state = submission.state if submission else None
    can_hand_in = allows("can_hand_in_assignment", request.user, city)
    can_review = allows("can_review_assignment", request.user, city)
    editable = state in (None, *handing_in.EDITABLE_STATES)
    attachment_form = forms.get("attachment_form") or AttachmentForm()
    review_form = forms.get("review_form") or ReviewForm()
    return {
        "city": city, "assignment": assignment, "module": assignment.module,
        "submission": submission, "revisions": revisions, "attachments": attachments,
        "editable": editable, "can_hand_in": can_hand_in and editable,
        "can_review": can_review and state == State.SUBMITTED,
        "draft_form": forms.get("draft_form") or DraftForm(
            initial={"text": submission.text if submission else ""}),
        "attachment_form": attachment_form, "review_form": review_form,
        "error_forms": [attachment_form, review_form],
        "action_errors": forms.get("action_errors", []),
    }


def _refuse(request, assignment, **forms):
    """The page again with the messages where the input was typed; nothing changed."""
    return render(request, "assignments/assignment.html",
                  _context(request, assignment, **forms), status=400)


@require_http_methods(["GET", "POST"])
@rule_required("can_hand_in_assignment", methods=("POST",))
def assignment_page(request, city, pk):
    """One assignment: its instructions, the team's draft (saved here), its files and
    links, and every revision sent with the coach's review."""
    assignment = _assignment(pk)
    if request.method == "POST":
        form = DraftForm(request.POST)
        if form.is_valid():
            try:
                handing_in.save_draft(city=request.city, assignment=assignment,
                                      by=request.user, text=form.cleaned_data["text"])
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Draft saved."))
                return redirect(request.path)
        return _refuse(request, assignment, draft_form=form)
    return render(request, "assignments/assignment.html", _context(request, assignment))


@require_POST
@rule_required("can_hand_in_assignment")
def attachment_add(request, city, pk):
    assignment = _assignment(pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment_domain.attach(
                city=request.city, assignment=assignment, by=request.user,
                upload=form.cleaned_data["file"], url=form.cleaned_data["url"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Added to the assignment."))
            return redirect("assignments:assignment", city=request.city.slug, pk=pk)
    return _refuse(request, assignment, attachment_form=form)


def _attachment(pk, attachment_id):
    return get_object_or_404(
        Attachment.objects.select_related("submission"), pk=attachment_id,
        submission__assignment_id=pk,
    )


@require_GET
@rule_required("can_view_assignments")
def attachment_download(request, city, pk, attachment_id):
    """A file handed in, as a download: never rendered inline, never sniffed."""
    attachment = _attachment(pk, attachment_id)
    if attachment.kind != AttachmentKind.FILE or not attachment.file:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name or "file",
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@rule_required("can_hand_in_assignment")
def attachment_remove(request, city, pk, attachment_id):
    attachment = _attachment(pk, attachment_id)
    try:
        attachment_domain.remove_attachment(attachment=attachment, by=request.user)
    except ValidationError as error:
        return _refuse(request, _assignment(pk), action_errors=_texts(error))
    messages.success(request, _("Removed from the draft."))
    return redirect("assignments:assignment", city=request.city.slug, pk=pk)


def _texts(error):
    return [text for texts in error.message_dict.values() for text in texts]


@require_POST
@rule_required("can_hand_in_assignment")
def assignment_submit(request, city, pk):
    """Send the draft to the coach (a new revision)."""
    assignment = _assignment(pk)
    submission = handing_in.submission_of(city=request.city, assignment=assignment)
    try:
        if submission is None:
            raise ValidationError({"text": _(
                "Write what the team did, or add a file or a link, before you submit.")})
        handing_in.submit_assignment(submission=submission, by=request.user)
    except ValidationError as error:
        return _refuse(request, assignment, action_errors=_texts(error))
    messages.success(request, _("Submitted. Your coach has been told."))
    return redirect("assignments:assignment", city=request.city.slug, pk=pk)


@require_POST
@rule_required("can_review_assignment")
def assignment_review(request, city, pk):
    """The coach accepts the submitted revision or asks for another, with a comment."""
    assignment = _assignment(pk)
    submission = handing_in.submission_of(city=request.city, assignment=assignment)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            if submission is None:
                raise ValidationError({"decision": _(
                    "Only a submitted assignment can be reviewed.")})
            handing_in.review_submission(submission=submission, by=request.user,
                                         **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Review sent to the team."))
            return redirect("assignments:assignment", city=request.city.slug, pk=pk)
    return _refuse(request, assignment, review_form=form)

