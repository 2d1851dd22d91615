"""Write, schedule and send announcements to a cohort.

Sending goes through the notification engine (``notifications.services.deliver_messages``):
each person gets an in-app notification and, per their preference for announcements (or
always, when staff marked the announcement required), an e-mail in the outbox, which
retries temporary failures itself. An announcement is *claimed* by one conditional UPDATE
(draft or scheduled → sent) inside the transaction that writes its recipients: two workers
dispatching the same announcement at once cannot both send it (the second finds it sent),
and the unique (announcement, person) row is the last guard.
"""

from collections import defaultdict
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from announcements.audience import (
    LANGUAGES,
    audience_of,
    cohort_day,
    language_for,
    versions,
)
from announcements.models import Announcement, AnnouncementStatus, AudienceKind, Recipient
from cities.models import City
from notifications.models import Category, EmailOutbox, Notification
from notifications.rendering import render_message
from notifications.services import Message, deliver_messages

EVENT = "program.announcement"
UNSENT = (AnnouncementStatus.DRAFT, AnnouncementStatus.SCHEDULED)


def _text_errors(texts):
    errors = {}
    for language, (subject, body) in texts.items():
        field = language.replace("-", "_")
        if subject.strip() and not body.strip():
            errors[f"body_{field}"] = _("Write the text that goes with this subject.")
        elif body.strip() and not subject.strip():
            errors[f"subject_{field}"] = _("Give this text a subject.")
    if not errors and not any(s.strip() and b.strip() for s, b in texts.values()):
        errors["subject_en"] = _("Write the announcement in at least one language.")
    return errors


def write_announcement(*, cohort, author, texts, audience=AudienceKind.EVERYONE, cities=(),
                       required=False):
    """Write a draft announcement to ``cohort``; return it.

    ``texts`` is ``{language: (subject, body)}`` for any of English, Spanish and Portuguese
    (at least one, each with both a subject and a text). ``cities``, when given, narrows the
    audience to those of the cohort's cities; ``required`` sends it by e-mail whatever each
    person's preferences. Raises ``ValidationError`` with a message per field.
    """
    texts = {language: texts.get(language, ("", "")) for language in LANGUAGES}
    errors = _text_errors(texts)
    if audience not in AudienceKind.values:
        errors["audience"] = _("Choose whom the announcement is for.")
    enrolled = set(City.objects.filter(enrollments__cohort=cohort).values_list("pk", flat=True))
    if any(city.pk not in enrolled for city in cities):
        errors["cities"] = _("Choose cities of this cohort.")
    if errors:
        raise ValidationError(errors)
    fields = {}
    for language, (subject, body) in texts.items():
        field = language.replace("-", "_")
        fields[f"subject_{field}"], fields[f"body_{field}"] = subject.strip(), body.strip()
    announcement = Announcement.objects.create(
        cohort=cohort, written_by=author, audience=audience, required=required, **fields
    )
    announcement.cities.set(cities)
    return announcement


def schedule_announcement(*, announcement, send_at, now=None):
    """Schedule an unsent announcement for ``send_at`` (an aware date-time); return it.

    The time must be in the future; an announcement already sent cannot be scheduled.
    The periodic dispatch (:func:`dispatch_due_announcements`) sends it once it is due.
    """
    now = now or timezone.now()
    if send_at is None or send_at <= now:
        raise ValidationError({"send_at": _(
            "Choose a time in the future: it is %(now)s in the program's time zone now."
        ) % {"now": date_format(timezone.localtime(now, timezone=_cohort_zone(announcement)),
                                "DATETIME_FORMAT")}})
    # Conditional: a colleague (or the dispatch) may have sent it since this copy was read.
    if not Announcement.objects.filter(pk=announcement.pk, status__in=UNSENT).update(
        status=AnnouncementStatus.SCHEDULED, send_at=send_at, updated_at=now,
    ):
        raise ValidationError(_("This announcement was sent already."))
    announcement.status, announcement.send_at = AnnouncementStatus.SCHEDULED, send_at
    return announcement


def _cohort_zone(announcement):
    return ZoneInfo(announcement.cohort.time_zone or "UTC")  # the program's zone


def _claim(announcement, now):
    """Mark ``announcement`` sent if it was not: True for the one caller that did."""
    return bool(Announcement.objects.filter(pk=announcement.pk, status__in=UNSENT).update(
        status=AnnouncementStatus.SENT, sent_at=now, updated_at=now,
    ))


def send_announcement(*, announcement, now=None):
    """Send ``announcement`` to its audience now; return its :class:`Recipient` rows.

    Each person of :func:`~announcements.audience.audience_of` (on today's date in the
    program's zone) gets the version in their language (see ``language_for``) in the inbox
    and, per their preference or always when it is required, by e-mail. Returns ``None``
    when the announcement was sent already (by a colleague, or another worker).
    """
    now = now or timezone.now()
    with transaction.atomic():
        if not _claim(announcement, now):
            return None
        announcement.refresh_from_db()
        written = versions(announcement)
        people = audience_of(announcement, day=cohort_day(announcement.cohort, now))
        groups = defaultdict(list)
        for person in people:
            groups[language_for(announcement, person.user, written=written)].append(person)
        messages = [
            Message(
                event=EVENT, recipients=[person.user for person in group],
                category=Category.ANNOUNCEMENTS, about=announcement,
                context={"subject": written[language][0], "body": written[language][1],
                         "announcement": announcement},
                mandatory=announcement.required,
            )
            for language, group in groups.items()
        ]
        records = deliver_messages(messages=messages) if messages else []
        notifications = dict(Notification.objects.filter(record__in=records).values_list(
            "recipient_id", "pk"))
        emails = dict(EmailOutbox.objects.filter(record__in=records).values_list(
            "recipient_id", "pk"))
        return Recipient.objects.bulk_create([
            Recipient(
                announcement=announcement, user=person.user, city=person.city,
                language=language, notification_id=notifications.get(person.user.pk),
                email_id=emails.get(person.user.pk),
            )
            for language, group in groups.items() for person in group
        ])


def dispatch_due_announcements(*, now=None):
    """Send every scheduled announcement whose time has come; return how many were sent.

    Run by Celery beat every minute. Safe to run twice at once: each announcement is
    claimed by one run only (see :func:`send_announcement`).
    """
    now = now or timezone.now()
    due = Announcement.objects.filter(
        status=AnnouncementStatus.SCHEDULED, send_at__lte=now
    ).select_related("cohort").order_by("send_at", "pk")
    return sum(send_announcement(announcement=a, now=now) is not None for a in due)


def preview_announcement(*, announcement, user):
    """The announcement as ``user`` would receive it (``Rendered``: subject, text, HTML),
    in their language and time zone."""
    written = versions(announcement)
    language = language_for(announcement, user, written=written)
    subject, body = written.get(language, ("", ""))
    return render_message(
        event=EVENT, language=user.language, time_zone=user.time_zone,
        context={"recipient": user, "subject": subject, "body": body, "link": "",
                 "announcement": announcement, "about": announcement},
    )
