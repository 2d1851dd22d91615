"""Staff see every notification and e-mail, resend failed mail, and edit reminder rules."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.admin_log import record_admin_action
from common.admin_inlines import LabelledTabularInline
from notifications.models import (
    EmailOutbox,
    EmailStatus,
    Notification,
    NotificationEvent,
    NotificationPreference,
    ReminderDelivery,
    ReminderRule,
)
from notifications.outbox import resend_emails


class NotificationInline(LabelledTabularInline):
    model = Notification
    fields = ["recipient", "subject", "delivery", "read_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class EmailInline(LabelledTabularInline):
    model = EmailOutbox
    fields = ["to", "subject", "status", "attempts", "sent_at", "last_error"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(NotificationEvent)
class NotificationEventAdmin(admin.ModelAdmin):
    """Every notify() call: answers "was the mayor told?"."""

    list_display = ["created_at", "event", "about_repr", "city", "recipients_text", "mandatory"]
    list_filter = ["category", "city", "mandatory", "event"]
    search_fields = ["event", "about_repr", "recipients_text", "notifications__recipient__email"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in NotificationEvent._meta.fields]
    inlines = [NotificationInline, EmailInline]
    list_select_related = ["city"]

    def has_add_permission(self, request):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "subject", "category", "delivery", "city", "read_at"]
    list_filter = ["category", "delivery", "city", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["recipient__email", "recipient__name", "subject", "record__event"]
    date_hierarchy = "created_at"
    list_select_related = ["recipient", "city"]
    raw_id_fields = ["recipient", "record"]
    readonly_fields = ["record", "recipient", "city", "category", "subject", "body", "url",
                       "delivery", "created_at", "digested_at"]

    def has_add_permission(self, request):
        return False


@admin.action(description=_("Resend the selected e-mails"))
def resend(modeladmin, request, queryset):
    emails = list(queryset)
    resendable = [e for e in emails if e.status in (EmailStatus.FAILED, EmailStatus.SENT)]
    count = resend_emails(emails=emails)
    for email in resendable:
        record_admin_action(modeladmin=modeladmin, request=request, obj=email)
    modeladmin.message_user(
        request,
        ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", count)
        % {"count": count},
        messages.SUCCESS if count else messages.WARNING,
    )


@admin.register(EmailOutbox)
class EmailOutboxAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "subject", "status", "attempts", "sent_at", "city"]
    list_filter = ["status", "city"]
    search_fields = ["to", "subject", "last_error"]
    date_hierarchy = "created_at"
    actions = [resend]
    list_select_related = ["city"]
    readonly_fields = [f.name for f in EmailOutbox._meta.fields]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body_text", "body_html", "attachments")


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "category", "delivery"]
    list_filter = ["category", "delivery"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]


@admin.register(ReminderRule)
class ReminderRuleAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "offset", "audience", "active"]
    list_filter = ["kind", "audience", "active"]
    list_editable = ["active"]


@admin.register(ReminderDelivery)
class ReminderDeliveryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "rule", "content_type", "object_id", "recipient_key",
                    "occurrence"]
    list_filter = ["rule"]
    search_fields = ["recipient_key", "object_id"]
    readonly_fields = ["rule", "content_type", "object_id", "recipient_key", "recipient",
                       "occurrence", "claim", "created_at"]

    def has_add_permission(self, request):
        return False
