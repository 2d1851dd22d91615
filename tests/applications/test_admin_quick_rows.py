"""The admin's quick rows (common/admin_rows.py) are Django's own: the applications,
check-ins and action items changelists rendered through the quick path and through Django's
``items_for_result`` (``quick_rows = False``) are the same HTML, CSRF token aside, in
English, Spanish and Brazilian Portuguese, sorted, filtered, searched and as a popup."""

import datetime
import re

import pytest
from django.contrib import admin
from django.utils import translation
from django_countries.filters import CountryFilter

from applications.models import Application
from caching.data_versions import ALL
from caching.versioned_cache import bump
from coaching.models import ActionItem, CheckIn
from common.admin_lists import PresentCountryFilter
from common.templatetags import admin_rows
from tests import factories

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
NASTY = '<b>&"'


@pytest.fixture
def applications(no_scope):
    """Rows with escaped text, empty values, both booleans, dates and large numbers."""
    cohort = factories.OpenCohortFactory(name=f"Cohort {NASTY}")
    submitted = datetime.datetime(2025, 3, 4, 23, 5, tzinfo=datetime.UTC)
    factories.ApplicationFactory(
        cohort=cohort, city_name=f"Town {NASTY}", region=NASTY, country="BR",
        population=1_234_567, eligible=True, submitted_at=submitted, state="submitted",
        score_data_foundations=4, score_leadership=5, score_team=3)
    factories.ApplicationFactory(
        cohort=cohort, city_name="Quiet", region="", country="", population=None,
        eligible=False, submitted_at=None)
    factories.ApplicationFactory(
        cohort=factories.OpenCohortFactory(), city_name="   ", region="  ", country="MX",
        population=0, eligible=False, submitted_at=submitted + datetime.timedelta(days=200))
    factories.CheckInFactory(summary=NASTY)
    factories.CheckInFactory()
    factories.ActionItemFactory(title=f"Item {NASTY}")
    factories.ActionItemFactory()


def both_ways(client, url, model, monkeypatch):
    """``url`` rendered afresh through the quick rows, then through Django's own."""
    model_admin = admin.site._registry[model]
    calls = []
    quick_rows = admin_rows.quick_rows
    monkeypatch.setattr(admin_rows, "quick_rows", lambda cl: calls.append(cl) or quick_rows(cl))
    pages = []
    for quick in (True, False):
        monkeypatch.setattr(model_admin, "quick_rows", quick, raising=False)
        bump(ALL)
        response = client.get(url)
        assert response.status_code == 200
        pages.append(CSRF.sub("", response.content.decode()))
        assert len(calls) == (1 if "_popup" not in url else 0)
    return pages


@pytest.mark.parametrize("language,zone", [
    ("en", "America/New_York"), ("es", "America/Mexico_City"), ("pt-br", "America/Sao_Paulo"),
])
@pytest.mark.parametrize("url,model", [
    ("/admin/cities/application/", Application),
    ("/admin/cities/application/?o=-9.2&eligible=no", Application),
    ("/admin/cities/application/?o=4&q=Town", Application),
    ("/admin/cities/application/?_popup=1&_to_field=id", Application),
    ("/admin/coaching/checkin/", CheckIn),
    ("/admin/coaching/checkin/?o=-2", CheckIn),
    ("/admin/coaching/actionitem/?o=4", ActionItem),
])
def test_the_quick_rows_are_djangos_rows(
        language, zone, url, model, client, applications, monkeypatch):
    client.force_login(factories.UserFactory(
        is_staff=True, is_superuser=True, language=language, time_zone=zone))
    quick, django = both_ways(client, url, model, monkeypatch)
    assert quick == django
    if model is Application and "q=" not in url and "eligible=no" not in url:
        assert "Town &lt;b&gt;&amp;&quot;" in quick
        assert "icon-yes" in quick and "icon-no" in quick
        assert ">1234567</td>" in quick and ">0</td>" in quick  # no thousand separator set
        # 23:05 UTC in the reader's zone and language
        assert {"en": "March 4, 2025, 6:05 p.m.", "es": "4 de marzo de 2025 a las 17:05",
                "pt-br": "4 de Março de 2025 às 20:05"}[language] in quick


def test_the_country_names_follow_the_language(no_scope):
    application = factories.ApplicationFactory(country="BR", city_name="Ipe")
    with translation.override("en"):
        assert "(Brazil)" in str(application)
    with translation.override("es"):
        assert "(Brasil)" in str(application)
    with translation.override("en"):
        assert "(Brazil)" in str(application)


@pytest.mark.parametrize("language", ["en", "es", "pt-br"])
def test_the_country_filter_lists_what_django_countries_lists(language, rf, applications):
    factories.ApplicationFactory(country="DE")
    model_admin = admin.site._registry[Application]
    request = rf.get("/admin/cities/application/")
    request.user = factories.UserFactory(is_staff=True, is_superuser=True)
    changelist = model_admin.get_changelist_instance(request)
    field = Application._meta.get_field("country")
    with translation.override(language):
        lists = [
            list(kind(field, request, {}, Application, model_admin, "country")
                 .choices(changelist))
            for kind in (PresentCountryFilter, CountryFilter)
        ]
    assert lists[0] == lists[1]
    assert [choice["display"] for choice in lists[0]][1:] == {
        "en": ["Brazil", "Germany", "Mexico"],
        "es": ["Alemania", "Brasil", "México"],
        "pt-br": ["Alemanha", "Brasil", "México"],
    }[language]
