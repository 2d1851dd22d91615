"""Portal pages of a city's showcases (``/c/<city>/showcases/…``).

The tenancy middleware already resolved the city, checked access (404 otherwise) and
entered its scope; these views read, call a domain function and render. Permission
refusals inside a visible city are 403; anything of another city is 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caching.page_cache import cache_page_per_person
from cities.doors import allows, rule_required
from showcases import evidence as evidence_domain
from showcases import library, workflow
from showcases.forms import EvidenceForm, FeedbackForm, MessageForm, ShowcaseForm, add_errors
from showcases.models import Evidence, EvidenceKind, Showcase, ShowcaseRound, ShowcaseSlot


def _showcase(request, pk):
    """The showcase of the URL (404 if none), fetched once per request."""
    if "_showcase" not in request.__dict__:
        request._showcase = get_object_or_404(
            Showcase.objects.select_related("city", "round"), pk=pk)
    return request._showcase


def _showcase_city(request, pk, **kwargs):
    """The object of the door's rule: the showcase's city (404 first for no such showcase)."""
    return _showcase(request, pk).city


def _door(rule):
    """The door of a page about one showcase: ``rule`` about the showcase's city."""
    return rule_required(rule, obj=_showcase_city)


def _permissions(user, city):
    names = ["can_draft_showcase", "can_give_showcase_feedback", "can_discuss_showcase",
             "can_present_showcase", "can_consent_to_publication"]
    return {name: allows(name, user, city) for name in names}


def serve_evidence_file(evidence):
    """The file as a download: never rendered inline, never sniffed as another type."""
    if evidence is None or evidence.kind != EvidenceKind.FILE or not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name or evidence.file.name,
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@cache_page_per_person()
def showcase_list(request, city):
    """The city's showcases with their state, and the rounds' deadlines."""
    city = request.city
    showcases = (
        Showcase.objects.select_related("round")
        .annotate(evidence_count=Count("evidence"))
        .order_by("-updated_at", "-pk")
    )
    rounds = ShowcaseRound.objects.filter(cohort__enrollments__city=city).order_by(
        "submission_deadline"
    )
    return render(request, "showcases/list.html", {
        "city": city, "showcases": showcases, "rounds": rounds,
        "perms": _permissions(request.user, city),
    })


def _edit(request, showcase=None):
    city = request.city
    if showcase is not None and showcase.state not in workflow.EDITABLE_STATES:
        messages.warning(request, _("This showcase is with the coach; you can edit it once "
                                    "feedback is given."))
        return redirect(showcase)
    form = ShowcaseForm(request.POST or None, instance=showcase, city=city)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in workflow.DRAFT_FIELDS}
        try:
            saved = workflow.save_draft(city=city, by=request.user, fields=fields,
                                        showcase=showcase)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Draft saved."))
            return redirect(saved)
    return render(request, "showcases/form.html", {
        "city": city, "form": form, "showcase": showcase,
    }, status=400 if form.errors else 200)


@rule_required("can_draft_showcase")
def showcase_new(request, city):
    return _edit(request)


@_door("can_draft_showcase")
def showcase_edit(request, city, pk):
    return _edit(request, _showcase(request, pk))


def _detail_context(request, showcase):
    city = request.city
    perms = _permissions(request.user, city)
    slot = ShowcaseSlot.objects.filter(showcase=showcase).select_related("session").first()
    return {
        "city": city, "showcase": showcase, "perms": perms, "slot": slot,
        "evidence": showcase.evidence.all(),
        "feedback": showcase.feedback.select_related("coach"),
        "conversation": showcase.messages.select_related("author"),
        "editable": showcase.state in workflow.EDITABLE_STATES,
        "message_form": MessageForm(),
        "evidence_form": EvidenceForm(),
        "feedback_form": FeedbackForm(),
    }


def showcase_detail(request, city, pk):
    """One showcase: what it is, its evidence, feedback, conversation and the next steps."""
    showcase = _showcase(request, pk)
    return render(request, "showcases/detail.html", _detail_context(request, showcase))


