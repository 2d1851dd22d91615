"""The PDF and the mayor's brief: queued, shown as "preparing…", then downloaded."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from strategy.models import DocumentKind, DocumentStatus, StrategyDocument
from strategy.pdf import choose_document_language, document_language, is_stuck, request_document
from strategy.views.common import door, strategy_or_404, url

REFRESH_SECONDS = 3


def _status_page(request, kind):
    strategy = strategy_or_404(request)
    document = request_document(strategy=strategy, kind=kind)
    return render(request, "strategy/document.html", {
        "city": request.city, "strategy": strategy, "document": document, "kind": kind,
        "kind_label": DocumentKind(kind).label, "stuck": is_stuck(document),
        "document_language": document_language(strategy), "pdf_languages": settings.LANGUAGES,
        "refresh": REFRESH_SECONDS if document.status == DocumentStatus.PENDING else None,
    })


def pdf(request, city):
    """The strategy's PDF for its current content: queued if needed, then the download."""
    return _status_page(request, DocumentKind.FULL)


def brief(request, city):
    """The one-page mayor's brief."""
    return _status_page(request, DocumentKind.BRIEF)


@require_POST
def retry(request, city):
    """Queue a failed (or stuck) document again."""
    strategy = strategy_or_404(request)
    kind = request.POST.get("kind")
    if kind not in DocumentKind.values:
        raise Http404
    request_document(strategy=strategy, kind=kind, retry=True)
    messages.info(request, _("Trying again…"))
    return redirect(url("pdf" if kind == DocumentKind.FULL else "brief", request))


def _document_kind(request, **kwargs):
    """The kind of document posted (404 for another), once the strategy is found."""
    strategy_or_404(request)
    kind = request.POST.get("kind")
    if kind not in DocumentKind.values:
        raise Http404
    return kind


@require_POST
@door("can_edit_strategy", found=_document_kind)
def language(request, city):
    """The team chooses the language of the PDF and the mayor's brief."""
    strategy = strategy_or_404(request)
    kind = _document_kind(request)
    try:
        choose_document_language(strategy=strategy, user=request.user,
                                 language=request.POST.get("language"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The PDF will be prepared in the language you chose."))
    return redirect(url("pdf" if kind == DocumentKind.FULL else "brief", request))


def download(request, city, pk):
    """A rendered document, served through this permission-checked view."""
    strategy = strategy_or_404(request)
    document = get_object_or_404(StrategyDocument, pk=pk, strategy=strategy,
                                 status=DocumentStatus.READY)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    suffix = "strategy" if document.kind == DocumentKind.FULL else "mayors-brief"
    return FileResponse(handle, as_attachment=True, content_type="application/pdf",
                        filename=f"{slugify(request.city.name)}-data-{suffix}.pdf")
