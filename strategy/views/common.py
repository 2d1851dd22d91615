"""Helpers shared by the strategy's views."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from caching.data_versions import city_version
from caching.versioned_cache import cached_many
from cities.doors import allows, rule_required
from strategy.editing import current_strategy
from strategy.models import Comment, Strategy
from strategy.progress import percent_complete, strategy_progress
from strategy.snapshot import (
    load_strategy,
    parts_of,
    snapshot_strategy,
    snapshots_of,
    with_parts,
)


def door(rule, *, found=None, methods=None):
    """The door of a strategy page: ``rule`` about the request's city (``cities.doors``).

    ``found(request, **url_kwargs)`` first answers 404 for what the URL names, before the
    rule is asked (a page about nothing is not found, whoever asks).
    """

    def the_city(request, **kwargs):
        if found is not None:
            found(request, **kwargs)
        return request.city

    return rule_required(rule, obj=the_city, methods=methods)


def once(request, key, fetch):
    """``fetch()`` once per request (the door and the view ask for the same object)."""
    if key not in request.__dict__:
        request.__dict__[key] = fetch()
    return request.__dict__[key]


def strategy_or_404(request, **kwargs):
    def fetch():
        strategy = current_strategy(city=request.city)
        if strategy is None:
            raise Http404
        return strategy

    return once(request, "_strategy", fetch)


def current_loaded_strategy(request):
    """The city's current strategy already loaded for :func:`strategy_context` (the same row
    as ``current_strategy``, with its parts), or ``None``: a page that shows the snapshot
    loads the strategy once, not twice."""
    return with_parts(Strategy.objects.filter(city=request.city)).first()


def loaded_strategy_or_404(request):
    strategy = current_loaded_strategy(request)
    if strategy is None:
        raise Http404
    return strategy


def kept_parts(city_id):
    """:func:`strategy.snapshot.parts_of` for strategies of the city ``city_id``, each kept
    until **that city's** data version changes: plans, initiatives and metrics are the
    city's own records (nothing shared: no title, no template, no person)."""

    def parts(strategy_ids):
        if not strategy_ids:
            return {}
        return cached_many(
            {pk: (f"strategy:parts:1:{city_id}:{pk}", [city_version(city_id)])
             for pk in strategy_ids},
            compute=lambda missing: _each(parts_of(missing), missing),
        )

    return parts


def _each(found, strategy_ids):
    """``{pk: found.get(pk, [])}`` for each of ``strategy_ids``."""
    return {pk: found.get(pk, []) for pk in strategy_ids}


def pictured_strategy_or_404(request):
    """``(strategy, snapshot)``: the city's current strategy (as ``current_strategy`` finds
    it) and its snapshot read as plain rows (:func:`strategy.snapshot.snapshots_of`, no
    model per initiative or metric; its plans kept per city, :func:`kept_parts`), or 404."""
    pictures = snapshots_of(strategies=Strategy.objects.filter(city=request.city)[:1],
                            parts=kept_parts(request.city.pk))
    if not pictures:
        raise Http404
    return pictures[0]


def url(name, request, **kwargs):
    return reverse(f"strategy:{name}", kwargs={"city": request.city.slug, **kwargs})


def step_url(request, slug):
    return url("step", request, step=slug)


def safe_next(request, default):
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()},
                                                  require_https=request.is_secure()):
        return redirect(target)
    return redirect(default)


def permissions(request):
    user, city = request.user, request.city
    return {
        name: allows(f"can_{name}_strategy", user, city)
        for name in ("edit", "submit", "review", "comment", "track")
    }


def strategy_context(request, strategy, snapshot=None):
    """What every builder and reading page needs: the snapshot, the steps and permissions.

    ``snapshot``, when given, is ``strategy``'s already (:func:`pictured_strategy_or_404`)."""
    if snapshot is None:
        parts = getattr(strategy, "_prefetched_objects_cache", {})
        loaded = strategy if "components" in parts else load_strategy(strategy_id=strategy.pk)
        snapshot = snapshot_strategy(strategy=loaded)
    else:
        loaded = strategy
    steps = strategy_progress(snapshot=snapshot)
    return {
        "city": request.city, "strategy": loaded, "snapshot": snapshot, "steps": steps,
        "percent": percent_complete(steps), "can": permissions(request),
        "editable": loaded.state in ("drafting", "changes_requested"),
    }


def section_comments(strategy, section):
    return list(
        Comment.objects.filter(strategy=strategy, section=section)
        .select_related("author", "resolved_by").order_by("created_at", "pk")
    )


def comments_by_section(strategy):
    grouped = {}
    for comment in (Comment.objects.filter(strategy=strategy)
                    .select_related("author", "resolved_by").order_by("created_at", "pk")):
        grouped.setdefault(comment.section, []).append(comment)
    return grouped
