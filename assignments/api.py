"""The assignments API: ``/api/v1/cities/<city>/assignments/``, the curriculum's
assignments each with the city's submission (its files and links and every revision with
its review), and the actions that call the domain functions: ``draft``, ``attachments``,
``submit`` (the city's senior team) and ``review`` (the city's coach or staff)."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from assignments import attachments as attachment_domain
from assignments import handing_in
from assignments.handing_in import MAX_COMMENT, MAX_TEXT
from assignments.models import Attachment, Decision, Revision, Submission
from cities.api import CityNestedAPIMixin
from cities.doors import rule_permission
from curriculum.models import Assignment


class AttachmentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "kind", "title", "original_name", "content_type", "size", "url",
                  "created_at", "download_url"]

    def get_download_url(self, attachment) -> str | None:
        if attachment.kind != "file":
            return None
        return reverse("assignments:attachment", kwargs={
            "city": self.context["city_slug"], "pk": self.context["assignment_ids"][
                attachment.submission_id], "attachment_id": attachment.pk})


class RevisionSerializer(serializers.ModelSerializer):
    submitted_by = serializers.StringRelatedField()
    reviewed_by = serializers.StringRelatedField()
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Revision
        fields = ["number", "text", "attachments", "submitted_by", "created_at", "decision",
                  "comment", "reviewed_by", "reviewed_at"]


class SubmissionSerializer(serializers.ModelSerializer):
    attachments = serializers.SerializerMethodField()
    revisions = RevisionSerializer(many=True, read_only=True)

    class Meta:
        model = Submission
        fields = ["state", "text", "submitted_at", "accepted_at", "attachments", "revisions",
                  "updated_at"]

    @extend_schema_field(AttachmentSerializer(many=True))
    def get_attachments(self, submission):
        current = [a for a in submission.attachments.all() if a.removed_at is None]
        return AttachmentSerializer(current, many=True, context=self.context).data


class AssignmentSerializer(serializers.ModelSerializer):
    module = serializers.CharField(source="module.title")
    pillar = serializers.CharField(source="module.pillar.slug")
    submission = serializers.SerializerMethodField()

    class Meta:
        model = Assignment
        fields = ["id", "title", "instructions", "due_on", "module", "pillar", "submission"]

    @extend_schema_field(SubmissionSerializer(allow_null=True))
    def get_submission(self, assignment):
        handed_in = assignment.city_submissions
        if not handed_in:
            return None
        context = self.context | {"assignment_ids": {handed_in[0].pk: assignment.pk}}
        return SubmissionSerializer(handed_in[0], context=context).data


class DraftSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True, max_length=MAX_TEXT)


class AttachmentInputSerializer(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    file = serializers.FileField(required=False, allow_null=True, default=None)
    url = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


class ReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)
    comment = serializers.CharField(required=False, allow_blank=True, default="",
                                    max_length=MAX_COMMENT,
                                    help_text="Required when the decision is revise.")


class AssignmentViewSet(CityNestedAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                        viewsets.GenericViewSet):
    """The curriculum's assignments, each with what the city handed in (``submission``:
    null when it has not started). ``draft``, ``attachments`` and ``submit`` are the city's
    senior team's; ``review`` the city's coach's or program staff's."""

    queryset = Assignment.objects.none()  # for the schema; requests use get_queryset()
    serializer_class = AssignmentSerializer
    permission_classes = [rule_permission(
        "can_view_assignments", draft="can_hand_in_assignment",
        attachments="can_hand_in_assignment", submit="can_hand_in_assignment",
        review="can_review_assignment",
    )]

    def get_queryset(self):
        handed_in = Submission.objects.filter(city=self.request.city).prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.order_by("created_at", "pk")),
            Prefetch("revisions", queryset=Revision.objects.select_related(
                "submitted_by", "reviewed_by").prefetch_related("attachments")
                .order_by("number")),
        )
        assignments = (Assignment.objects.select_related("module__pillar")
                       .prefetch_related(Prefetch("submissions", queryset=handed_in,
                                                  to_attr="city_submissions"))
                       .order_by("due_on", "position", "title", "pk"))
        # A hidden assignment is no longer listed; what the city handed in stays readable.
        return assignments.filter(hidden=False) if self.action == "list" else assignments

    def get_serializer_context(self):
        return super().get_serializer_context() | {"city_slug": self.kwargs.get("city")}

    def _done(self, assignment, code=status.HTTP_200_OK):
        fresh = self.get_queryset().get(pk=assignment.pk)
        return Response(AssignmentSerializer(fresh, context=self.get_serializer_context()).data,
                        status=code)

    def _submission(self, assignment):
        submission = handing_in.submission_of(city=self.request.city, assignment=assignment)
        if submission is None:
            raise serializers.ValidationError({"text": [_(
                "Write what the team did, or add a file or a link, before you submit.")]})
        return submission

    @extend_schema(request=DraftSerializer, responses=AssignmentSerializer)
    @action(detail=True, methods=["post"], serializer_class=DraftSerializer)
    def draft(self, request, *args, **kwargs):
        """Save the team's text as a draft (started if need be)."""
        assignment = self.get_object()
        data = DraftSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        handing_in.save_draft(city=request.city, assignment=assignment, by=request.user,
                              text=data.validated_data["text"])
        return self._done(assignment)

    @extend_schema(request={"multipart/form-data": AttachmentInputSerializer},
                   responses={201: AttachmentSerializer})
    @action(detail=True, methods=["post"], serializer_class=AttachmentInputSerializer,
            parser_classes=[MultiPartParser])  # a file upload: the one non-JSON body
    def attachments(self, request, *args, **kwargs):
        """Hand in a file (PDF, PNG, JPEG, CSV or XLSX, checked by content) or a link."""
        assignment = self.get_object()
        data = AttachmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = attachment_domain.attach(
            city=request.city, assignment=assignment, by=request.user,
            upload=data.validated_data["file"], url=data.validated_data["url"],
            title=data.validated_data["title"],
        )
        context = self.get_serializer_context() | {
            "assignment_ids": {item.submission_id: assignment.pk}}
        return Response(AttachmentSerializer(item, context=context).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=AssignmentSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        """Send the draft to the city's coach: a new revision."""
        assignment = self.get_object()
        handing_in.submit_assignment(submission=self._submission(assignment), by=request.user)
        return self._done(assignment)

    @extend_schema(request=ReviewSerializer, responses=AssignmentSerializer)
    @action(detail=True, methods=["post"], serializer_class=ReviewSerializer)
    def review(self, request, *args, **kwargs):
        """Accept the submitted revision, or ask for another with a comment."""
        assignment = self.get_object()
        data = ReviewSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        submission = handing_in.submission_of(city=request.city, assignment=assignment)
        if submission is None:
            raise serializers.ValidationError({"decision": [_(
                "Only a submitted assignment can be reviewed.")]})
        handing_in.review_submission(submission=submission, by=request.user,
                                     **data.validated_data)
        return self._done(assignment)
