"""The schedule and hours API: ``/api/v1/cities/<city>/sessions/`` and ``…/hours/``."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from caching.api_cache import CachedCityListMixin
from cities.api import CityNestedAPIMixin
from cities.doors import on_object, rule_permission
from common import api_inputs
from schedule.audience import sessions_for_city
from schedule.commitment import ledger_months
from schedule.hours import ledger_note, log_learning
from schedule.models import HoursEntry, Rsvp, RsvpAnswer, Session
from schedule.rsvp import rsvp
from schedule.rules import SessionInCity

MONTHS_SHOWN = 6


class SessionSerializer(serializers.ModelSerializer):
    my_rsvp = serializers.SerializerMethodField(
        help_text="The caller's answer: yes, no, maybe, or null."
    )
    module = serializers.StringRelatedField(allow_null=True)  # null: not a module's session

    class Meta:
        model = Session
        fields = [
            "id", "uid", "sequence", "kind", "title", "description", "starts_at", "ends_at",
            "time_zone", "location", "video_url", "audience", "capacity", "module",
            "is_cancelled", "my_rsvp",
        ]
        read_only_fields = fields

    def get_my_rsvp(self, session) -> str | None:
        return self.context.get("answers", {}).get(session.pk)


class RsvpInputSerializer(serializers.Serializer):
    answer = serializers.ChoiceField(choices=RsvpAnswer.choices)


class SessionViewSet(CachedCityListMixin, CityNestedAPIMixin,
                     viewsets.ReadOnlyModelViewSet):
    """The sessions a city sees, oldest first, with the caller's RSVP (``my_rsvp``).
    ``POST …/sessions/<id>/rsvp/`` with ``{"answer": "yes" | "no" | "maybe"}`` answers."""

    permission_classes = [rule_permission(rsvp=on_object(
        "can_answer_invitation", of=lambda request, session: SessionInCity(session, request.city),
    ))]

    serializer_class = SessionSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI schema, no city
            return Session.objects.none()
        return sessions_for_city(city=self.request.city).select_related("module").order_by(
            "starts_at", "pk"
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self.request, "city", None) is not None and self.request.user.is_authenticated:
            context["answers"] = dict(
                Rsvp.objects.filter(user=self.request.user).values_list("session_id", "answer")
            )
        return context

    @extend_schema(request=RsvpInputSerializer, responses=SessionSerializer)
    @action(detail=True, methods=["post"], serializer_class=RsvpInputSerializer)
    def rsvp(self, request, *args, **kwargs):
        session = self.get_object()
        data = RsvpInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rsvp(session=session, user=request.user, city=request.city,
             answer=data.validated_data["answer"])
        context = self.get_serializer_context()
        return Response(SessionSerializer(session, context=context).data)


class HoursEntrySerializer(serializers.ModelSerializer):
    person = serializers.StringRelatedField(source="user")
    note = serializers.SerializerMethodField()

    class Meta:
        model = HoursEntry
        fields = ["id", "user", "person", "hours", "on_date", "source", "note"]
        read_only_fields = fields

    def get_note(self, entry) -> str:
        """What the line is: as typed, or described in the reader's language."""
        return ledger_note(entry)


class LogLearningSerializer(serializers.Serializer):
    hours = serializers.DecimalField(max_digits=5, decimal_places=2)
    on_date = api_inputs.DateField()
    note = serializers.CharField(max_length=500)


def _string(description):
    return {"type": "string", "description": description}


MEMBER_HOURS = {
    "type": "object",
    "required": ["user", "name", "hours", "met"],
    "properties": {
        "user": {"type": "integer"},
        "name": {"type": "string"},
        "hours": {"type": "string", "format": "decimal"},
        "met": {"type": "boolean", "description": "The member met the monthly commitment."},
    },
}
MONTH_TOTAL = {
    "type": "object",
    "required": ["month", "hours", "commitment", "met", "members"],
    "properties": {
        "month": _string("The month, as YYYY-MM."),
        "hours": {"type": "string", "format": "decimal"},
        "commitment": {"type": "string", "format": "decimal"},
        "met": {"type": "boolean"},
        "members": {"type": "array", "items": MEMBER_HOURS},
    },
}


class LedgerPagination(PageNumberPagination):
    """A page of the hours ledger, with ``months`` beside the results (documented too)."""

    def get_paginated_response_schema(self, schema):
        page = super().get_paginated_response_schema(schema)
        page["properties"]["months"] = {
            "type": "array", "items": MONTH_TOTAL,
            "description": "The last six months' totals against the monthly commitment.",
        }
        page["required"] = [*page["required"], "months"]
        return page


class HoursViewSet(CityNestedAPIMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """The city's training-hours ledger (newest first) with ``months``: the last six months'
    totals against the city's monthly commitment. ``POST`` logs the caller's own learning."""

    serializer_class = HoursEntrySerializer
    pagination_class = LedgerPagination
    permission_classes = [rule_permission(create="can_log_hours")]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return HoursEntry.objects.none()
        return HoursEntry.objects.filter(city=self.request.city).select_related("user").order_by(
            "-on_date", "-pk"
        )

    def get_serializer_class(self):
        return LogLearningSerializer if self.action == "create" else HoursEntrySerializer

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        response = self.get_paginated_response(HoursEntrySerializer(page, many=True).data)
        response.data["months"] = [
            {"month": total.month.strftime("%Y-%m"), "hours": str(total.hours),
             "commitment": str(total.commitment), "met": total.met,
             "members": [{"user": m.user.pk, "name": str(m.user), "hours": str(m.hours),
                          "met": m.met} for m in total.members]}
            for total in ledger_months(city=request.city, months=MONTHS_SHOWN)
        ]
        return response

    @extend_schema(request=LogLearningSerializer, responses={201: HoursEntrySerializer})
    def create(self, request, *args, **kwargs):
        data = LogLearningSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = log_learning(city=request.city, user=request.user, **data.validated_data)
        return Response(HoursEntrySerializer(entry).data, status=201)
