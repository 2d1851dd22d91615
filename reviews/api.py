"""The review panel's API: a reviewer's own assignments (read, score, submit, declare a
conflict) and, for staff, every assignment and a cohort's ranking.

A reviewer sees only their assignments without a conflict (any other is 404) and the other
reviewers' scores only once their own review is submitted; staff see every assignment.
"""

from collections import defaultdict

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from cities.doors import on_object, rule_permission
from cohorts.models import Cohort
from reviews.assignment import assignments_of, declare_conflict
from reviews.meeting import meeting_of
from reviews.models import Assignment, Criterion
from reviews.ranking import DISAGREEMENT
from reviews.returning import earlier_applications
from reviews.rubric import describe
from reviews.scoring import save_scores, sees_others_scores, submit_review


class LevelSerializer(serializers.Serializer):
    level = serializers.IntegerField()
    description = serializers.CharField()


class CriterionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    weight = serializers.IntegerField()
    levels = LevelSerializer(many=True)


class ScoreSerializer(serializers.Serializer):
    criterion = serializers.IntegerField(help_text="The criterion's id.")
    value = serializers.IntegerField(min_value=1, max_value=5, allow_null=True)
    comment = serializers.CharField(allow_blank=True, required=False, default="",
                                    max_length=5000)


class OtherReviewSerializer(serializers.Serializer):
    reviewer = serializers.CharField()
    scores = ScoreSerializer(many=True)


class EarlierApplicationSerializer(serializers.Serializer):
    cohort = serializers.CharField(source="cohort.slug")
    cohort_name = serializers.CharField(source="cohort.name")
    state = serializers.CharField()


class ReviewedApplicationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    cohort = serializers.CharField(source="cohort.slug")
    state = serializers.CharField()
    city_name = serializers.CharField()
    country = serializers.CharField(source="country.code")
    region = serializers.CharField()
    population = serializers.IntegerField(allow_null=True)
    has_cdo = serializers.BooleanField()
    monthly_commitment_hours = serializers.DecimalField(max_digits=5, decimal_places=1,
                                                       allow_null=True)
    mayor_commits_to_convening = serializers.BooleanField()
    priorities = serializers.CharField()
    data_foundations = serializers.CharField()
    eligible = serializers.BooleanField()


def _scores(assignment):
    return [{"criterion": s.criterion_id, "value": s.value, "comment": s.comment}
            for s in assignment.scores.all()]


class ReviewSerializer(serializers.ModelSerializer):
    application = ReviewedApplicationSerializer()
    reviewer = serializers.CharField(source="reviewer.email")
    submitted = serializers.BooleanField()
    conflicted = serializers.BooleanField()
    scores = serializers.SerializerMethodField()
    rubric = serializers.SerializerMethodField()
    other_reviews = serializers.SerializerMethodField()
    earlier_applications = serializers.SerializerMethodField()

    class Meta:
        model = Assignment
        fields = ["id", "application", "reviewer", "submitted", "submitted_at", "conflicted",
                  "scores", "rubric", "other_reviews", "earlier_applications"]

    def _facts(self, assignment):
        """What the rows around ``assignment`` need, read once for all of them (the list's
        page, or the one assignment): ``read_facts`` in the view's context."""
        facts = self.context.get("facts")
        if facts is None or assignment.pk not in facts["ids"]:
            facts = read_facts([assignment])
        return facts

    def get_scores(self, assignment) -> ScoreSerializer(many=True):
        return _scores(assignment)

    def get_rubric(self, assignment) -> CriterionSerializer(many=True):
        rubric = []
        for criterion in self._facts(assignment)["rubrics"][assignment.application.cohort_id]:
            text = describe(criterion)
            rubric.append({"id": criterion.pk, "name": text["name"],
                           "weight": criterion.weight,
                           "levels": [{"level": n, "description": d}
                                      for n, d in text["levels"]]})
        return rubric

    def get_other_reviews(self, assignment) -> OtherReviewSerializer(many=True):
        """Empty until this review is submitted."""
        if not sees_others_scores(assignment):
            return []
        others = self._facts(assignment)["submitted"][assignment.application_id]
        return [{"reviewer": str(other.reviewer), "scores": _scores(other)}
                for other in others if other.pk != assignment.pk]

    def get_earlier_applications(self, assignment) -> EarlierApplicationSerializer(many=True):
        earlier = self._facts(assignment)["earlier"][assignment.application_id]
        return EarlierApplicationSerializer(earlier, many=True).data


