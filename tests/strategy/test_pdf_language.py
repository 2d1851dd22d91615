"""The strategy PDF comes in the language the team chose, and is a tagged PDF (PDF/UA-1):
title and language in its metadata, headings in its structure tree. The cohort report too."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation
from django_scopes import scope, scopes_disabled
from pypdf import PdfReader

from accounts.models import User
from strategy.editing import start_strategy
from strategy.models import DocumentKind, StrategyDocument
from strategy.pdf import choose_document_language, document_language, request_document
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def riverton(db):
    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        from strategy.models import Strategy

        strategy = Strategy.objects.select_related("city").get(city__slug="riverton")
    with scope(city=strategy.city):
        yield strategy


def _user(email):
    return User.objects.get(email=email)


def _structure_types(node, found):
    """Every /S (structure type) under ``node`` of a PDF structure tree."""
    node = node.get_object()
    if "/S" in node:
        found.append(str(node["/S"]))
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict):
            _structure_types(kid, found)
    return found


def _read(document):
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return reader, text


def _document(strategy, kind, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = request_document(strategy=strategy, kind=kind)
    document.refresh_from_db()
    assert document.status == "ready", document.error
    return document


def test_the_team_chooses_spanish_and_an_english_reader_gets_the_pdf_in_spanish(
    riverton, django_capture_on_commit_callbacks
):
    choose_document_language(strategy=riverton, user=_user("cdo@riverton.demo.test"), language="es")
    with translation.override("en"):
        document = _document(riverton, DocumentKind.FULL, django_capture_on_commit_callbacks)
    reader, text = _read(document)

    root = reader.trailer["/Root"]
    assert root["/Lang"] == "es"
    # Nobody typed a title: the shipped one, in the document's language.
    assert reader.metadata.title == "Estrategia de datos a tres años de Riverton"
    assert root["/MarkInfo"] == {"/Marked": True}
    kinds = _structure_types(root["/StructTreeRoot"], [])
    assert "/H1" in kinds and "/H2" in kinds and "/Table" in kinds
    for spanish in ("Contenido", "Hoja de ruta", "Aún no aprobada."):
        assert spanish in text, spanish
    assert "Contents" not in text and "Not approved yet." not in text
    # Content people wrote stays as written.
    assert "Adopt a citywide data policy by executive order" in text


def test_the_brief_follows_the_same_choice_in_portuguese(
    riverton, django_capture_on_commit_callbacks
):
    choose_document_language(
        strategy=riverton, user=_user("cdo@riverton.demo.test"), language="pt-br"
    )
    document = _document(riverton, DocumentKind.BRIEF, django_capture_on_commit_callbacks)
    reader, text = _read(document)
    assert reader.trailer["/Root"]["/Lang"] == "pt-br"
    assert "/H1" in _structure_types(reader.trailer["/Root"]["/StructTreeRoot"], [])
    assert "Principais iniciativas do primeiro ano" in text and "Métricas principais" in text
    assert "Key metrics" not in text


def test_each_language_is_its_own_document(riverton, django_capture_on_commit_callbacks):
    cdo = _user("cdo@riverton.demo.test")
    choose_document_language(strategy=riverton, user=cdo, language="en")
    english = _document(riverton, DocumentKind.BRIEF, django_capture_on_commit_callbacks)
    choose_document_language(strategy=riverton, user=cdo, language="es")
    spanish = _document(riverton, DocumentKind.BRIEF, django_capture_on_commit_callbacks)
    assert english.pk != spanish.pk and english.content_hash != spanish.content_hash
    assert StrategyDocument.objects.filter(strategy=riverton, kind="brief").count() == 2


def test_only_the_senior_team_chooses_and_only_offered_languages(riverton, client):
    # Who chooses is asked at the door (cities.doors): the mayor is refused there.
    client.force_login(_user("mayor@riverton.demo.test"))
    response = client.post("/c/riverton/strategy/documents/language/",
                           {"kind": "brief", "language": "es"})
    assert response.status_code == 403
    with pytest.raises(ValidationError):
        choose_document_language(
            strategy=riverton, user=_user("cdo@riverton.demo.test"), language="fr"
        )
    riverton.refresh_from_db()
    assert riverton.document_language != "es"


def test_a_strategy_starts_with_its_citys_language_whoever_started_it(db):
    with scopes_disabled():
        enrollment = factories.EnrollmentFactory(city__country="BR")
        member = factories.MembershipFactory(city=enrollment.city).user
    with scope(city=enrollment.city), translation.override("es"):
        strategy = start_strategy(city=enrollment.city, user=member)
    assert strategy.document_language == ""  # nobody chose: it follows the city
    assert document_language(strategy) == "pt-br"
    strategy.city.language = "en"
    assert document_language(strategy) == "en"


def test_the_pdf_page_offers_the_choice_to_the_team_and_says_it_to_the_mayor(
    riverton, client, django_capture_on_commit_callbacks
):
    client.force_login(_user("cdo@riverton.demo.test"))
    page = client.get("/c/riverton/strategy/pdf/", HTTP_ACCEPT_LANGUAGE="en")
    assert 'id="document-language"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            "/c/riverton/strategy/documents/language/", {"kind": "brief", "language": "es"}
        )
    assert answer.status_code == 302 and answer["Location"].endswith("/strategy/brief/")
    riverton.refresh_from_db()
    assert riverton.document_language == "es"

    client.force_login(_user("mayor@riverton.demo.test"))
    page = client.get("/c/riverton/strategy/pdf/", HTTP_ACCEPT_LANGUAGE="en")
    assert "The PDF is in Spanish, the language the city" in page.content.decode()
    assert 'id="document-language"' not in page.content.decode()


def test_the_cohort_report_is_a_tagged_pdf(client, django_capture_on_commit_callbacks):
    call_command("seed_demo", verbosity=0)
    client.force_login(factories.UserFactory(is_staff=True, language="es"))
    with django_capture_on_commit_callbacks(execute=True):
        client.get("/staff/cohorts/demo-cohort/report/")
    download = client.get("/staff/cohorts/demo-cohort/report/?download=1")
    reader = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"] == {"/Marked": True}
    assert root["/Lang"] == "es"
    assert reader.metadata.title.startswith("Informe")
    assert {"/H1", "/H2", "/Table"} <= set(_structure_types(root["/StructTreeRoot"], []))
