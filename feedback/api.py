"""The caller's own feedback on sessions, under ``/api/v1/cities/<city>/``.

``GET …/feedback/`` lists the sessions the caller attended for the city that have ended,
newest first, each with the caller's feedback (``answered``, ``is_open`` and ``closes_at``
say what can still be done). ``GET …/sessions/<id>/feedback/`` is the caller's feedback on
one session, with ``reason``: why it cannot be given now (not attended, not ended, closed),
or null; ``PUT`` there with ``{"rating": 1-5, "most_useful", "to_change"}`` gives or
changes it (400 with that reason, at ``rating``, when it cannot).
"""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from cities.api import CityNestedAPIMixin
from cities.doors import rule_permission
from common.api_inputs import DateTimeField
from feedback.answers import feedback_items, give_feedback, session_feedback_state
from feedback.models import COMMENT_MAX, HIGHEST, LOWEST
from schedule.audience import sessions_for_city
from schedule.models import Attendance, SessionKind


class SessionFeedbackSerializer(serializers.Serializer):
    session = serializers.IntegerField(source="session.pk", help_text="The session's id.")
    title = serializers.CharField(source="session.title")
    kind = serializers.ChoiceField(source="session.kind", choices=SessionKind.choices)
    starts_at = DateTimeField(source="session.starts_at", read_only=True)
    ends_at = DateTimeField(source="session.ends_at", read_only=True)
    closes_at = DateTimeField(read_only=True,
        help_text="Until when the feedback can be given or changed.")
    attended = serializers.BooleanField(help_text="Whether the caller was marked present.")
    is_open = serializers.BooleanField(help_text="Whether it can be given or changed now.")
    answered = serializers.BooleanField()
    rating = serializers.SerializerMethodField()
    most_useful = serializers.SerializerMethodField()
    to_change = serializers.SerializerMethodField()
    answered_at = serializers.SerializerMethodField()

    def _answer(self, item, name, empty):
        return getattr(item.feedback, name) if item.answered else empty

    def get_rating(self, item) -> int | None:
        """1 (very poor) to 5 (excellent); null before an answer."""
        return self._answer(item, "rating", None)

    def get_most_useful(self, item) -> str:
        return self._answer(item, "most_useful", "")

    def get_to_change(self, item) -> str:
        return self._answer(item, "to_change", "")

    def get_answered_at(self, item) -> str | None:
        moment = self._answer(item, "answered_at", None)
        return serializers.DateTimeField().to_representation(moment) if moment else None


class SessionFeedbackStateSerializer(SessionFeedbackSerializer):
    reason = serializers.CharField(
        allow_null=True, help_text="Why the caller cannot give feedback now, or null.")


class SessionFeedbackInputSerializer(serializers.Serializer):
    rating = serializers.IntegerField(min_value=LOWEST, max_value=HIGHEST)
    most_useful = serializers.CharField(max_length=COMMENT_MAX, required=False,
                                        allow_blank=True, default="")
    to_change = serializers.CharField(max_length=COMMENT_MAX, required=False,
                                      allow_blank=True, default="")


class FeedbackViewSet(CityNestedAPIMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """The caller's feedback on the sessions they attended for this city, newest first."""

    serializer_class = SessionFeedbackSerializer

    def get_queryset(self):  # unused: the items are built by feedback.answers
        return Attendance.objects.none()

    def list(self, request, *args, **kwargs):
        items = feedback_items(user=request.user, city=request.city)
        page = self.paginate_queryset(items)
        return self.get_paginated_response(SessionFeedbackSerializer(page, many=True).data)


class SessionFeedbackAPIView(CityNestedAPIMixin, APIView):
    """The caller's feedback on one session of the city (``PUT`` gives or changes it)."""

    permission_classes = [rule_permission(put="can_give_feedback")]

    def _session(self, request, session_id):
        session = sessions_for_city(city=request.city).filter(pk=session_id).first()
        if session is None:
            raise Http404
        return session

    def _state(self, request, session, now=None):
        item, reason = session_feedback_state(session=session, user=request.user,
                                              city=request.city, now=now)
        item.reason = reason
        return Response(SessionFeedbackStateSerializer(item).data)

    @extend_schema(responses=SessionFeedbackStateSerializer)
    def get(self, request, city, id):  # noqa: A002 - the sessions list's field is "id"
        return self._state(request, self._session(request, id))

    @extend_schema(request=SessionFeedbackInputSerializer,
                   responses=SessionFeedbackStateSerializer)
    def put(self, request, city, id):  # noqa: A002
        session = self._session(request, id)
        data = SessionFeedbackInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        now = timezone.now()
        give_feedback(session=session, user=request.user, city=request.city, now=now,
                      **data.validated_data)
        return self._state(request, session, now=now)
