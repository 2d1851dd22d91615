"""The guided builder: one step per part, progress, saves that never overwrite silently."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from caching.page_cache import cache_page_per_person
from cities.doors import allows
from common.inputs import InputError, load_json
from strategy import editing
from strategy.companions import beside_maturity
from strategy.defaults import readable_component, readable_template
from strategy.forms import (
    ComponentForm,
    InitiativeForm,
    MetricForm,
    VisionForm,
    apply_errors,
)
from strategy.models import Frequency, Initiative, Metric, StrategyVersion
from strategy.roadmap import roadmap_svg, roadmap_table
from strategy.views.common import (
    current_loaded_strategy,
    door,
    once,
    section_comments,
    step_url,
    strategy_context,
    strategy_or_404,
    url,
)


@cache_page_per_person()
def overview(request, city):
    """The builder's start: progress per step, or a button to start the strategy."""
    strategy = current_loaded_strategy(request)
    if strategy is None:
        return render(request, "strategy/overview.html", {
            "city": request.city, "strategy": None,
            "can_start": allows("can_edit_strategy", request.user, request.city),
        })
    context = strategy_context(request, strategy)
    context["latest_version"] = (
        StrategyVersion.objects.filter(strategy=strategy).order_by("-number").first()
    )
    return render(request, "strategy/overview.html", context)


