"""Program content the strategy builder ships (the default template's components, guidance,
maturity rubric and the default title) is shown in the reader's language, and in the PDF in
the document language; words staff or a city typed stay as typed. A city's documents come
in the city's language (Lakeside, Mexico: Spanish) until its team chooses another."""

import importlib
import io

import pytest
from django.apps import apps as django_apps
from django.test import Client
from django.utils import translation
from django_scopes import scope, scopes_disabled
from pypdf import PdfReader

from cities.language import city_language, language_for_country
from strategy.admin import TemplateComponentForm
from strategy.defaults import COMPONENTS, shipped_english
from strategy.models import DocumentKind, StrategyTemplate, TemplateComponent
from strategy.pdf import choose_document_language, document_language, request_document
from strategy.review import submit_for_review
from strategy.snapshot import load_strategy, snapshot_strategy

pytestmark = pytest.mark.django_db

GOVERNANCE = {c["key"]: c for c in COMPONENTS}["governance"]


def _page(user, path, language):
    user.language = language
    user.save(update_fields=["language"])
    client = Client()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def _pdf_text(strategy, kind, callbacks):
    with callbacks(execute=True):
        document = request_document(strategy=strategy, kind=kind)
    document.refresh_from_db()
    assert document.status == "ready", document.error
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return reader, text


def _english_in(text):
    """The shipped English texts (whole, or a line of several words) found in ``text``."""
    found = []
    for english in shipped_english():
        for line in english.splitlines():
            line = " ".join(line.split())
            if len(line.split()) >= 2 and line in text:
                found.append(line)
    return found


@pytest.mark.parametrize("language, title, rubric, guidance", [
    ("es", "Gobernanza de datos", "Algunos líderes impulsan los datos",
     "Describan el liderazgo, las políticas"),
    ("pt-br", "Governança de dados", "Alguns líderes defendem os dados",
     "Descrevam a liderança, as políticas"),
])
def test_the_component_step_shows_the_shipped_template_in_the_readers_language(
    team, language, title, rubric, guidance
):
    html = _page(team.cdo, "/c/riverbend/strategy/step/component-governance/", language)
    for expected in (title, rubric, guidance):
        assert expected in html, expected
    assert not _english_in(html), _english_in(html)
    vision = _page(team.cdo, "/c/riverbend/strategy/step/vision/", language)
    assert not _english_in(vision), _english_in(vision)


def test_the_same_strategy_reads_in_english_for_an_english_reader(team):
    html = _page(team.cdo, "/c/riverbend/strategy/step/component-governance/", "en")
    assert GOVERNANCE["title"] in html and GOVERNANCE["rubric"][1] in html
    read = _page(team.cdo, "/c/riverbend/strategy/read/", "en")
    assert "Riverbend three-year data strategy" in read


def test_the_default_title_follows_the_reader_and_a_typed_title_stays(team):
    assert _page(team.cdo, "/c/riverbend/strategy/read/", "es").count(
        "Estrategia de datos a tres años de Riverbend") >= 1
    with scope(city=team.city):
        team.strategy.title = "Riverbend decide con datos"
        team.strategy.save(update_fields=["title"])
    for language in ("en", "pt-br"):
        assert "Riverbend decide con datos" in _page(team.cdo, "/c/riverbend/strategy/read/",
                                                     language)


def test_text_staff_typed_in_the_admin_stays_as_typed_in_every_language(team):
    component = TemplateComponent.objects.get(template=team.strategy.template, key="governance")
    component.title = "Gobierno de los datos municipales"
    component.rubric_2 = "Our own words for level two."
    component.save()
    for language in ("en", "es", "pt-br"):
        html = _page(team.cdo, "/c/riverbend/strategy/step/component-governance/", language)
        assert "Gobierno de los datos municipales" in html
        assert "Our own words for level two." in html


def test_the_admin_stores_the_shipped_text_as_shipped_in_any_language():
    component = TemplateComponent.objects.get(template__is_default=True, key="governance")
    with translation.override("es"):
        spanish_rubric = translation.gettext(GOVERNANCE["rubric"][0])
    form = TemplateComponentForm(instance=component, data={
        "key": "governance", "order": 1, "title": GOVERNANCE["title"],
        "rubric_1": spanish_rubric, "guidance": "Typed by staff.",
    })
    assert form.is_valid(), form.errors
    saved = form.save()
    assert (saved.title, saved.rubric_1, saved.guidance) == ("", "", "Typed by staff.")


