"""The practice library (``/library/``): published showcases of every cohort, read-only.

Open to everyone taking part (team members, coaches, staff). It looks across cities, so
each view runs with scopes explicitly disabled and reads only published showcases.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django_scopes import scopes_disabled

from cities.doors import rule_required
from showcases import library
from showcases.forms import LibraryFilterForm
from showcases.models import Evidence, EvidenceKind
from showcases.views import serve_evidence_file

PAGE_SIZE = 20

library_required = rule_required("can_view_library", obj=None)


@library_required
def library_list(request):
    """Search and filter the published showcases."""
    with scopes_disabled():
        form = LibraryFilterForm(request.GET or None, countries=library.library_countries())
        filters = form.cleaned_data if form.is_valid() else {}
        showcases = library.search_library(
            query=filters.get("q", ""), practice_type=filters.get("practice_type", ""),
            pillar=filters.get("pillar", ""), size_band=filters.get("size_band", ""),
            country=filters.get("country", ""),
        )
        page = Paginator(showcases, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(request, "showcases/library.html", {
            "form": form, "page": page, "querystring": query.urlencode(),
        })


@library_required
def library_detail(request, pk):
    """One published showcase, with its evidence (no feedback, no conversation)."""
    with scopes_disabled():
        showcase = library.published_showcases().select_related("city", "round").filter(
            pk=pk
        ).first()
        if showcase is None:
            raise Http404
        evidence = list(Evidence.objects.filter(showcase=showcase))
        band = library.size_band_of(showcase.city.population)[1]
        return render(request, "showcases/library_detail.html", {
            "showcase": showcase, "evidence": evidence, "size_band": band,
            "EvidenceKind": EvidenceKind,
        })


@library_required
def library_evidence(request, pk, evidence_id):
    """A file of a published showcase (404 once the city withdraws its consent)."""
    return serve_evidence_file(library.published_evidence(showcase_id=pk, evidence_id=evidence_id))
