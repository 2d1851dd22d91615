"""The coaching API: ``/api/v1/cities/<city>/checkins/`` and ``…/action-items/``.

Two check-in serializers: the city's people get the shared part; the coach and staff also
get ``private_notes``. Writes go through the domain functions.
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response

from caching.api_cache import CachedCityListMixin
from cities.api import CityNestedAPIMixin
from cities.doors import allows, on_object, require, rule_permission
from cities.people import CityPersonField
from coaching import actions, checkins
from coaching.models import (
    ActionItem,
    ActionItemStatus,
    CheckIn,
    CheckInMode,
    CheckInStatus,
    Pillar,
    Rag,
)
from common import api_inputs

RATING_FIELDS = [f"{p.value}_{part}" for p in Pillar for part in ("rag", "why")]
SHARED_FIELDS = [
    "id", "happened_at", "duration_minutes", "mode", "attendees", "summary", *RATING_FIELDS,
    "decisions", "next_checkin_on", "status", "logged_at", "coach",
]


class CheckInSerializer(serializers.ModelSerializer):
    """What the city's people see of a check-in: never the private notes."""

    attendees = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    coach = serializers.StringRelatedField()

    class Meta:
        model = CheckIn
        fields = SHARED_FIELDS
        read_only_fields = SHARED_FIELDS

    def get_fields(self):
        fields = super().get_fields()
        for pillar in Pillar:  # a pillar not rated yet is "" (the schema says so too)
            fields[f"{pillar.value}_rag"] = serializers.ChoiceField(
                choices=Rag.choices, allow_blank=True, read_only=True
            )
        return fields


class CheckInCoachSerializer(CheckInSerializer):
    """The coach's and staff's view: the shared part plus the private notes."""

    class Meta(CheckInSerializer.Meta):
        fields = [*SHARED_FIELDS, "private_notes"]
        read_only_fields = fields


class CheckInDocumentedSerializer(CheckInSerializer):
    """The schema's check-in: the shared part, plus ``private_notes`` for the coach and
    program staff only (absent for the city's people)."""

    private_notes = serializers.CharField(
        required=False, help_text="Only for the city's coach and program staff."
    )

    class Meta(CheckInSerializer.Meta):
        fields = [*SHARED_FIELDS, "private_notes"]


class CheckInInputSerializer(serializers.Serializer):
    """What a coach sends to log (``status: logged``, the default) or draft a check-in."""

    happened_at = api_inputs.DateTimeField(required=False)
    duration_minutes = serializers.IntegerField(required=False, min_value=1, max_value=480)
    mode = serializers.ChoiceField(choices=CheckInMode.choices, required=False)
    attendees = CityPersonField(many=True, required=False, people=checkins.city_member_ids)
    summary = serializers.CharField(required=False, allow_blank=True)
    private_notes = serializers.CharField(required=False, allow_blank=True)
    decisions = serializers.CharField(required=False, allow_blank=True)
    next_checkin_on = api_inputs.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=CheckInStatus.choices, default=CheckInStatus.LOGGED)

    def get_fields(self):
        fields = super().get_fields()
        for pillar in Pillar:
            fields[f"{pillar.value}_rag"] = serializers.ChoiceField(
                choices=Rag.choices, required=False, allow_blank=True
            )
            fields[f"{pillar.value}_why"] = serializers.CharField(
                required=False, allow_blank=True, max_length=300
            )
        return fields


def _writes(request, answer):
    """The schema of a viewset whose writes read ``request`` and answer ``answer``."""
    return extend_schema_view(
        create=extend_schema(request=request, responses={201: answer}),
        update=extend_schema(request=request, responses=answer),
        partial_update=extend_schema(request=request, responses=answer),
    )


