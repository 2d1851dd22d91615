"""The curriculum page, an assignment's page and the assignments API cost the same number
of queries with 3 or 30 modules (each with materials, sessions, assignments and what the
city handed in) and 1 or 10 revisions: no N+1."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from assignments.models import Attachment, Revision
from caching.data_versions import forget_data
from curriculum.models import Material
from tests import factories


def _fill(team, size):
    """``size`` modules across the pillars, each with a material, a session and two
    assignments; the city handed in one of them ``size // 3`` times (revisions with files)."""
    now = timezone.now().replace(microsecond=0, second=0, minute=0)
    slugs = ["data", "invest", "empower"]
    with scopes_disabled():
        for n in range(size):
            module = factories.ModuleFactory(pillar=factories.PillarFactory(slug=slugs[n % 3]))
            Material.objects.create(module=module, title=f"Guide {n}",
                                    url="https://example.test/guide")
            factories.SessionFactory(cohort=team.cohort, module=module,
                                     starts_at=now + datetime.timedelta(days=n))
            first = factories.AssignmentFactory(module=module)
            factories.AssignmentFactory(module=module)
            submission = factories.SubmissionFactory(city=team.city, assignment=first,
                                                     state="submitted")
            factories.SubmissionFactory(city=team.other, assignment=first, state="accepted")
            link = Attachment.objects.create(submission=submission, kind="link",
                                             url="https://example.test/work", title="Work")
            for number in range(1, max(size // 3, 1) + 1):
                revision = Revision.objects.create(
                    submission=submission, number=number, text="Done.",
                    submitted_by=team.cdo, decision="revise" if number > 1 else "",
                    reviewed_by=team.coach if number > 1 else None)
                revision.attachments.add(link)
    return first


PAGES = [
    ("curriculum", lambda t, a: f"/c/{t.city.slug}/curriculum/", 13),
    ("assignment", lambda t, a: f"/c/{t.city.slug}/curriculum/assignments/{a.pk}/", 12),
    ("api", lambda t, a: f"/api/v1/cities/{t.city.slug}/assignments/", 13),
]


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize(("name", "url", "queries"), PAGES, ids=[p[0] for p in PAGES])
def test_page_queries_do_not_grow(team, size, name, url, queries, django_assert_num_queries):
    assignment = _fill(team, size)
    client = Client()
    client.force_login(team.cdo)
    path = url(team, assignment)
    client.get(path)  # warm caches that are per process (content types, sites)
    forget_data(everything=True)  # render the page afresh: the page cache would answer

    with django_assert_num_queries(queries):
        response = client.get(path)

    assert response.status_code == 200
