"""``/api/v1/cities/<city>/strategy/`` and ``…/strategy/pdf/``: the same rules as the portal."""

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from cities.api import CityNestedAPIMixin
from cities.doors import rule_permission
from strategy import editing
from strategy.api_schema import (
    ConflictSerializer,
    DocumentStatusSerializer,
    StrategyPatchSerializer,
    StrategySerializer,
)
from strategy.models import DocumentKind, DocumentStatus
from strategy.pdf import is_stuck, request_document
from strategy.progress import strategy_progress
from strategy.snapshot import load_strategy, sections, snapshot_strategy


def _strategy(request):
    strategy = editing.current_strategy(city=request.city)
    if strategy is None:
        raise NotFound(_("This city has not started its strategy yet."))
    return strategy


def strategy_payload(strategy):
    """The current strategy: state, revision, structured parts, readable sections, progress."""
    loaded = load_strategy(strategy_id=strategy.pk)
    snapshot = snapshot_strategy(strategy=loaded)
    return {
        "id": loaded.pk,
        "city": loaded.city.slug,
        "title": snapshot["title"],
        "state": loaded.state,
        "revision": loaded.revision,
        "vision": loaded.vision,
        "priorities": snapshot["priorities"],
        "components": snapshot["components"],
        "approval": snapshot["approval"] or {"by": "", "at": None},
        "sections": [{"key": k, "title": t, "text": x} for k, t, x in sections(snapshot)],
        "progress": [
            {"step": s.slug, "title": s.title, "complete": s.complete, "missing": s.missing}
            for s in strategy_progress(snapshot=snapshot)
        ],
        "updated_at": loaded.updated_at,
    }


class StrategyAPIView(CityNestedAPIMixin, APIView):
    """GET the city's current strategy; PATCH one section with the revision you started from:
    ``{"section": "vision" | "component-<key>", "revision": 7, "fields": {...}}``.
    A conflicting edit answers 409 with both versions and changes nothing."""

    permission_classes = [rule_permission(patch="can_edit_strategy")]

    @extend_schema(summary="Read the city's current strategy", responses=StrategySerializer)
    def get(self, request, city):
        return Response(strategy_payload(_strategy(request)))

    @extend_schema(summary="Change one section of the strategy",
                   request=StrategyPatchSerializer,
                   responses={200: StrategySerializer, 409: ConflictSerializer})
    def patch(self, request, city):
        strategy = _strategy(request)
        data = request.data if isinstance(request.data, dict) else {}
        fields = data.get("fields")
        if not isinstance(fields, dict) or not data.get("section"):
            return Response({"section": [_("Send section, revision and fields.")]},
                            status=status.HTTP_400_BAD_REQUEST)
        if data.get("revision") in (None, ""):
            return Response({"revision": [_("This field is required.")]},
                            status=status.HTTP_400_BAD_REQUEST)
        try:
            saved = editing.update_section(
                strategy=strategy, section=str(data["section"]), data=fields,
                expected_revision=data["revision"], user=request.user,
            )
        except editing.ConflictError as conflict:
            return Response(conflict.as_dict(), status=status.HTTP_409_CONFLICT)
        except ValidationError as error:
            return Response(error.message_dict, status=status.HTTP_400_BAD_REQUEST)
        return Response(strategy_payload(saved))


KIND_PARAMETER = OpenApiParameter("kind", str, enum=DocumentKind.values,
                                  description="full (default) or brief")


class StrategyPDFAPIView(CityNestedAPIMixin, APIView):
    """GET the strategy's PDF: 202 with a status while it is prepared, then the PDF.
    POST retries a failed rendering."""

    def _kind(self, request):
        kind = request.query_params.get("kind")
        if not kind and request.method == "POST" and isinstance(request.data, dict):
            kind = request.data.get("kind")
        kind = kind or DocumentKind.FULL
        if kind not in DocumentKind.values:
            raise NotFound(_("Unknown document kind."))
        return kind

    @staticmethod
    def _status(document):
        body = {"status": document.status, "kind": document.kind,
                "content_hash": document.content_hash}
        if document.error:
            body["error"] = document.error
        if document.status == DocumentStatus.FAILED or is_stuck(document):
            body["status"] = DocumentStatus.FAILED
            body["detail"] = "Rendering failed; POST to this path to try again."
        return Response(body, status=status.HTTP_202_ACCEPTED)

    @extend_schema(summary="Get the strategy's PDF (202 while it is prepared)",
                   parameters=[KIND_PARAMETER],
                   responses={(200, "application/pdf"): OpenApiResponse(
                                  OpenApiTypes.BINARY, description="The PDF."),
                              202: DocumentStatusSerializer})
    def get(self, request, city):
        strategy = _strategy(request)
        document = request_document(strategy=strategy, kind=self._kind(request))
        if document.status != DocumentStatus.READY:
            return self._status(document)
        try:
            handle = document.file.open("rb")
        except (FileNotFoundError, ValueError) as error:
            raise NotFound(_("The file is missing; POST to render it again.")) from error
        return FileResponse(handle, content_type="application/pdf",
                            filename=f"{slugify(request.city.name)}-{document.kind}.pdf")

    @extend_schema(summary="Render the strategy's PDF again after a failure",
                   parameters=[KIND_PARAMETER], request=None,
                   responses={202: DocumentStatusSerializer})
    def post(self, request, city):
        strategy = _strategy(request)
        document = request_document(strategy=strategy, kind=self._kind(request), retry=True)
        return self._status(document)