def test_a_frozen_version_shows_the_shipped_texts_in_the_readers_language(team):
    with scope(city=team.city), translation.override("en"):
        version = submit_for_review(strategy=team.strategy, user=team.cdo)
    assert version.snapshot["components"][0]["title"] == GOVERNANCE["title"]
    html = _page(team.mayor, f"/c/riverbend/strategy/versions/{version.number}/", "es")
    assert "Gobernanza de datos" in html and "Estrategia de datos a tres años" in html
    assert GOVERNANCE["title"] not in html


def test_a_citys_language_follows_its_country_unless_set():
    assert language_for_country("México") == "es"
    assert language_for_country(" colombia ") == "es"
    assert language_for_country("Brasil") == "pt-br"
    assert language_for_country("United States") == "en"
    from cities.models import City

    assert city_language(City(country="Brazil", language="en")) == "en"


def test_lakeside_in_mexico_gets_its_pdf_in_spanish_without_english_program_content(
    team, django_capture_on_commit_callbacks
):
    with scopes_disabled():
        team.city.country = "MX"
        team.city.save()
    with scope(city=team.city), translation.override("en"):
        assert document_language(team.strategy) == "es"
        reader, text = _pdf_text(team.strategy, DocumentKind.FULL,
                                 django_capture_on_commit_callbacks)
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert "Gobernanza de datos" in text and "Transparencia" in text
    assert "Estrategia de datos a tres años de Riverbend" in text
    assert not _english_in(text), _english_in(text)


def test_the_portuguese_pdf_and_brief_have_no_english_program_content(
    team, django_capture_on_commit_callbacks
):
    with scope(city=team.city):
        plan = team.strategy.components.get(key="governance")
        plan.current_maturity = 2
        plan.save()
        choose_document_language(strategy=team.strategy, user=team.cdo, language="pt-br")
        _reader, text = _pdf_text(team.strategy, DocumentKind.FULL,
                                  django_capture_on_commit_callbacks)
        _reader, brief = _pdf_text(team.strategy, DocumentKind.BRIEF,
                                   django_capture_on_commit_callbacks)
    assert "Governança de dados" in text and "Alguns líderes defendem os dados" in text
    assert not _english_in(text), _english_in(text)
    assert not _english_in(brief), _english_in(brief)


def test_the_migration_forgets_shipped_english_kept_in_rows_and_keeps_edits(team):
    migration = importlib.import_module(
        "strategy.migrations.0004_shipped_texts_in_the_readers_language")
    component = TemplateComponent.objects.get(template=team.strategy.template, key="quality")
    quality = {c["key"]: c for c in COMPONENTS}["quality"]
    component.title, component.rubric_1 = quality["title"], quality["rubric"][0]
    component.guidance = "Our own guidance."
    component.save()
    with scopes_disabled():
        team.strategy.title = "Riverbend three-year data strategy"  # as the old code stored it
        team.strategy.save(update_fields=["title"])
    StrategyTemplate.objects.filter(pk=team.strategy.template_id).update(
        vision_guidance="Say in two or three sentences what residents will notice in three "
        "years because the city uses data well. Then list the three to five priorities for "
        "resident impact the strategy serves (housing, safety, health, mobility…): each "
        "initiative should advance one.")
    migration.forget_shipped_text(django_apps, None)
    component.refresh_from_db()
    assert (component.title, component.rubric_1, component.guidance) == (
        "", "", "Our own guidance.")
    assert StrategyTemplate.objects.get(pk=team.strategy.template_id).vision_guidance == ""
    with scopes_disabled():
        team.strategy.refresh_from_db()
        assert team.strategy.title == ""
        with translation.override("es"):
            snapshot = snapshot_strategy(strategy=load_strategy(strategy_id=team.strategy.pk))
    assert snapshot["title"] == "Estrategia de datos a tres años de Riverbend"