def read_facts(assignments):
    """The rubrics, the submitted reviews and the earlier applications of ``assignments``'
    applications, in three queries for any number of them."""
    applications = {a.application_id: a.application for a in assignments}
    rubrics, submitted = defaultdict(list), defaultdict(list)
    cohorts = {a.cohort_id for a in applications.values()}
    for criterion in Criterion.objects.filter(cohort_id__in=cohorts, hidden=False):
        rubrics[criterion.cohort_id].append(criterion)
    for other in (Assignment.objects.filter(application_id__in=applications,
                                            submitted_at__isnull=False,
                                            conflict_declared_at__isnull=True)
                  .select_related("reviewer").prefetch_related("scores")):
        submitted[other.application_id].append(other)
    return {"ids": {a.pk for a in assignments}, "rubrics": rubrics, "submitted": submitted,
            "earlier": earlier_applications(applications=applications.values())}


class ScoresRequestSerializer(serializers.Serializer):
    scores = ScoreSerializer(many=True)
    submit = serializers.BooleanField(default=False,
                                      help_text="Submit the review after saving the scores.")


class ConflictRequestSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class ReviewViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                    viewsets.GenericViewSet):
    """Reviews: a reviewer's own assignments (staff: every one). Scores are saved as a
    draft, then submitted; a conflict of interest takes the assignment out of the review."""

    serializer_class = ReviewSerializer
    permission_classes = [rule_permission(
        "can_review",
        scores=on_object("can_work_on_review"), conflict=on_object("can_work_on_review"))]

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        serializer = self.get_serializer(
            page, many=True, context={**self.get_serializer_context(),
                                      "facts": read_facts(page)})
        return self.get_paginated_response(serializer.data)

    def get_queryset(self):
        user = self.request.user
        if not user.is_authenticated:  # the schema's generator asks anonymously
            queryset = Assignment.objects.none()
        else:
            queryset = (Assignment.objects.all() if user.is_staff
                        else assignments_of(user=user))
        return (queryset.select_related("application__cohort", "reviewer")
                .prefetch_related("scores").order_by("pk"))

    @extend_schema(request=ScoresRequestSerializer, responses=ReviewSerializer)
    @action(detail=True, methods=["post"])
    def scores(self, request, pk=None):
        """Save the scores (a draft); with ``submit``, submit the review too."""
        assignment = self.get_object()
        data = ScoresRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        given = {s["criterion"]: (s["value"], s.get("comment", ""))
                 for s in data.validated_data["scores"]}
        save_scores(assignment=assignment, scores=given)
        if data.validated_data["submit"]:
            submit_review(assignment=assignment)
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(request=ConflictRequestSerializer, responses=ReviewSerializer)
    @action(detail=True, methods=["post"])
    def conflict(self, request, pk=None):
        """Declare a conflict of interest (with the reason): the review no longer counts and
        the assignment is no longer shown to the reviewer."""
        assignment = self.get_object()
        data = ConflictRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        declare_conflict(assignment=assignment, reason=data.validated_data["reason"])
        return Response(self.get_serializer(assignment).data)


class StandingSerializer(serializers.Serializer):
    application = serializers.IntegerField(source="standing.application.pk")
    city_name = serializers.CharField(source="standing.application.city_name")
    country = serializers.CharField(source="standing.application.country.code")
    state = serializers.CharField(source="standing.application.state")
    rank = serializers.IntegerField(source="standing.rank", allow_null=True)
    average = serializers.DecimalField(source="standing.average", max_digits=4,
                                       decimal_places=2, allow_null=True)
    spread = serializers.DecimalField(source="standing.spread", max_digits=4,
                                      decimal_places=2, allow_null=True)
    disagreement = serializers.BooleanField(source="standing.disagreement")
    submitted_reviews = serializers.SerializerMethodField()
    missing_reviews = serializers.IntegerField(source="standing.missing")
    conflicts = serializers.IntegerField(source="standing.conflicts")
    eligible = serializers.BooleanField()
    earlier_applications = EarlierApplicationSerializer(source="earlier", many=True)

    def get_submitted_reviews(self, row) -> int:
        return len(row.standing.reviewer_scores)


class CohortRankingAPIView(APIView):
    """The decision meeting's ranking of a cohort, for staff: weighted average score,
    spread between reviewers (flagged from ``disagreement_threshold`` up), reviews missing."""

    permission_classes = [rule_permission("is_program_staff")]

    @extend_schema(responses=inline_serializer("CohortRanking", {
        "cohort": serializers.CharField(),
        "capacity": serializers.IntegerField(),
        "enrolled": serializers.IntegerField(),
        "disagreement_threshold": serializers.DecimalField(max_digits=3, decimal_places=1),
        "results": StandingSerializer(many=True),
    }))
    def get(self, request, slug):
        cohort = get_object_or_404(Cohort, slug=slug)
        meeting = meeting_of(cohort=cohort)
        return Response({
            "cohort": cohort.slug, "capacity": cohort.capacity,
            "enrolled": meeting["enrolled"],
            "disagreement_threshold": str(DISAGREEMENT),
            "results": StandingSerializer(meeting["rows"], many=True).data,
        })
