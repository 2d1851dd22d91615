"""The practice library: showcases a city agreed to share and staff approved.

A showcase is published when its city consents *and* staff approve. Withdrawing consent
unpublishes it at once. The library looks across cities, so its queries run with scopes
explicitly disabled and only ever return published showcases.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

from cities.people import program_staff, senior_team_of
from cities.places import country_code
from showcases.models import Evidence, EvidenceKind, Showcase, State
from showcases.workflow import _save, _tell

PUBLISHABLE_STATES = {State.ACCEPTED, State.PRESENTED}

# City size bands by population: (key, label, lower bound inclusive, upper bound exclusive)
SIZE_BANDS = [
    ("under_250k", gettext_lazy("Under 250,000"), 0, 250_000),
    ("250k_500k", gettext_lazy("250,000 – 500,000"), 250_000, 500_000),
    ("500k_1m", gettext_lazy("500,000 – 1 million"), 500_000, 1_000_000),
    ("over_1m", gettext_lazy("Over 1 million"), 1_000_000, None),
]


@transaction.atomic
def opt_in_publication(*, showcase, by):
    """The city agrees to share the showcase in the library; staff are asked to approve."""
    if showcase.publication_consent:
        return showcase
    _save(showcase, "publication consent given", publication_consent=True)
    _tell("publication_requested", list(program_staff()), showcase, by=by,
          link=reverse("staff_showcases:home"))
    return showcase


@transaction.atomic
def approve_publication(*, showcase, by):
    """Staff publish a showcase the city agreed to share (accepted or presented only)."""
    if not showcase.publication_consent:
        raise ValidationError({"publication_consent": _(
            "The city has not agreed to share this showcase."
        )})
    if showcase.state not in PUBLISHABLE_STATES:
        raise ValidationError({"state": _(
            "Only an accepted or presented showcase can be published."
        )})
    if showcase.is_published:
        return showcase
    _save(showcase, "published", published_at=timezone.now(), publication_approved_by=by)
    _tell("published", list(senior_team_of(showcase.city)), showcase, by=by)
    return showcase


@transaction.atomic
def withdraw_publication(*, showcase, by):
    """The city withdraws its consent: the showcase leaves the library at once."""
    was_published = showcase.is_published
    _save(showcase, "publication consent withdrawn", publication_consent=False,
          published_at=None, publication_approved_by=None)
    if was_published:
        _tell("publication_withdrawn", list(program_staff()), showcase, by=by,
              link=reverse("staff_showcases:home"))
    return showcase


def size_band_of(population):
    for key, label, low, high in SIZE_BANDS:
        if population is not None and population >= low and (high is None or population < high):
            return key, label
    return None, ""


def published_showcases():
    """Every published showcase, across cities (scopes disabled on purpose)."""
    with scopes_disabled():
        return Showcase.objects.filter(published_at__isnull=False, publication_consent=True)


def search_library(*, query="", practice_type="", pillar="", size_band="", country=""):
    """Published showcases matching the words of ``query`` and the filters, newest first."""
    showcases = published_showcases().select_related("city", "round__cohort")
    for word in (query or "").split()[:10]:
        showcases = showcases.filter(
            Q(title__icontains=word) | Q(what_changed__icontains=word)
            | Q(impact__icontains=word) | Q(sustainment_how__icontains=word)
            | Q(city__name__icontains=word)
        )
    if practice_type:
        showcases = showcases.filter(practice_type=practice_type)
    if pillar:
        showcases = showcases.filter(pillar=pillar)
    if country:
        showcases = showcases.filter(city__country=country_code(country) or country)
    for key, _label, low, high in SIZE_BANDS:
        if size_band == key:
            showcases = showcases.filter(city__population__gte=low)
            if high is not None:
                showcases = showcases.filter(city__population__lt=high)
    return showcases.order_by("-published_at", "-pk")


def library_countries():
    return list(
        published_showcases().values_list("city__country", flat=True)
        .distinct().order_by("city__country")
    )


def published_evidence(*, showcase_id, evidence_id):
    """A file of a published showcase, or None (the library's downloads use this)."""
    with scopes_disabled():
        return Evidence.objects.filter(
            pk=evidence_id, showcase_id=showcase_id, kind=EvidenceKind.FILE,
            showcase__published_at__isnull=False, showcase__publication_consent=True,
        ).first()
