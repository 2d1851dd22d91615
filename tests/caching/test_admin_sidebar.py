"""The admin's navigation sidebar is kept per person (caching/templatetags/admin_sidebar.py):
it lists what the person may see, marks the page's model, and a change of permissions shows
at the next request."""

import pytest
from django.contrib.auth.models import Permission

from tests import factories

pytestmark = pytest.mark.django_db

CHECKINS = 'href="/admin/coaching/checkin/"'


def _sidebar(response):
    html = response.content.decode()
    start = html.index('<nav class="sticky" id="nav-sidebar"')
    return html[start:html.index("</nav>", start)]


def test_the_sidebar_follows_the_persons_permissions(client):
    staff = factories.UserFactory(is_staff=True)
    staff.user_permissions.add(*Permission.objects.filter(
        codename__in=["view_application", "view_checkin"]))
    client.force_login(staff)
    response = client.get("/admin/cities/application/")
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    first = _sidebar(response)
    assert CHECKINS in first
    assert 'class="model-application current-model"' in first
    assert _sidebar(client.get("/admin/cities/application/")) == first
    on_checkins = _sidebar(client.get("/admin/coaching/checkin/"))
    assert 'class="model-checkin current-model"' in on_checkins

    staff.user_permissions.remove(Permission.objects.get(codename="view_checkin"))
    assert CHECKINS not in _sidebar(client.get("/admin/cities/application/"))