@require_POST
@door("can_edit_strategy")
def start(request, city):
    try:
        editing.start_strategy(city=request.city, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(url("overview", request))
    return redirect(step_url(request, "vision"))


def _step(context, slug):
    for index, step in enumerate(context["steps"]):
        if step.slug == slug:
            steps = context["steps"]
            return step, (steps[index - 1] if index else None), (
                steps[index + 1] if index + 1 < len(steps) else None)
    raise Http404


def _component(context, slug):
    key = slug.removeprefix("component-")
    snapshot_component = next(c for c in context["snapshot"]["components"] if c["key"] == key)
    template_component = next(
        (c for c in context["strategy"].template.components.all() if c.key == key), None)
    return snapshot_component, template_component and readable_component(template_component)


def _section_initial(strategy, slug):
    if slug == "vision":
        return {"vision": strategy.vision, "priorities": strategy.priorities}
    key = slug.removeprefix("component-")
    plan = next(p for p in strategy.components.all() if p.key == key)
    return {"current_maturity": str(plan.current_maturity or ""),
            "current_state": plan.current_state, "target_state": plan.target_state,
            "goals": plan.goals}


def render_step(request, strategy, slug, *, form=None, add_form=None, conflict=None,
                status=200, add_component=None):
    """Render builder step ``slug`` (bound forms and a conflict are kept when given)."""
    context = strategy_context(request, strategy)
    step, previous, following = _step(context, slug)
    loaded = context["strategy"]
    context.update(step=step, previous=previous, following=following, conflict=conflict,
                   comments=section_comments(loaded, slug), section=slug,
                   add_component=add_component)
    context["guidance"] = readable_template(loaded.template)
    revision = {"revision": loaded.revision}
    if slug == "vision" or slug.startswith("component-"):
        form_class = VisionForm if slug == "vision" else ComponentForm
        context["form"] = form or form_class(initial={**_section_initial(loaded, slug),
                                                      **revision})
    if slug.startswith("component-"):
        context["component"], context["template_component"] = _component(context, slug)
        context["beside_maturity"] = beside_maturity(city=request.city).get(
            slug.removeprefix("component-"), [])
        context["add_form"] = add_form or InitiativeForm(initial=revision,
                                                         auto_id="new-initiative-%s")
        template = "strategy/step_component.html"
    elif slug == "vision":
        template = "strategy/step_vision.html"
    elif slug == "roadmap":
        context["roadmap_svg"] = roadmap_svg(context["snapshot"])
        context["roadmap_rows"] = roadmap_table(context["snapshot"])
        template = "strategy/step_roadmap.html"
    elif slug == "metrics":
        context["add_form"] = add_form or MetricForm(initial=revision, auto_id="new-metric-%s")
        context["frequency_choices"] = Frequency.choices
        template = "strategy/step_metrics.html"
    else:
        context["versions"] = list(
            StrategyVersion.objects.filter(strategy=loaded)
            .select_related("submitted_by", "decided_by").order_by("-number")
        )
        template = "strategy/step_review.html"
    return render(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
@door("can_edit_strategy", found=strategy_or_404, methods=("POST",))
def step(request, city, step):
    """One step of the builder. POST saves the section (vision or a component)."""
    strategy = strategy_or_404(request)
    if request.method == "GET":
        return render_step(request, strategy, step)
    if step != "vision" and not step.startswith("component-"):
        raise Http404
    form_class = VisionForm if step == "vision" else ComponentForm
    form = form_class(request.POST)
    if not form.is_valid():
        return render_step(request, strategy, step, form=form, status=400)
    try:
        editing.update_section(strategy=strategy, section=step, data=form.cleaned_data,
                               expected_revision=form.cleaned_data["revision"],
                               user=request.user)
    except editing.ConflictError as conflict:
        data = request.POST.copy()
        data["revision"] = conflict.revision  # saving again keeps the user's text, knowingly
        return render_step(request, strategy, step, form=form_class(data), conflict=conflict,
                           status=409)
    except ValidationError as error:
        return render_step(request, strategy, step, form=apply_errors(form, error), status=400)
    messages.success(request, _("Saved at %(time)s.") % {
        "time": formats.time_format(timezone.localtime(), "TIME_FORMAT")})
    target = request.POST.get("then")
    if target == "next":
        context_steps = [s.slug for s in strategy_context(request, strategy)["steps"]]
        index = context_steps.index(step)
        if index + 1 < len(context_steps):
            return redirect(step_url(request, context_steps[index + 1]))
    return redirect(step_url(request, step))


@require_POST
@door("can_edit_strategy")
def autosave(request, city):
    """JSON autosave of a section: {section, revision, fields} → the new revision, or 409
    with both versions when somebody else changed the section meanwhile."""
    strategy = strategy_or_404(request)
    try:
        if request.content_type == "application/json":
            payload = load_json(request.body or b"{}")
        else:  # a plain form post works too
            payload = {"section": request.POST.get("section"),
                       "revision": request.POST.get("revision"),
                       "fields": {k: v for k, v in request.POST.items()
                                  if k not in ("section", "revision", "csrfmiddlewaretoken")}}
        section, fields = payload["section"], payload.get("fields") or {}
        if not section:
            raise KeyError("section")
        if not isinstance(fields, dict):
            raise TypeError
    except InputError as error:
        return JsonResponse({"detail": str(error)}, status=400)
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"detail": _("Send JSON with section, revision and fields.")},
                            status=400)
    try:
        saved = editing.update_section(strategy=strategy, section=str(section), data=fields,
                                       expected_revision=payload.get("revision"),
                                       user=request.user)
    except editing.ConflictError as conflict:
        return JsonResponse(conflict.as_dict(), status=409)
    except ValidationError as error:
        return JsonResponse({"errors": error.message_dict}, status=400)
    saved_at = formats.time_format(timezone.localtime(), "TIME_FORMAT")
    return JsonResponse({"revision": saved.revision, "saved_at": saved_at,
                         "message": _("Saved at %(time)s.") % {"time": saved_at}})


@require_POST
@door("can_edit_strategy")
def initiative_add(request, city, component):
    """Add an initiative to a component's plan."""
    strategy = strategy_or_404(request)
    slug = f"component-{component}"
    form = InitiativeForm(request.POST, auto_id="new-initiative-%s")
    if not form.is_valid():
        return render_step(request, strategy, slug, add_form=form, status=400)
    try:
        editing.save_initiative(strategy=strategy, data=form.cleaned_data,
                                expected_revision=form.cleaned_data["revision"],
                                user=request.user, component_key=component)
    except ValidationError as error:
        return render_step(request, strategy, slug, add_form=apply_errors(form, error),
                           status=400)
    messages.success(request, _("Initiative “%(title)s” added.") % {
        "title": form.cleaned_data["title"]})
    return redirect(step_url(request, slug) + "#initiatives")


