from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from followon.models import FollowOn, InitiativeUpdate, MetricUpdate


@admin.register(FollowOn)
class FollowOnAdmin(SimpleHistoryAdmin):
    list_display = ["city", "starts_on", "months", "focus_area"]
    list_select_related = ["city"]
    raw_id_fields = ["city", "enrollment", "focus_set_by"]


@admin.register(InitiativeUpdate)
class InitiativeUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["city", "initiative", "quarter", "status", "updated_at"]
    list_select_related = ["city", "initiative"]
    raw_id_fields = ["city", "follow_on", "initiative", "recorded_by"]


@admin.register(MetricUpdate)
class MetricUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["city", "metric", "quarter", "actual", "updated_at"]
    list_select_related = ["city", "metric"]
    raw_id_fields = ["city", "follow_on", "metric", "recorded_by"]
