"""The showcases API: ``/api/v1/cities/<city>/showcases/`` and the read-only library
``/api/v1/library/``. Transitions are actions that call the domain functions."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from caching.api_cache import CachedCityListMixin
from cities.api import CityNestedAPIMixin
from cities.doors import rule_permission
from showcases import evidence as evidence_domain
from showcases import library, workflow
from showcases.models import Evidence, Feedback, Message, Showcase, ShowcaseRound


class EvidenceSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = ["id", "kind", "title", "original_name", "content_type", "size", "url",
                  "created_at", "download_url"]

    def get_download_url(self, evidence) -> str | None:
        if evidence.kind != "file":
            return None
        name = self.context.get("evidence_url_name", "showcases:evidence")
        kwargs = {"pk": evidence.showcase_id, "evidence_id": evidence.pk}
        if name == "showcases:evidence":
            kwargs["city"] = self.context["city_slug"]
        return reverse(name, kwargs=kwargs)


class FeedbackSerializer(serializers.ModelSerializer):
    coach = serializers.StringRelatedField()

    class Meta:
        model = Feedback
        fields = ["id", "coach", "strengths", "suggestions", "sustainment_risks",
                  "revision_requested", "created_at"]


class MessageSerializer(serializers.ModelSerializer):
    author = serializers.StringRelatedField()

    class Meta:
        model = Message
        fields = ["id", "author", "body", "created_at"]
        read_only_fields = ["id", "author", "created_at"]


class ShowcaseSerializer(serializers.ModelSerializer):
    round = serializers.PrimaryKeyRelatedField(
        queryset=ShowcaseRound.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Showcase
        fields = ["id", *workflow.DRAFT_FIELDS, "state", "revision_requested", "submitted_at",
                  "accepted_at", "presented_at", "publication_consent", "published_at",
                  "created_at", "updated_at"]
        read_only_fields = ["id", "state", "revision_requested", "submitted_at", "accepted_at",
                            "presented_at", "publication_consent", "published_at",
                            "created_at", "updated_at"]


class ShowcaseDetailSerializer(ShowcaseSerializer):
    evidence = EvidenceSerializer(many=True, read_only=True)
    feedback = FeedbackSerializer(many=True, read_only=True)
    messages = MessageSerializer(many=True, read_only=True)

    class Meta(ShowcaseSerializer.Meta):
        fields = [*ShowcaseSerializer.Meta.fields, "evidence", "feedback", "messages"]


class FeedbackInputSerializer(serializers.Serializer):
    strengths = serializers.CharField()
    suggestions = serializers.CharField(required=False, allow_blank=True, default="")
    sustainment_risks = serializers.CharField(required=False, allow_blank=True, default="")
    revision_requested = serializers.BooleanField(required=False, default=False)


class EvidenceInputSerializer(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    file = serializers.FileField(required=False, allow_null=True, default=None)
    url = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class PublicationSerializer(serializers.Serializer):
    consent = serializers.BooleanField(help_text="true opts in to the library; false withdraws.")


TRANSITION = extend_schema(request=None, responses=ShowcaseSerializer)


class ShowcaseViewSet(CachedCityListMixin, CityNestedAPIMixin, mixins.ListModelMixin,
                      mixins.RetrieveModelMixin,
                      mixins.CreateModelMixin, mixins.UpdateModelMixin,
                      viewsets.GenericViewSet):
    """A city's showcases. Create and update write drafts; the states change only through
    the actions (``submit``, ``feedback``, ``resubmit``, ``accept``, ``present``,
    ``publication``), each allowed to the people the program allows."""

    queryset = Showcase.objects.none()  # for the schema; requests use get_queryset()
    permission_classes = [rule_permission(
        create="can_draft_showcase", update="can_draft_showcase",
        partial_update="can_draft_showcase", submit="can_draft_showcase",
        resubmit="can_draft_showcase", evidence="can_draft_showcase",
        feedback="can_give_showcase_feedback", accept="can_give_showcase_feedback",
        present="can_present_showcase", messages="can_discuss_showcase",
        publication="can_consent_to_publication",
    )]

    def get_queryset(self):
        showcases = Showcase.objects.select_related("city", "round").order_by("-updated_at", "-pk")
        if self.action != "list":
            showcases = showcases.prefetch_related("evidence", "feedback__coach",
                                                   "messages__author")
        return showcases

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ShowcaseDetailSerializer
        return ShowcaseSerializer

    def get_serializer_context(self):
        return super().get_serializer_context() | {"city_slug": self.kwargs.get("city")}

    def perform_create(self, serializer):
        serializer.instance = workflow.save_draft(
            city=self.request.city, by=self.request.user, fields=serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = workflow.save_draft(
            city=self.request.city, by=self.request.user, fields=serializer.validated_data,
            showcase=serializer.instance,
        )

    def _done(self, showcase, code=status.HTTP_200_OK):
        showcase.refresh_from_db()
        return Response(ShowcaseSerializer(showcase, context=self.get_serializer_context()).data,
                        status=code)

    def _transition(self, function):
        showcase = self.get_object()
        function(showcase=showcase, by=self.request.user)
        return self._done(showcase)

    @TRANSITION
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        return self._transition(workflow.submit_showcase)

    @TRANSITION
    @action(detail=True, methods=["post"])
    def resubmit(self, request, *args, **kwargs):
        return self._transition(workflow.resubmit)

    @TRANSITION
    @action(detail=True, methods=["post"])
    def accept(self, request, *args, **kwargs):
        return self._transition(workflow.accept_showcase)

    @TRANSITION
    @action(detail=True, methods=["post"])
    def present(self, request, *args, **kwargs):
        return self._transition(workflow.present_showcase)

    @extend_schema(request=FeedbackInputSerializer, responses={201: ShowcaseSerializer})
    @action(detail=True, methods=["post"], serializer_class=FeedbackInputSerializer)
    def feedback(self, request, *args, **kwargs):
        showcase = self.get_object()
        data = FeedbackInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        workflow.give_feedback(showcase=showcase, by=request.user, **data.validated_data)
        return self._done(showcase, status.HTTP_201_CREATED)

    @extend_schema(request=MessageSerializer, responses={201: MessageSerializer})
    @action(detail=True, methods=["post"], serializer_class=MessageSerializer)
    def messages(self, request, *args, **kwargs):
        showcase = self.get_object()
        data = MessageSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        message = workflow.post_message(showcase=showcase, by=request.user,
                                        body=data.validated_data["body"])
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": EvidenceInputSerializer},
                   responses={201: EvidenceSerializer})
    @action(detail=True, methods=["post"], serializer_class=EvidenceInputSerializer,
            parser_classes=[MultiPartParser])  # a file upload: the one non-JSON body
    def evidence(self, request, *args, **kwargs):
        showcase = self.get_object()
        data = EvidenceInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = evidence_domain.attach_evidence(
            showcase=showcase, by=request.user, upload=data.validated_data["file"],
            url=data.validated_data["url"], title=data.validated_data["title"],
        )
        return Response(EvidenceSerializer(item, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=PublicationSerializer, responses=ShowcaseSerializer)
    @action(detail=True, methods=["post"])
    def publication(self, request, *args, **kwargs):
        """``{"consent": true}`` opts in to the library; ``false`` withdraws at once."""
        showcase = self.get_object()
        consent = request.data.get("consent")
        if consent not in (True, False):
            raise serializers.ValidationError({"consent": [_("Send true or false.")]})
        function = library.opt_in_publication if consent else library.withdraw_publication
        function(showcase=showcase, by=request.user)
        return self._done(showcase)


class LibraryShowcaseSerializer(ShowcaseSerializer):
    city = serializers.CharField(source="city.name")
    country = serializers.CharField(source="city.country")
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = Showcase
        fields = ["id", "title", "city", "country", "practice_type", "pillar", "what_changed",
                  "who_involved", "impact", "impact_kind", "sustainment_owner",
                  "sustainment_how", "sustainment_review_on", "published_at", "evidence"]

    @extend_schema_field(EvidenceSerializer(many=True))
    def get_evidence(self, showcase):
        context = {"evidence_url_name": "library:evidence"}
        return EvidenceSerializer(showcase.evidence.all(), many=True, context=context).data


class LibraryViewSet(viewsets.ReadOnlyModelViewSet):
    """Published showcases of every cohort (filters: q, practice_type, pillar, size_band,
    country), for anyone taking part in the program."""

    serializer_class = LibraryShowcaseSerializer
    permission_classes = [rule_permission("can_view_library")]

    def get_queryset(self):
        params = self.request.query_params
        return library.search_library(
            query=params.get("q", ""), practice_type=params.get("practice_type", ""),
            pillar=params.get("pillar", ""), size_band=params.get("size_band", ""),
            country=params.get("country", ""),
        ).prefetch_related("evidence")

    def list(self, request, *args, **kwargs):
        with scopes_disabled():
            return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        with scopes_disabled():
            return super().retrieve(request, *args, **kwargs)
