"""The shapes the strategy API reads and answers, for its OpenAPI schema (and so for the
clients generated from it). ``strategy.api`` builds the answers; these describe them."""

from rest_framework import serializers

from common.api_inputs import DateTimeField
from strategy.models import DocumentKind, DocumentStatus, StrategyState


class InitiativeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    year = serializers.IntegerField(allow_null=True)
    quarters = serializers.ListField(child=serializers.JSONField())
    owner = serializers.CharField(allow_blank=True)
    resources = serializers.CharField(allow_blank=True)
    dependencies = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    practice_areas = serializers.ListField(child=serializers.CharField())


class MetricSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    baseline = serializers.CharField(allow_blank=True)
    targets = serializers.ListField(child=serializers.CharField(allow_blank=True),
                                    help_text="Years 1, 2 and 3.")
    actuals = serializers.ListField(child=serializers.CharField(allow_blank=True),
                                    help_text="Years 1, 2 and 3.")
    data_source = serializers.CharField(allow_blank=True)
    frequency = serializers.CharField()


class ComponentSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    maturity = serializers.IntegerField(allow_null=True)
    maturity_text = serializers.CharField(allow_blank=True)
    current_state = serializers.CharField(allow_blank=True)
    target_state = serializers.CharField(allow_blank=True)
    goals = serializers.ListField(child=serializers.CharField())
    initiatives = InitiativeSerializer(many=True)
    metrics = MetricSerializer(many=True)


class ApprovalSerializer(serializers.Serializer):
    """Who approved the strategy and when (both empty until it is approved)."""

    by = serializers.CharField(allow_blank=True)
    at = DateTimeField(allow_null=True)


class SectionSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    text = serializers.CharField(allow_blank=True)


class ProgressStepSerializer(serializers.Serializer):
    step = serializers.CharField()
    title = serializers.CharField()
    complete = serializers.BooleanField()
    missing = serializers.ListField(child=serializers.CharField(),
                                    help_text="What the step still lacks (sentences).")


class StrategySerializer(serializers.Serializer):
    """The city's current strategy: state, revision, structured parts, readable sections
    and progress."""

    id = serializers.IntegerField()
    city = serializers.SlugField(help_text="The city's slug.")
    title = serializers.CharField()
    state = serializers.ChoiceField(choices=StrategyState.choices)
    revision = serializers.IntegerField(help_text="Send it back with a PATCH.")
    vision = serializers.CharField(allow_blank=True)
    priorities = serializers.ListField(child=serializers.CharField())
    components = ComponentSerializer(many=True)
    approval = ApprovalSerializer()
    sections = SectionSerializer(many=True)
    progress = ProgressStepSerializer(many=True)
    updated_at = DateTimeField()


class StrategyPatchSerializer(serializers.Serializer):
    """One section, with the revision the edit started from."""

    section = serializers.CharField(help_text='"vision" or "component-<key>".')
    revision = serializers.IntegerField(help_text="The revision the edit started from.")
    fields = serializers.DictField(child=serializers.JSONField(),
                                   help_text="The section's fields and their new values.")


class ConflictSerializer(serializers.Serializer):
    """Someone else changed the section since the revision sent; nothing was saved."""

    detail = serializers.CharField()
    section = serializers.CharField()
    revision = serializers.IntegerField(help_text="The current revision.")
    yours = serializers.JSONField(help_text="What you tried to save.")
    theirs = serializers.JSONField(help_text="The section as saved now.")
    changed_by = serializers.CharField(allow_blank=True)


class DocumentStatusSerializer(serializers.Serializer):
    """The PDF is not ready: ``pending`` (ask again), or ``failed`` (POST to retry)."""

    status = serializers.ChoiceField(choices=DocumentStatus.choices)
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    content_hash = serializers.CharField(allow_blank=True)
    error = serializers.CharField(required=False, help_text="Why rendering failed.")
    detail = serializers.CharField(required=False, help_text="What to do next.")

