"""The strategy PDF and the one-page mayor's brief.

The HTML is rendered from the same partial templates as the reading view; its SHA-256 (of
the HTML, the kind and the language) is the document's key, so an unchanged strategy is never
rendered twice. Both documents come in the strategy's ``document_language``, which the team
chooses (:func:`choose_document_language`); until they choose, it is the city's language
(Lakeside, Mexico: Spanish). All shipped program content in them (component names, rubric,
headings, the default title) comes in that language. The PDFs are
tagged (PDF/UA-1): title, language, headings, lists and tables in a structure tree.
WeasyPrint runs only in the Celery task (:mod:`strategy.tasks`), never inside a web request.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from caching.data_versions import forget_data
from cities.language import city_language
from common.task_hooks import TaskHook
from strategy.models import DocumentKind, DocumentStatus, StrategyDocument
from strategy.roadmap import roadmap_svg, roadmap_table
from strategy.snapshot import all_initiatives, load_strategy, snapshot_strategy

TEMPLATES = {DocumentKind.FULL: "strategy/pdf/full.html",
             DocumentKind.BRIEF: "strategy/pdf/brief.html"}
STALE_AFTER = timedelta(minutes=10)


def brief_facts(snapshot, *, limit=6):
    """Year-one initiatives and key metrics (first metric of each component) for the brief."""
    year_one = [(c, i) for c, i in all_initiatives(snapshot) if i["year"] == 1][:limit]
    metrics = [(c, c["metrics"][0]) for c in snapshot["components"] if c["metrics"]]
    return year_one, metrics


def document_language(strategy):
    """The language the strategy's documents are written in: the team's choice, else the
    city's (:func:`cities.language.city_language`)."""
    return strategy.document_language or city_language(strategy.city)


def choose_document_language(*, strategy, user, language):
    """The team chooses the language of the strategy's PDF and mayor's brief."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    strategy.document_language = language
    strategy.save(update_fields=["document_language"])
    return strategy


def render_html(*, strategy, kind, language=None):
    """(html, sha256) of the document ``kind`` for ``strategy`` in ``language``."""
    language = language or document_language(strategy)
    loaded = load_strategy(strategy_id=strategy.pk)
    # Pinned language and time zone: the same content gives the same HTML (and hash) in a
    # request and in the worker.
    with translation.override(language), timezone.override(loaded.city.time_zone):
        snapshot = snapshot_strategy(strategy=loaded)
        year_one, key_metrics = brief_facts(snapshot)
        html = render_to_string(TEMPLATES[kind], {
            "snapshot": snapshot, "strategy": loaded, "language": language,
            "roadmap_svg": roadmap_svg(snapshot, id_prefix="pdf-roadmap"),
            "roadmap_rows": roadmap_table(snapshot), "year_one": year_one,
            "key_metrics": key_metrics, "for_pdf": True,
        })
    digest = hashlib.sha256(f"{kind}\n{language}\n{html}".encode()).hexdigest()
    return html, digest


def storage_name(*, strategy, kind, digest):
    return f"strategy/{strategy.city.slug}/{kind}-{digest}.pdf"


# The Celery task that renders a document (``strategy/tasks.py`` registers it).
rendering = TaskHook("strategy.render_strategy_pdf")


def _enqueue(strategy, kind, language):
    # robust: a broker that is down must not turn the saved request into an error page; the
    # document stays pending and the team's "try again" queues it once it is stuck.
    rendering.delay_on_commit(strategy.pk, kind, language, robust=True)


def request_document(*, strategy, kind, language=None, retry=False):
    """The document for the strategy as it is now; queue its rendering if it is not made.

    A failed (or stuck) document is queued again only with ``retry``. Never renders here.
    """
    language = language or document_language(strategy)
    _html, digest = render_html(strategy=strategy, kind=kind, language=language)
    document, created = StrategyDocument.objects.get_or_create(
        strategy=strategy, kind=kind, content_hash=digest,
    )
    if created:
        _enqueue(strategy, kind, language)
    elif document.status == DocumentStatus.READY and not (
        document.file and default_storage.exists(document.file.name)
    ):  # the stored file went missing: make it again
        document.status = DocumentStatus.PENDING
        document.save(update_fields=["status", "updated_at"])
        _enqueue(strategy, kind, language)
    elif retry and (document.status == DocumentStatus.FAILED or is_stuck(document)):
        document.status, document.error = DocumentStatus.PENDING, ""
        document.save(update_fields=["status", "error", "updated_at"])
        _enqueue(strategy, kind, language)
    return document


def is_stuck(document):
    """Pending for much longer than a render takes: the worker may be gone."""
    return (document.status == DocumentStatus.PENDING
            and document.updated_at < timezone.now() - STALE_AFTER)


def write_pdf(html):
    """HTML → tagged PDF (PDF/UA-1) bytes with WeasyPrint; the title and the language come
    from the HTML's ``<title>`` and ``<html lang>``."""
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")


def render_document(*, strategy, kind, language="en"):
    """Render and store the document for the strategy as it is now (the task's body).

    Reuses a document already rendered from the same content.
    """
    html, digest = render_html(strategy=strategy, kind=kind, language=language)
    document, _created = StrategyDocument.objects.get_or_create(
        strategy=strategy, kind=kind, content_hash=digest,
    )
    name = storage_name(strategy=strategy, kind=kind, digest=digest)
    if document.status == DocumentStatus.READY and document.file and (
        default_storage.exists(document.file.name)
    ):
        return document
    document.attempts += 1
    if default_storage.exists(name):
        document.file.name = name
    else:
        pdf = write_pdf(html)
        document.file.name = default_storage.save(name, ContentFile(pdf))
    document.status, document.error = DocumentStatus.READY, ""
    document.save()
    return document


def record_failure(*, strategy, kind, error, final):
    """Write the error on the strategy's pending documents of ``kind``."""
    message = f"{type(error).__name__}: {error}"[:2000]
    StrategyDocument.objects.filter(
        strategy=strategy, kind=kind, status=DocumentStatus.PENDING
    ).update(
        status=DocumentStatus.FAILED if final else DocumentStatus.PENDING,
        error=message, updated_at=timezone.now(),
    )
    forget_data(city_ids=[strategy.city_id], models=["strategy.strategydocument"])
