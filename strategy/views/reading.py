"""Reading the strategy: the clean reading view, versions, diffs, comments and tracking."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from caching.page_cache import cache_page_per_person
from strategy import comments as comment_rules
from strategy import review
from strategy.diff import diff_snapshots
from strategy.editing import track_progress
from strategy.forms import CommentForm, DecisionForm
from strategy.models import Comment, InitiativeStatus, StrategyVersion
from strategy.roadmap import roadmap_svg, roadmap_table
from strategy.snapshot import in_reader_language
from strategy.views.common import (
    comments_by_section,
    door,
    once,
    permissions,
    pictured_strategy_or_404,
    safe_next,
    step_url,
    strategy_context,
    strategy_or_404,
    url,
)


def _reading(request, snapshot, context):
    context.update(
        snapshot=snapshot, roadmap_svg=roadmap_svg(snapshot), roadmap_rows=roadmap_table(snapshot),
    )
    return render(request, "strategy/read.html", context)


@cache_page_per_person()
def read(request, city):
    """The strategy as the mayor reads it, with the comments on each section."""
    strategy, snapshot = pictured_strategy_or_404(request)
    context = strategy_context(request, strategy, snapshot)
    context.update(
        comments=comments_by_section(strategy), version=None,
        waiting=review.waiting_version(strategy),
        decision_form=DecisionForm(),
    )
    return _reading(request, context["snapshot"], context)


def versions(request, city):
    strategy = strategy_or_404(request)
    rows = list(StrategyVersion.objects.filter(strategy=strategy)
                .select_related("submitted_by", "decided_by").order_by("-number"))
    return render(request, "strategy/versions.html", {
        "city": request.city, "strategy": strategy, "versions": rows,
    })


def version_read(request, city, number):
    """A frozen version, exactly as it was submitted."""
    strategy = strategy_or_404(request)
    version = get_object_or_404(
        StrategyVersion.objects.select_related("submitted_by", "decided_by"),
        strategy=strategy, number=number,
    )
    context = {"city": request.city, "strategy": strategy, "version": version,
               "can": permissions(request), "comments": {}}
    return _reading(request, in_reader_language(version.snapshot, strategy=strategy), context)


def version_diff(request, city, number):
    """What changed from the previous version to version ``number`` (or, with
    ``?to=current``, from version ``number`` to the current draft)."""
    strategy = strategy_or_404(request)
    version = get_object_or_404(StrategyVersion, strategy=strategy, number=number)
    if request.GET.get("to") == "current":
        old, new = version.snapshot, strategy_context(request, strategy)["snapshot"]
        old_label = _("Version %(n)s") % {"n": number}
        new_label = _("Current draft")
    else:
        previous = (StrategyVersion.objects.filter(strategy=strategy, number__lt=number)
                    .order_by("-number").first())
        old = previous.snapshot if previous else {"city": "", "vision": "", "priorities": [],
                                                  "components": []}
        old_label = (_("Version %(n)s") % {"n": previous.number}) if previous else _("Nothing")
        new, new_label = version.snapshot, _("Version %(n)s") % {"n": number}
    old = in_reader_language(old, strategy=strategy) if old["components"] else old
    new = in_reader_language(new, strategy=strategy)
    return render(request, "strategy/diff.html", {
        "city": request.city, "strategy": strategy, "version": version,
        "diffs": diff_snapshots(old=old, new=new), "old_label": old_label,
        "new_label": new_label,
    })


@require_POST
@door("can_comment_strategy", found=strategy_or_404)
def comment_add(request, city):
    strategy = strategy_or_404(request)
    form = CommentForm(request.POST)
    section = request.POST.get("section") or "general"
    if form.is_valid():
        try:
            comment_rules.comment_on_section(strategy=strategy, section=section,
                                             user=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Comment added."))
    else:
        messages.error(request, _("Write a comment first."))
    return safe_next(request, url("read", request))


def _comment(request, pk, **kwargs):
    return once(request, "_comment", lambda: get_object_or_404(
        Comment.objects.select_related("strategy__city"), pk=pk))


@require_POST
@door("can_comment_strategy", found=_comment)
def comment_resolve(request, city, pk):
    comment = _comment(request, pk)
    comment_rules.resolve_comment(comment=comment, user=request.user)
    messages.success(request, _("Comment resolved."))
    return safe_next(request, url("read", request))


@require_POST
@door("can_submit_strategy")
def submit(request, city):
    """The senior team sends the strategy to the mayor."""
    strategy = strategy_or_404(request)
    try:
        version = review.submit_for_review(strategy=strategy, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(step_url(request, "review"))
    messages.success(request, _("Version %(n)s is with the mayor for review.") % {
        "n": version.number})
    return redirect(step_url(request, "review"))


@require_POST
@door("can_review_strategy")
def decide(request, city):
    """The mayor approves, or requests changes with a comment."""
    strategy = strategy_or_404(request)
    form = DecisionForm(request.POST)
    if form.is_valid():
        decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
        try:
            if decision == "approve":
                review.approve_strategy(strategy=strategy, user=request.user, comment=comment)
                messages.success(request, _("You approved the strategy. Its PDF is being "
                                            "prepared."))
            else:
                review.request_changes(strategy=strategy, user=request.user, comment=comment)
                messages.success(request, _("The team has been asked for changes."))
            return redirect(url("read", request))
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
    context = strategy_context(request, strategy)
    context.update(comments=comments_by_section(strategy), version=None,
                   waiting=review.waiting_version(strategy), decision_form=form)
    response = _reading(request, context["snapshot"], context)
    response.status_code = 400
    return response


def status_summary(snapshot):
    """[(label, count)] of initiatives per status, in the order of the choices."""
    counts = {}
    for component in snapshot["components"]:
        for initiative in component["initiatives"]:
            counts[initiative["status"]] = counts.get(initiative["status"], 0) + 1
    return [(label, counts[value]) for value, label in InitiativeStatus.choices
            if counts.get(value)]


@require_http_methods(["GET", "POST"])
@door("can_track_strategy", found=strategy_or_404, methods=("POST",))
def tracking(request, city):
    """Post-program tracking: initiative status and metric actuals against the plan."""
    strategy = strategy_or_404(request)
    errors = {}
    if request.method == "POST":
        statuses = {key.removeprefix("status-"): value for key, value in request.POST.items()
                    if key.startswith("status-")}
        actuals = {}
        for key, value in request.POST.items():
            if key.startswith("actual_year_"):
                field, _sep, pk = key.rpartition("-")
                actuals.setdefault(pk, {})[field] = value
        try:
            changed = track_progress(strategy=strategy, statuses=statuses, actuals=actuals,
                                     user=request.user)
        except (ValidationError, ValueError) as error:
            errors = getattr(error, "message_dict", {"__all__": [_("Check the values.")]})
        else:
            messages.success(request, _("Progress saved (%(n)s changes).") % {"n": changed})
            return redirect(url("tracking", request))
    context = strategy_context(request, strategy)
    context["errors"] = errors
    context["status_choices"] = InitiativeStatus.choices
    context["status_summary"] = status_summary(context["snapshot"])
    return render(request, "strategy/tracking.html", context, status=400 if errors else 200)