@_writes(CheckInInputSerializer, CheckInDocumentedSerializer)
class CheckInViewSet(CachedCityListMixin, CityNestedAPIMixin, mixins.CreateModelMixin,
                     mixins.UpdateModelMixin,
                     viewsets.ReadOnlyModelViewSet):
    """A city's check-ins. The city's people see logged check-ins without private notes;
    the coach and staff see drafts and private notes, and log and edit check-ins."""

    permission_classes = [rule_permission(
        create="can_log_checkin", update="can_log_checkin", partial_update="can_log_checkin",
    )]

    def _coaching(self):
        if getattr(self, "swagger_fake_view", False):
            return True  # the schema documents the coach's view (private notes included)
        return allows("can_view_private_notes", self.request.user, self.request.city)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI schema, no city
            return CheckIn.objects.none()
        queryset = checkins.checkins_visible_to(
            city=self.request.city, user=self.request.user
        ).select_related("coach").prefetch_related("attendees").order_by("-happened_at", "-pk")
        if not self._coaching():
            queryset = queryset.defer("private_notes")
        return queryset

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return CheckInInputSerializer
        if getattr(self, "swagger_fake_view", False):
            return CheckInDocumentedSerializer  # private notes: there for some callers only
        return CheckInCoachSerializer if self._coaching() else CheckInSerializer

    def _save(self, request, checkin):
        data = CheckInInputSerializer(data=request.data, partial=checkin is not None,
                                      context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        intent = values.pop("status", CheckInStatus.LOGGED)
        attendees = values.pop("attendees", None)
        attendee_ids = {user.pk for user in attendees} if attendees is not None else None
        if intent == CheckInStatus.DRAFT:
            checkin = checkins.save_checkin_draft(
                city=request.city, by=request.user, checkin=checkin, values=values,
                attendee_ids=attendee_ids,
            )
        else:
            checkin = checkins.log_checkin(
                city=request.city, by=request.user, checkin=checkin, values=values,
                attendee_ids=attendee_ids,
            )
        return CheckInCoachSerializer(checkin).data

    def create(self, request, *args, **kwargs):
        return Response(self._save(request, None), status=201)

    def update(self, request, *args, **kwargs):
        return Response(self._save(request, self.get_object()))


class ActionItemSerializer(serializers.ModelSerializer):
    owner_name = serializers.StringRelatedField(source="owner")

    class Meta:
        model = ActionItem
        fields = ["id", "title", "details", "owner", "owner_name", "due_on", "status",
                  "checkin", "initiative", "closed_at", "created_at"]
        read_only_fields = fields


class ActionItemInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    details = serializers.CharField(required=False, allow_blank=True)
    owner = CityPersonField(required=False, people=actions.possible_owner_ids)
    due_on = api_inputs.DateField(required=False)
    status = serializers.ChoiceField(choices=ActionItemStatus.choices, required=False)
    checkin = serializers.IntegerField(required=False, allow_null=True)
    initiative = serializers.IntegerField(required=False, allow_null=True)


def _initiative(city, pk):
    if not pk:
        return None
    initiative = actions.city_initiatives(city=city).filter(pk=pk).first()
    if initiative is None:
        raise serializers.ValidationError({"initiative": [_("Unknown initiative.")]})
    return initiative


@_writes(ActionItemInputSerializer, ActionItemSerializer)
class ActionItemViewSet(CachedCityListMixin, CityNestedAPIMixin, mixins.CreateModelMixin,
                        mixins.UpdateModelMixin,
                        viewsets.ReadOnlyModelViewSet):
    """A city's action items. The coach and staff create and edit them; the owner, the
    coach and staff change their status (``open``, ``done``, ``dropped``)."""

    serializer_class = ActionItemSerializer
    permission_classes = [rule_permission(
        create="can_manage_action_items",
        update=on_object("can_update_action_item"),
        partial_update=on_object("can_update_action_item"),
    )]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI schema, no city
            return ActionItem.objects.none()
        return ActionItem.objects.filter(city=self.request.city).select_related(
            "owner"
        ).order_by("due_on", "pk")

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return ActionItemInputSerializer
        return ActionItemSerializer

    def create(self, request, *args, **kwargs):
        data = ActionItemInputSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values.pop("status", None)
        checkin_id = values.pop("checkin", None)
        checkin = None
        if checkin_id:
            checkin = CheckIn.objects.filter(city=request.city, pk=checkin_id).first()
            if checkin is None:
                raise serializers.ValidationError({"checkin": [_("Unknown check-in.")]})
        item = actions.create_action_item(
            city=request.city, by=request.user, checkin=checkin,
            title=values.get("title", ""), owner=values.get("owner"),
            due_on=values.get("due_on"), details=values.get("details", ""),
            initiative=_initiative(request.city, values.get("initiative")),
        )
        return Response(ActionItemSerializer(item).data, status=201)

    def update(self, request, *args, **kwargs):
        item = self.get_object()
        data = ActionItemInputSerializer(data=request.data, partial=True,
                                         context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        status = values.pop("status", None)
        values.pop("checkin", None)
        initiative = item.initiative
        if "initiative" in values:
            initiative = _initiative(request.city, values.pop("initiative"))
            values["initiative"] = initiative
        if values:
            # Changing what the item says is the coach's and staff's; its status, the owner's.
            require("can_manage_action_items", request.user, request.city)
            item = actions.update_action_item(
                item=item, by=request.user, title=values.get("title", item.title),
                owner=values.get("owner", item.owner), due_on=values.get("due_on", item.due_on),
                details=values.get("details", item.details), initiative=initiative,
            )
        if status and status != item.status:
            step = {
                ActionItemStatus.DONE: actions.complete_action_item,
                ActionItemStatus.DROPPED: actions.drop_action_item,
                ActionItemStatus.OPEN: actions.reopen_action_item,
            }[status]
            item = step(item=item, by=request.user)
        return Response(ActionItemSerializer(item).data)