def _refuse(request, showcase, error, **forms):
    """Re-render the detail page with the domain's messages, nothing changed."""
    context = _detail_context(request, showcase) | forms
    context["action_errors"] = [
        (Showcase._meta.get_field(name).verbose_name if name in _field_names() else "", text)
        for name, texts in error.message_dict.items() for text in texts
    ]
    return render(request, "showcases/detail.html", context, status=400)


def _field_names():
    return {f.name for f in Showcase._meta.concrete_fields}


def _transition(request, pk, function, done):
    showcase = _showcase(request, pk)
    try:
        function(showcase=showcase, by=request.user)
    except ValidationError as error:
        return _refuse(request, showcase, error)
    messages.success(request, done)
    return redirect(showcase)


@require_POST
@_door("can_draft_showcase")
def showcase_submit(request, city, pk):
    return _transition(request, pk, workflow.submit_showcase,
                       _("Submitted. Your coach has been told."))


@require_POST
@_door("can_draft_showcase")
def showcase_resubmit(request, city, pk):
    return _transition(request, pk, workflow.resubmit,
                       _("Resubmitted. Your coach has been told."))


@require_POST
@_door("can_give_showcase_feedback")
def showcase_accept(request, city, pk):
    return _transition(request, pk, workflow.accept_showcase,
                       _("Accepted. The team has been told."))


@require_POST
@_door("can_present_showcase")
def showcase_present(request, city, pk):
    return _transition(request, pk, workflow.present_showcase, _("Marked as presented."))


@_door("can_give_showcase_feedback")
def showcase_feedback(request, city, pk):
    """The coach's structured feedback form (and, with the box ticked, a revision request)."""
    showcase = _showcase(request, pk)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.give_feedback(showcase=showcase, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Feedback sent to the team."))
            return redirect(showcase)
    return render(request, "showcases/feedback_form.html", {
        "city": request.city, "showcase": showcase, "form": form,
    }, status=400 if form.errors else 200)


@require_POST
@_door("can_discuss_showcase")
def showcase_message(request, city, pk):
    showcase = _showcase(request, pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            workflow.post_message(showcase=showcase, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect(showcase.get_absolute_url() + "#conversation")
    context = _detail_context(request, showcase) | {"message_form": form}
    return render(request, "showcases/detail.html", context, status=400)


@require_POST
@_door("can_consent_to_publication")
def showcase_publication(request, city, pk):
    """The city agrees to share the showcase in the library, or withdraws its consent."""
    showcase = _showcase(request, pk)
    action = request.POST.get("action")
    if action == "opt_in":
        library.opt_in_publication(showcase=showcase, by=request.user)
        messages.success(request, _("Thank you. Program staff will review it for the library."))
    elif action == "withdraw":
        library.withdraw_publication(showcase=showcase, by=request.user)
        messages.success(request, _("Consent withdrawn: the showcase is not in the library."))
    else:
        return _refuse(request, showcase, ValidationError(
            {"publication_consent": _("Choose to share the showcase or to withdraw.")}
        ))
    return redirect(showcase)


@_door("can_draft_showcase")
def evidence_add(request, city, pk):
    """Add a file (checked by its content) or a link to a showcase."""
    showcase = _showcase(request, pk)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            evidence_domain.attach_evidence(
                showcase=showcase, by=request.user, upload=form.cleaned_data["file"],
                url=form.cleaned_data["url"], title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Evidence added."))
            return redirect(showcase.get_absolute_url() + "#evidence")
    return render(request, "showcases/evidence_form.html", {
        "city": request.city, "showcase": showcase, "form": form,
    }, status=400 if form.errors else 200)


def evidence_download(request, city, pk, evidence_id):
    """A file of this city's showcase; any other city's file is simply not found."""
    evidence = get_object_or_404(Evidence, pk=evidence_id, showcase_id=pk)
    return serve_evidence_file(evidence)


@require_POST
@_door("can_draft_showcase")
def evidence_remove(request, city, pk, evidence_id):
    evidence = get_object_or_404(
        Evidence.objects.select_related("showcase__city"), pk=evidence_id, showcase_id=pk
    )
    try:
        evidence_domain.remove_evidence(evidence=evidence, by=request.user)
    except ValidationError as error:
        return _refuse(request, evidence.showcase, error)
    messages.success(request, _("Evidence removed."))
    return redirect(evidence.showcase.get_absolute_url() + "#evidence")
