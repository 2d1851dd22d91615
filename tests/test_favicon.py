"""The site has an icon: ``/favicon.ico`` answers (it was 404 on every page) and every page,
the admin's too, names it with ``<link rel="icon">``."""

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_an_icon():
    response = Client().get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico")
    with open(finders.find("favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file


@pytest.mark.parametrize("url", ["/", "/apply/", "/accounts/login/", "/admin/login/"])
def test_pages_link_the_icon(url):
    page = Client().get(url).content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page


def test_admin_pages_link_the_icon():
    client = Client()
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    assert 'rel="icon"' in client.get("/admin/cities/city/add/").content.decode()
