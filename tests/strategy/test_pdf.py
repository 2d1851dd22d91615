"""The strategy PDF, rendered by the Celery task with WeasyPrint and read back with pypdf."""

import io

import pytest
from django.core.management import call_command
from django_scopes import scope, scopes_disabled
from pypdf import PdfReader

from strategy import pdf
from strategy.models import DocumentStatus, StrategyDocument
from strategy.review import approve_strategy
from strategy.tasks import render_strategy_pdf


def _read(document):
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        from cities.models import City
        from strategy.models import Strategy

        city = City.objects.get(slug="riverton")
        strategy = Strategy.objects.get(city=city)
    with scope(city=city):
        yield strategy


def test_the_demo_strategy_pdf_has_every_section_and_after_approval_the_approval(demo):
    strategy = demo
    document_id = render_strategy_pdf.apply(args=(strategy.pk, "full", "en")).get()
    document = StrategyDocument.objects.get(pk=document_id)
    assert document.status == DocumentStatus.READY
    reader, text = _read(document)

    assert reader.metadata.title == "Riverton three-year data strategy"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Riverton" in text
    for title in ("Contents", "Vision and priorities", "Data governance", "Data quality",
                  "Data use", "Transparency", "Roadmap", "Metrics", "Approval"):
        assert title in text, title
    # The roadmap's picture carries the initiatives' titles and the years.
    assert "Year 1" in text and "Year 3" in text
    assert "Adopt a citywide data policy by executive order" in text
    assert "Departments with a named data steward" in text
    assert "Not approved yet." in text
    assert "1 / " in text  # page numbers

    from accounts.models import User

    mayor = User.objects.get(email="mayor@riverton.demo.test")
    approve_strategy(strategy=strategy, user=mayor)
    approved_id = render_strategy_pdf.apply(args=(strategy.pk, "full", "en")).get()
    assert approved_id != document_id
    _reader, approved_text = _read(StrategyDocument.objects.get(pk=approved_id))
    assert "Approved by Mayor Morgan Reyes on" in approved_text
    assert "Not approved yet." not in approved_text


def test_the_mayors_brief_fits_on_one_page(demo):
    document_id = render_strategy_pdf.apply(args=(demo.pk, "brief", "en")).get()
    reader, text = _read(StrategyDocument.objects.get(pk=document_id))
    assert len(reader.pages) == 1
    assert "Mayor's brief" in text and "Top initiatives for year one" in text
    assert "Monthly RiverStat performance reviews" in text
    assert "Key metrics" in text


def test_an_unchanged_strategy_is_not_rendered_again(demo, monkeypatch):
    calls = []
    real = pdf.write_pdf
    monkeypatch.setattr(pdf, "write_pdf", lambda html: calls.append(1) or real(html))
    first = render_strategy_pdf.apply(args=(demo.pk, "brief", "en")).get()
    second = render_strategy_pdf.apply(args=(demo.pk, "brief", "en")).get()
    assert first == second
    assert len(calls) == 1
    # A change to the content makes a new document.
    demo.vision = "A new vision"
    demo.save()
    third = render_strategy_pdf.apply(args=(demo.pk, "brief", "en")).get()
    assert third != first and len(calls) == 2


def test_a_failure_is_recorded_on_the_document_and_can_be_retried(
        demo, monkeypatch, django_capture_on_commit_callbacks):
    def broken(html):
        raise OSError("fonts are missing")

    monkeypatch.setattr(pdf, "write_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        document = pdf.request_document(strategy=demo, kind="full", language="en")
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert "fonts are missing" in document.error

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        again = pdf.request_document(strategy=demo, kind="full", language="en", retry=True)
    again.refresh_from_db()
    assert again.pk == document.pk
    assert again.status == DocumentStatus.READY and again.error == ""


def test_a_document_whose_file_went_missing_is_rendered_again(
        demo, django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    document = StrategyDocument.objects.get(
        pk=render_strategy_pdf.apply(args=(demo.pk, "brief", "en")).get())
    default_storage.delete(document.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        again = pdf.request_document(strategy=demo, kind="brief", language="en")
    again.refresh_from_db()
    assert again.pk == document.pk and again.status == DocumentStatus.READY
    assert default_storage.exists(again.file.name)
