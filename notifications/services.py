"""The one entry point of the notification engine: :func:`notify`.

Every other app tells people about things by calling::

    from notifications.services import notify

    notify(
        "application.submitted",
        recipients=[user, ...],          # users, or bare e-mail addresses (invitations)
        about=application,               # any model instance, or None
        context={"application": application},
        category="applications",
        mandatory=False,                 # True ignores opt-outs (invitations, decisions…)
        attachments=[ics_attachment],    # optional, e.g. schedule.notices.ics_attachment(...)
    )

Templates live at ``notifications/templates/notifications/<event>/subject.txt``, ``body.txt`` and
(optionally) ``body.html``. Their context is yours plus ``recipient`` (the user, or None for a
bare address), ``about``, ``link`` (absolute URL of ``about``, or ``context["link"]``) and
``site_url``. Each person gets them in their own language and time zone; someone without
an account (an invitee) in the language and zone of the city ``about`` reaches.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from cities.language import city_language
from cities.models import City
from cities.owned import city_of
from notifications.inbox import forget_unread_counts
from notifications.models import (
    Category,
    Delivery,
    EmailOutbox,
    Notification,
    NotificationEvent,
    NotificationPreference,
)
from notifications.outbox import queue_emails
from notifications.rendering import absolute_url, render_message

CATEGORIES = frozenset(Category.values)
DEFAULT_DELIVERY = Delivery.IMMEDIATELY


@dataclass
class Message:
    """One thing to tell a group of people (one :class:`NotificationEvent`)."""

    event: str
    recipients: list
    category: str
    about: object = None
    context: dict = field(default_factory=dict)
    mandatory: bool = False
    attachments: list = field(default_factory=list)


def notify(event, *, recipients, about=None, context=None, category, mandatory=False,
           attachments=None):
    """Tell ``recipients`` that ``event`` happened (about ``about``); return the record.

    Writes a :class:`NotificationEvent` (the answer to "was the mayor told?"), an in-app
    :class:`Notification` per user, and, per each person's preference for ``category``,
    queues an e-mail in the outbox (sent once the current transaction commits).
    ``mandatory`` mail (invitations, password resets, decisions on an application) ignores
    the opt-out. A recipient may be a bare e-mail address: they get the e-mail only.
    """
    message = Message(
        event=event, recipients=list(recipients), category=category, about=about,
        context=dict(context or {}), mandatory=mandatory, attachments=list(attachments or []),
    )
    return deliver_messages(messages=[message])[0]


def delivery_for(*, user, category, preferences=None):
    """How ``user`` wants to hear about ``category`` (``preferences``: a prefetched dict)."""
    if preferences is None:
        preferences = dict(
            NotificationPreference.objects.filter(user=user).values_list("category", "delivery")
        )
    return preferences.get(category, DEFAULT_DELIVERY)


def set_preferences(*, user, deliveries):
    """Save ``user``'s choice per category (``deliveries``: {category: delivery})."""
    for category, delivery in deliveries.items():
        if category not in CATEGORIES or delivery not in Delivery.values:
            raise ValueError(f"Unknown category or delivery: {category}={delivery}")
        NotificationPreference.objects.update_or_create(
            user=user, category=category, defaults={"delivery": delivery}
        )


def _dedupe(recipients):
    seen, unique = set(), []
    for recipient in recipients:
        key = recipient.pk if hasattr(recipient, "pk") else str(recipient).strip().lower()
        if key and key not in seen:
            seen.add(key)
            unique.append(recipient if hasattr(recipient, "pk") else key)
    return unique


def _record_for(message, city_id):
    content_type, object_id, about_repr = None, "", ""
    if message.about is not None:
        content_type = ContentType.objects.get_for_model(message.about, for_concrete_model=True)
        object_id = str(message.about.pk)
        about_repr = str(message.about)[:300]
    names = [str(getattr(r, "email", r)) for r in message.recipients]
    return NotificationEvent(
        event=message.event, category=message.category, mandatory=message.mandatory,
        content_type=content_type, object_id=object_id, about_repr=about_repr,
        city_id=city_id, recipients_text=", ".join(names),
    )


def _link(message):
    link = message.context.get("link")
    if not link and hasattr(message.about, "get_absolute_url"):
        link = message.about.get_absolute_url()
    return link or ""


def deliver_messages(*, messages):
    """Record and deliver many messages with a constant number of queries; return records.

    The reminder sweep uses this for a whole batch; :func:`notify` for one message.
    """
    User = get_user_model()
    for message in messages:
        if message.category not in CATEGORIES:
            raise ValueError(f"Unknown notification category: {message.category!r}")
        message.recipients = _dedupe(message.recipients)
    cities = [city_of(message.about) for message in messages]
    records = NotificationEvent.objects.bulk_create(
        [_record_for(m, city_id) for m, city_id in zip(messages, cities, strict=True)]
    )
    users = {r.pk: r for m in messages for r in m.recipients if isinstance(r, User)}
    preferences = {}
    for user_id, category, delivery in NotificationPreference.objects.filter(
        user_id__in=list(users)
    ).values_list("user_id", "category", "delivery"):
        preferences.setdefault(user_id, {})[category] = delivery

    notifications, emails = [], []
    for message, record, city_id in zip(messages, records, cities, strict=True):
        relative_link = _link(message)
        for recipient in message.recipients:
            is_user = isinstance(recipient, User)
            context = {
                **message.context, "recipient": recipient if is_user else None,
                "about": message.about, "link": absolute_url(relative_link),
                "site_url": settings.SITE_URL,
            }
            if is_user:
                language, zone = recipient.language, recipient.time_zone
            else:
                language, zone = _city_reading(message.about)
            rendered = render_message(
                event=message.event, context=context, language=language, time_zone=zone,
            )
            delivery = DEFAULT_DELIVERY
            notification = None
            if is_user:
                delivery = delivery_for(
                    user=recipient, category=message.category,
                    preferences=preferences.get(recipient.pk, {}),
                )
                if message.mandatory:
                    delivery = Delivery.IMMEDIATELY
                notification = Notification(
                    record=record, recipient=recipient, city_id=city_id,
                    category=message.category, subject=rendered.subject, body=rendered.text,
                    url=relative_link, delivery=delivery,
                )
                notifications.append(notification)
            if delivery == Delivery.IMMEDIATELY and (not is_user or recipient.is_active):
                emails.append(EmailOutbox(
                    record=record, notification=notification,
                    recipient=recipient if is_user else None, city_id=city_id,
                    to=recipient.email if is_user else recipient,
                    subject=rendered.subject, body_text=rendered.text, body_html=rendered.html,
                    attachments=message.attachments,
                ))
    Notification.objects.bulk_create(notifications)
    forget_unread_counts(user_ids=[n.recipient_id for n in notifications])
    for email in emails:  # bulk_create has set the notifications' primary keys by now
        email.notification_id = email.notification.pk if email.notification else None
    EmailOutbox.objects.bulk_create(emails)
    queue_emails(email_ids=[email.pk for email in emails])
    return records


def _city_reading(about):
    """(language, time zone) for someone without an account (an invitee): the city's, if
    the object reaches one (the language the city works in), else the program's and UTC."""
    city_id = city_of(about)
    if city_id is None:
        return settings.LANGUAGE_CODE, "UTC"
    city = about if isinstance(about, City) else (
        City.objects.filter(pk=city_id).only("time_zone", "language", "country").first())
    if city is None:
        return settings.LANGUAGE_CODE, "UTC"
    return city_language(city), city.time_zone or "UTC"
