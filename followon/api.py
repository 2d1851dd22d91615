"""The year after in the API, under ``/api/v1/cities/<city>/year-after/``: the phase and its
quarters, and the quarterly updates per initiative and per metric (read and record).
Writes go through ``followon.updates.record_quarter``, as the page's do."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from cities.api import CityNestedAPIMixin
from cities.doors import rule_permission
from common import api_inputs
from followon.lateness import progress_of
from followon.models import FocusArea, FollowOn, InitiativeUpdate, MetricUpdate
from followon.phase import focus_label
from followon.updates import record_quarter
from strategy.models import InitiativeStatus

QUARTER_PARAMETER = OpenApiParameter("quarter", int, description="Only this quarter's rows.")


class QuarterSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    starts_on = api_inputs.DateField()
    ends_on = api_inputs.DateField()
    due_on = api_inputs.DateField()
    started = serializers.BooleanField()
    complete = serializers.BooleanField()
    late = serializers.BooleanField()
    initiatives_done = serializers.IntegerField()
    initiatives_total = serializers.IntegerField()
    metrics_done = serializers.IntegerField()
    metrics_total = serializers.IntegerField()


class FollowOnSerializer(serializers.Serializer):
    starts_on = api_inputs.DateField()
    ends_on = api_inputs.DateField()
    months = serializers.IntegerField()
    focus_area = serializers.ChoiceField(choices=FocusArea.choices, allow_blank=True)
    focus = serializers.CharField(help_text="The focus area in the reader's words.")
    quarters = QuarterSerializer(many=True)


def _follow_on(request):
    follow_on = (FollowOn.objects.filter(city=request.city).select_related("city")
                 .order_by("-starts_on").first())
    if follow_on is None:
        raise Http404
    return follow_on


class FollowOnAPIView(CityNestedAPIMixin, APIView):
    """The city's follow-on phase: dates, focus area and each quarter's state (404 when the
    city is not in its follow-on phase)."""

    permission_classes = [rule_permission()]

    @extend_schema(summary="Read the city's follow-on phase", responses=FollowOnSerializer)
    def get(self, request, city):
        follow_on = _follow_on(request)
        progress = progress_of([follow_on], today=timezone.localdate())[0]
        return Response(FollowOnSerializer({
            "starts_on": follow_on.starts_on, "ends_on": progress.ends_on,
            "months": follow_on.months, "focus_area": follow_on.focus_area,
            "focus": focus_label(follow_on),
            "quarters": [{
                "number": q.quarter.number, "starts_on": q.quarter.starts_on,
                "ends_on": q.quarter.ends_on, "due_on": q.quarter.due_on,
                "started": q.started, "complete": q.complete, "late": q.late,
                "initiatives_done": q.initiatives_done,
                "initiatives_total": q.initiatives_total, "metrics_done": q.metrics_done,
                "metrics_total": q.metrics_total,
            } for q in progress.quarters],
        }).data)


class InitiativeUpdateSerializer(serializers.ModelSerializer):
    # A string, not a URI: empty when the update has no link.
    evidence_link = serializers.CharField(read_only=True)
    has_evidence_file = serializers.SerializerMethodField()

    class Meta:
        model = InitiativeUpdate
        fields = ["id", "initiative", "quarter", "status", "note", "evidence_link",
                  "has_evidence_file", "updated_at"]
        read_only_fields = fields

    def get_has_evidence_file(self, update) -> bool:
        return bool(update.evidence_file)


class InitiativeUpdateInputSerializer(serializers.Serializer):
    """One initiative's update for one quarter (a file can be added on the page)."""

    initiative = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    quarter = serializers.IntegerField(min_value=1, max_value=100)
    status = serializers.ChoiceField(choices=InitiativeStatus.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    evidence_link = serializers.CharField(required=False, allow_blank=True, max_length=500)


class MetricUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = MetricUpdate
        fields = ["id", "metric", "quarter", "actual", "note", "updated_at"]
        read_only_fields = fields


class MetricUpdateInputSerializer(serializers.Serializer):
    metric = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    quarter = serializers.IntegerField(min_value=1, max_value=100)
    actual = serializers.CharField(max_length=100)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000)


class _UpdatesViewSet(CityNestedAPIMixin, mixins.CreateModelMixin,
                      viewsets.ReadOnlyModelViewSet):
    permission_classes = [rule_permission(create="can_record_follow_on")]
    model = None
    input_serializer = output_serializer = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        queryset = self.model.objects.filter(city=self.request.city).order_by("quarter", "pk")
        quarter = self.request.query_params.get("quarter", "")
        if quarter.isdigit() and len(quarter) < 4:
            queryset = queryset.filter(quarter=int(quarter))
        return queryset

    def get_serializer_class(self):
        return self.input_serializer if self.action == "create" else self.output_serializer

    def create(self, request, *args, **kwargs):
        data = self.input_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            follow_on = _follow_on(request)
        except Http404 as error:
            raise ValidationError({"detail": _("This city is not in its follow-on phase.")}) \
                from error
        row = self.record(follow_on, values)
        return Response(self.output_serializer(row).data, status=201)


@extend_schema_view(
    list=extend_schema(parameters=[QUARTER_PARAMETER]),
    create=extend_schema(request=InitiativeUpdateInputSerializer,
                         responses={201: InitiativeUpdateSerializer}),
)
class InitiativeUpdateViewSet(_UpdatesViewSet):
    """Each quarter's update of each strategy initiative; POST records one (an existing row of
    that quarter is changed, its history kept)."""

    model = InitiativeUpdate
    input_serializer = InitiativeUpdateInputSerializer
    output_serializer = InitiativeUpdateSerializer

    def record(self, follow_on, values):
        pk, quarter = values.pop("initiative"), values.pop("quarter")
        record_quarter(follow_on=follow_on, quarter=quarter, initiatives={pk: values},
                       by=self.request.user, today=timezone.localdate())
        return InitiativeUpdate.objects.get(follow_on=follow_on, initiative_id=pk,
                                            quarter=quarter)


@extend_schema_view(
    list=extend_schema(parameters=[QUARTER_PARAMETER]),
    create=extend_schema(request=MetricUpdateInputSerializer,
                         responses={201: MetricUpdateSerializer}),
)
class MetricUpdateViewSet(_UpdatesViewSet):
    """Each quarter's actual value of each strategy metric; POST records one."""

    model = MetricUpdate
    input_serializer, output_serializer = MetricUpdateInputSerializer, MetricUpdateSerializer

    def record(self, follow_on, values):
        pk, quarter = values.pop("metric"), values.pop("quarter")
        record_quarter(follow_on=follow_on, quarter=quarter, metrics={pk: values},
                       by=self.request.user, today=timezone.localdate())
        return MetricUpdate.objects.get(follow_on=follow_on, metric_id=pk, quarter=quarter)
