"""API for applicants and staff: eligibility (public), cohorts (public read), applications.

Cohorts are public to read, like the ``/apply/`` page: their names, dates and application
windows are what a city needs to know before it has an account. Applications: an applicant
sees and edits their own; staff see all. Decisions are made in the admin (not here).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import slug_re
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import SENIOR_TEAM_ROLES
from accounts.throttles import ScopedRateThrottle
from applications.answer_api import AnswerSerializer, QuestionSerializer, clean_api_answers
from applications.answers import record_answers
from applications.eligibility import check_application, check_eligibility, is_eligible
from applications.lifecycle import (
    save_draft,
    submit_application,
    visible_applications,
    window_is_open,
    withdraw_application,
)
from applications.models import Application
from applications.questions import questions_of
from cities.api_fields import CountryCodeField
from cities.doors import on_object, rule_permission
from cohorts.models import Cohort


class EligibilityRequestSerializer(serializers.Serializer):
    population = serializers.IntegerField(min_value=0, allow_null=True)
    has_cdo = serializers.BooleanField()
    monthly_commitment_hours = serializers.DecimalField(
        max_digits=5, decimal_places=1, min_value=0, allow_null=True)
    mayor_commits_to_convening = serializers.BooleanField(required=False, allow_null=True,
                                                          default=None)
    team_size = serializers.IntegerField(required=False, min_value=0, allow_null=True,
                                         default=None)
    cohort = serializers.SlugField(required=False, allow_blank=True,
                                   help_text="Use this cohort's thresholds (default: program's).")


class CheckSerializer(serializers.Serializer):
    rule = serializers.CharField()
    passed = serializers.BooleanField()
    message = serializers.CharField()


class EligibilityResponseSerializer(serializers.Serializer):
    eligible = serializers.BooleanField()
    checks = CheckSerializer(many=True)


def _raise_api(error):
    raise APIValidationError(
        error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages}
    ) from error


class EligibilityView(APIView):
    """Judge the eligibility rules for the answers given; nothing is stored.

    The first three rules always; the mayor's convening commitment and the team size when
    given.
    """

    permission_classes = [permissions.AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "eligibility"

    @extend_schema(request=EligibilityRequestSerializer, responses=EligibilityResponseSerializer)
    def post(self, request):
        data = EligibilityRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        cohort = None
        if values.get("cohort"):
            cohort = Cohort.objects.filter(slug=values["cohort"]).first()
        checks = check_eligibility(
            population=values["population"], has_cdo=values["has_cdo"],
            monthly_commitment_hours=values["monthly_commitment_hours"],
            mayor_commits_to_convening=values.get("mayor_commits_to_convening"),
            team_size=values.get("team_size"), cohort=cohort,
        )
        return Response({"eligible": is_eligible(checks),
                         "checks": [check.as_dict() for check in checks]})


class CohortSerializer(serializers.ModelSerializer):
    applications_open = serializers.SerializerMethodField()

    class Meta:
        model = Cohort
        fields = [
            "slug", "name", "starts_on", "ends_on", "time_zone", "capacity",
            "convening_starts_on", "convening_ends_on", "applications_open_at",
            "applications_close_at", "applications_open", "min_population",
            "min_monthly_hours", "min_team_size", "max_team_size",
        ]

    def get_applications_open(self, cohort) -> bool:
        return window_is_open(cohort=cohort)


class CohortViewSet(viewsets.ReadOnlyModelViewSet):
    """Cohorts and their application windows (public)."""

    serializer_class = CohortSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"  # a slug; anything else (a NUL byte…) is 404
    queryset = Cohort.objects.order_by("-starts_on")

    @extend_schema(responses=QuestionSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def questions(self, request, slug=None):
        """The cohort's own application questions, in order, in the request's language
        (while its application window is open; staff: always)."""
        cohort = self.get_object()
        if not (window_is_open(cohort=cohort) or request.user.is_staff):
            raise Http404
        return Response(QuestionSerializer(questions_of(cohort=cohort), many=True).data)


class TeamMemberSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField()
    role = serializers.ChoiceField(choices=[(r.value, r.label) for r in SENIOR_TEAM_ROLES])


class CohortSlugField(serializers.SlugRelatedField):
    """A cohort named by its slug. Text that cannot be a slug is "no such cohort" before it
    reaches the database (PostgreSQL fails on a NUL byte in a query)."""

    def to_internal_value(self, data):
        if isinstance(data, str) and not slug_re.fullmatch(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=data[:100])
        return super().to_internal_value(data)


class ApplicationSerializer(serializers.ModelSerializer):
    cohort = CohortSlugField(slug_field="slug", queryset=Cohort.objects.all())
    team = TeamMemberSerializer(many=True, required=False)
    country = CountryCodeField(required=False, allow_blank=True)
    checks = serializers.SerializerMethodField()
    answers = AnswerSerializer(many=True, required=False, help_text=(
        "Answers to the cohort's own questions. Written answers replace those to the same "
        "questions; others are kept."))

    class Meta:
        model = Application
        fields = [
            "id", "cohort", "state", "city_name", "country", "region", "time_zone",
            "population", "population_source", "population_year", "has_cdo", "cdo_name",
            "cdo_title", "cdo_email", "no_cdo_statement", "monthly_commitment_hours",
            "mayor_name", "mayor_email", "mayor_commits_to_convening", "team", "priorities",
            "data_foundations", "answers", "eligible", "checks", "created_at",
            "submitted_at", "decided_at",
        ]
        read_only_fields = ["state", "eligible", "created_at", "submitted_at", "decided_at"]

    @extend_schema_field(CheckSerializer(many=True))
    def get_checks(self, application) -> list[dict]:
        return [check.as_dict() for check in check_application(application=application)]

    def validate_cohort(self, cohort):
        if self.instance is not None and cohort != self.instance.cohort:
            raise serializers.ValidationError(_("An application cannot move to another cohort."))
        return cohort

    def validate_team(self, team):
        emails = [m["email"].lower() for m in team]
        if len(emails) != len(set(emails)):
            raise serializers.ValidationError(_("Each team member needs their own e-mail address."))
        return [dict(m, email=m["email"].lower()) for m in team]

    def validate(self, attrs):
        if "answers" in attrs:
            cohort = attrs.get("cohort") or self.instance.cohort
            attrs["answers"] = clean_api_answers(cohort=cohort, items=attrs["answers"])
        return attrs

    def save(self, **kwargs):
        user = self.context["request"].user
        application = self.instance or Application(applicant=user)
        values = {**self.validated_data, **kwargs}
        answers = values.pop("answers", {})
        for name, value in values.items():
            setattr(application, name, value)
        try:
            with transaction.atomic():
                save_draft(application=application, by=user)
                record_answers(application=application, answers=answers)
        except DjangoValidationError as error:
            _raise_api(error)
        self.instance = application
        return application


class ApplicationViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin,
                         viewsets.ReadOnlyModelViewSet):
    """Applications: an applicant's own (staff: all). Drafts are edited; then submitted or
    withdrawn. Another person's application is 404."""

    serializer_class = ApplicationSerializer
    permission_classes = [rule_permission(**dict.fromkeys(
        ("update", "partial_update", "submit", "withdraw"),
        on_object("can_work_on_application"),
    ))]
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        return (visible_applications(user=self.request.user).order_by("-created_at")
                .prefetch_related("answers__version", "answers__question"))

    def _transition(self, function):
        application = self.get_object()
        try:
            function(application=application, by=self.request.user)
        except DjangoValidationError as error:
            _raise_api(error)
        return Response(self.get_serializer(application).data, status=status.HTTP_200_OK)

    @extend_schema(request=None, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit the draft; refused with a message per failed rule when not eligible."""
        return self._transition(submit_application)

    @extend_schema(request=None, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        """Withdraw the application (until a decision is made)."""
        return self._transition(withdraw_application)
