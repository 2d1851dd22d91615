"""The assessment API: ``/api/v1/cities/<city>/assessment/`` lists the city's assessments
with their scores; ``…/assessment/<id>/`` adds every answer and the coach's verdicts.
Read-only: answers are given on the assessment page."""

from django.urls import reverse
from rest_framework import mixins, serializers, viewsets

from assessment.models import Answer, Assessment, Review
from assessment.results import scores_of, tier_name
from cities.api import CityNestedAPIMixin
from cities.doors import rule_permission


class AreaScoreSerializer(serializers.Serializer):
    area = serializers.CharField(source="key", help_text="A strategy practice area key.")
    met = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.IntegerField(help_text="Share met, whole percent rounded down.")


class AssessmentScoreSerializer(serializers.Serializer):
    met = serializers.IntegerField(help_text="Criteria met and verified by the coach.")
    total = serializers.IntegerField()
    percent = serializers.IntegerField()
    tier = serializers.CharField(allow_null=True, help_text="The tier's key, null for none.")
    tier_name = serializers.CharField()
    next_tier = serializers.CharField(allow_null=True)
    criteria_to_next_tier = serializers.IntegerField()
    areas = AreaScoreSerializer(many=True)

    def to_representation(self, score):
        return {
            "met": len(score.met), "total": score.total, "percent": score.percent,
            "tier": score.tier["key"] if score.tier else None, "tier_name": tier_name(score.tier),
            "next_tier": score.next_tier["key"] if score.next_tier else None,
            "criteria_to_next_tier": score.criteria_to_next_tier,
            "areas": AreaScoreSerializer(list(score.areas.values()), many=True).data,
        }


class ItemAnswerSerializer(serializers.ModelSerializer):
    item = serializers.SlugRelatedField(slug_field="key", read_only=True)
    file_url = serializers.SerializerMethodField()

    class Meta:
        model = Answer
        fields = ["id", "item", "holds", "note", "link", "original_name", "size", "file_url",
                  "updated_at"]

    def get_file_url(self, answer) -> str | None:
        if not answer.file:
            return None
        return reverse("assessment:file", kwargs={
            "city": self.context["city_slug"], "kind": answer.assessment.kind,
            "answer_id": answer.pk})


class CriterionReviewSerializer(serializers.ModelSerializer):
    criterion = serializers.SlugRelatedField(slug_field="key", read_only=True)
    reviewer = serializers.StringRelatedField()

    class Meta:
        model = Review
        fields = ["id", "criterion", "verdict", "comment", "reviewer", "updated_at"]


class AssessmentSerializer(serializers.ModelSerializer):
    framework = serializers.SerializerMethodField()
    score = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = ["id", "kind", "framework", "opens_on", "closes_on", "score"]

    def get_framework(self, assessment) -> str:
        return f"{assessment.framework.key}@{assessment.framework.version}"

    @staticmethod
    def _score(serializer, assessment):
        score = serializer.context["scores"].get(assessment.pk)
        return AssessmentScoreSerializer(score).data if score else None

    def get_score(self, assessment) -> AssessmentScoreSerializer:
        return self._score(self, assessment)


class AssessmentDetailSerializer(AssessmentSerializer):
    answers = ItemAnswerSerializer(many=True, read_only=True)
    reviews = CriterionReviewSerializer(many=True, read_only=True)

    class Meta(AssessmentSerializer.Meta):
        fields = [*AssessmentSerializer.Meta.fields, "answers", "reviews"]


class AssessmentViewSet(CityNestedAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                        viewsets.GenericViewSet):
    """A city's baseline and end assessments with their scores (verified by the coach)."""

    queryset = Assessment.objects.none()  # for the schema; requests use get_queryset()
    permission_classes = [rule_permission(list="can_view_assessment",
                                          retrieve="can_view_assessment")]

    def get_queryset(self):
        assessments = Assessment.objects.filter(city=self.request.city).select_related(
            "framework").order_by("-opens_on", "-pk")
        if self.action == "retrieve":
            assessments = assessments.prefetch_related(
                "answers__item", "answers__assessment", "reviews__criterion",
                "reviews__reviewer")
        return assessments

    def get_serializer_class(self):
        return AssessmentDetailSerializer if self.action == "retrieve" else AssessmentSerializer

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self._scores = scores_of(page if page is not None else queryset)
        return page

    def get_object(self):
        assessment = super().get_object()
        self._scores = scores_of([assessment])
        return assessment

    def get_serializer_context(self):
        return super().get_serializer_context() | {
            "city_slug": self.kwargs.get("city"), "scores": getattr(self, "_scores", {})}
