"""``/api/v1/cohorts/<slug>/health/``: the dashboard's figures per city, for staff (the cohort
named by the slug the cohorts list gives)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cities.doors import rule_permission
from cohorts.models import Cohort
from common import api_inputs
from dashboards.health import RULES, cohort_health


class CellSerializer(serializers.Serializer):
    rag = serializers.ChoiceField(choices=["red", "amber", "green", "none"])
    text = serializers.CharField()
    value = serializers.FloatField(allow_null=True)


class MonthSerializer(serializers.Serializer):
    month = api_inputs.DateField()
    hours = serializers.DecimalField(max_digits=8, decimal_places=2)
    commitment = serializers.DecimalField(max_digits=6, decimal_places=1)


class CityHealthSerializer(serializers.Serializer):
    city = serializers.CharField(source="city.slug")
    name = serializers.CharField(source="city.name")
    country = serializers.CharField(source="city.country")
    coaches = serializers.SerializerMethodField()
    cells = serializers.SerializerMethodField()
    hours_by_month = serializers.SerializerMethodField()

    def get_coaches(self, row) -> list[str]:
        return [coach.email for coach in row.coaches]

    def get_cells(self, row) -> dict:
        return {key: CellSerializer(cell).data for key, cell in row.cells.items()}

    def get_hours_by_month(self, row) -> list[dict]:
        return MonthSerializer(
            [{"month": m, "hours": h, "commitment": c} for m, h, c in row.hours_by_month],
            many=True,
        ).data


class CohortHealthAPIView(APIView):
    """Each enrolled city's health figures, red / amber / green by the dashboard's rules."""

    permission_classes = [rule_permission("is_program_staff")]

    @extend_schema(
        parameters=[OpenApiParameter("country", str, required=False)],
        responses=inline_serializer("CohortHealth", {
            "cohort": serializers.CharField(),
            "rules": serializers.DictField(child=serializers.CharField()),
            "results": CityHealthSerializer(many=True),
        }),
    )
    def get(self, request, slug):
        cohort = get_object_or_404(Cohort, slug=slug)
        country = request.query_params.get("country") or None
        rows = cohort_health(cohort=cohort, country=country)
        return Response({
            "cohort": cohort.slug,
            "rules": {key: str(text) for key, text in RULES.items()},
            "results": CityHealthSerializer(rows, many=True).data,
        })
