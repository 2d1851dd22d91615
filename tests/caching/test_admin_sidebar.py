"""The admin's navigation sidebar is kept per person (caching/templatetags/admin_sidebar.py):
it lists what the person may see, marks the page's model, and a change of permissions shows
at the next request."""

import pytest
from django.contrib.admin import AdminSite
from django.contrib.auth.models import Permission

from caching.data_versions import ALL
from caching.versioned_cache import bump
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


def test_a_page_whose_sidebar_is_kept_does_not_build_the_list_of_models(
        client, monkeypatch):
    """``available_apps`` is built only when the sidebar is drawn (common/admin_site.py):
    a list of models no template reads costs a permission check and two addresses per
    model on every admin page."""
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    built = []
    original = AdminSite.get_app_list

    def counting(self, request, app_label=None):
        built.append(app_label)
        return original(self, request, app_label)

    monkeypatch.setattr(AdminSite, "get_app_list", counting)
    drawn = _sidebar(client.get("/admin/cities/application/"))
    assert built == [None] and CHECKINS in drawn  # drawn once, from the list
    bump(ALL)  # the page is rendered afresh; who may see what has not changed
    assert _sidebar(client.get("/admin/cities/application/")) == drawn
    assert built == [None]
    assert CHECKINS in client.get("/admin/").content.decode()  # the index reads its own list