def _edit_object(request, *, obj, form_class, initial, save, delete_url, template, slug):
    strategy = strategy_or_404(request)
    context = {"city": request.city, "strategy": strategy, "object": obj, "back": slug,
               "delete_url": delete_url}
    if request.method == "GET":
        context["form"] = form_class(initial={**initial, "revision": strategy.revision})
        return render(request, template, context)
    form = form_class(request.POST)
    status = 400
    if form.is_valid():
        try:
            save(strategy, form.cleaned_data)
        except editing.ConflictError as conflict:
            data = request.POST.copy()
            data["revision"] = conflict.revision
            form, context["conflict"], status = form_class(data), conflict, 409
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(step_url(request, slug))
    context["form"] = form
    return render(request, template, context, status=status)


def _initiative(request, pk, **kwargs):
    return once(request, "_initiative", lambda: get_object_or_404(
        Initiative.objects.select_related("component"), pk=pk))


def _metric(request, pk, **kwargs):
    return once(request, "_metric", lambda: get_object_or_404(
        Metric.objects.select_related("component"), pk=pk))


@require_http_methods(["GET", "POST"])
@door("can_edit_strategy", found=_initiative)
def initiative_edit(request, city, pk):
    initiative = _initiative(request, pk)
    initial = {f: getattr(initiative, f) for f in editing.INITIATIVE_FIELDS}
    initial["quarters"] = [str(q) for q in initiative.quarters]
    initial["year"] = str(initiative.year)

    def save(strategy, data):
        editing.save_initiative(strategy=strategy, data=data, initiative=initiative,
                                expected_revision=data["revision"], user=request.user)

    return _edit_object(
        request, obj=initiative, form_class=InitiativeForm, initial=initial, save=save,
        delete_url=url("initiative_delete", request, pk=pk),
        template="strategy/initiative_form.html",
        slug=f"component-{initiative.component.key}",
    )


@require_http_methods(["GET", "POST"])
@door("can_edit_strategy", found=_metric)
def metric_edit(request, city, pk):
    metric = _metric(request, pk)
    initial = {f: getattr(metric, f) for f in editing.METRIC_FIELDS}

    def save(strategy, data):
        editing.save_metric(strategy=strategy, data=data, metric=metric,
                            expected_revision=data["revision"], user=request.user)

    return _edit_object(
        request, obj=metric, form_class=MetricForm, initial=initial, save=save,
        delete_url=url("metric_delete", request, pk=pk), template="strategy/metric_form.html",
        slug="metrics",
    )


@require_POST
@door("can_edit_strategy")
def metric_add(request, city, component):
    strategy = strategy_or_404(request)
    form = MetricForm(request.POST, auto_id="new-metric-%s")
    if not form.is_valid():
        return render_step(request, strategy, "metrics", add_form=form, status=400,
                           add_component=component)
    try:
        editing.save_metric(strategy=strategy, data=form.cleaned_data,
                            expected_revision=form.cleaned_data["revision"],
                            user=request.user, component_key=component)
    except ValidationError as error:
        return render_step(request, strategy, "metrics", add_form=apply_errors(form, error),
                           status=400, add_component=component)
    messages.success(request, _("Metric “%(name)s” added.") % {"name": form.cleaned_data["name"]})
    return redirect(step_url(request, "metrics"))


def _delete(request, *, obj, delete, slug):
    strategy = strategy_or_404(request)
    try:
        delete(strategy=strategy, expected_revision=request.POST.get("revision"),
               user=request.user)
    except editing.ConflictError:
        messages.error(request, _("Someone changed this while you were looking at it; "
                                  "nothing was deleted. Check their changes first."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(name)s” removed.") % {"name": obj})
    return redirect(step_url(request, slug))


@require_POST
@door("can_edit_strategy", found=_initiative)
def initiative_delete(request, city, pk):
    initiative = _initiative(request, pk)
    return _delete(request, obj=initiative, slug=f"component-{initiative.component.key}",
                   delete=lambda **kw: editing.delete_initiative(initiative=initiative, **kw))


@require_POST
@door("can_edit_strategy", found=_metric)
def metric_delete(request, city, pk):
    metric = _metric(request, pk)
    return _delete(request, obj=metric, slug="metrics",
                   delete=lambda **kw: editing.delete_metric(metric=metric, **kw))
