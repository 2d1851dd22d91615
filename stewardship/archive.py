"""What a city's export contains: one JSON document per kind of data the city owns, and
the files it uploaded or had made.

Every collector runs inside ``scope(city=…)`` and filters by the city explicitly as well
(applications and notification records are not scoped models). What the city's own people
may not see is left out by name: the coaches' private notes, the staff's internal notes and
scores on applications, the recipients of notifications.
"""

import os
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import models

from accounts.models import Invitation, Membership
from applications.answers import answers_of
from applications.models import Application
from coaching.checkins import checkins_visible_to
from coaching.models import ActionItem, CheckIn, CoachAssignment, MayorRequest
from cohorts.models import Enrollment
from notifications.models import NotificationEvent
from schedule.audience import sessions_for_city
from schedule.models import Attendance, HoursEntry, Rsvp
from showcases.models import Evidence, Feedback, Message, Showcase, ShowcaseSlot
from strategy.models import (
    Comment,
    ComponentPlan,
    Initiative,
    Metric,
    Strategy,
    StrategyDocument,
    StrategyVersion,
)

# Never exported, whoever asks: staff-only or coach-only fields.
PRIVATE_FIELDS = {
    CheckIn: {"private_notes"},
    Application: {
        "internal_notes",
        "score_data_foundations",
        "score_leadership",
        "score_team",
        "decided_by",
    },
    NotificationEvent: {"recipients_text", "content_type"},
    Invitation: {"token"},
}


@dataclass
class ArchiveFile:
    """A stored file to copy into the archive under ``path``."""

    path: str
    storage_name: str


@dataclass
class Contents:
    """The documents (name → data) and files of one export."""

    documents: dict = field(default_factory=dict)
    files: list = field(default_factory=list)

    def add_file(self, fieldfile, folder, label):
        """Queue a stored file and return its path inside the archive (or "")."""
        if not fieldfile:
            return ""
        extension = os.path.splitext(fieldfile.name)[1].lower()
        path = f"files/{folder}/{label}{extension}"
        self.files.append(ArchiveFile(path=path, storage_name=fieldfile.name))
        return path


def person(user):
    """A person as the export shows them: name and e-mail (a former member stays anonymous,
    as their account was anonymised when it was deleted)."""
    if user is None:
        return None
    return {"name": str(user), "email": user.email}


def row(obj, *, skip=()):
    """Every concrete field of ``obj`` as JSON-friendly data, less the private ones.

    People become ``{"name", "email"}``, other relations their id, files their path.
    """
    User = get_user_model()
    hidden = PRIVATE_FIELDS.get(type(obj), set()) | set(skip)
    data = {}
    for model_field in obj._meta.concrete_fields:
        name = model_field.name
        if name in hidden:
            continue
        if isinstance(model_field, models.ForeignKey):
            if model_field.related_model is User:
                data[name] = person(getattr(obj, name))
            else:
                data[f"{name}_id"] = getattr(obj, model_field.attname)
        elif isinstance(model_field, models.FileField):
            continue  # added by the collector with its path in the archive
        else:
            data[name] = model_field.value_from_object(obj)
    return data


def _city_profile(city, contents):
    contents.documents["city"] = row(city)


def _people(city, contents):
    memberships = Membership.objects.filter(city=city).select_related("user").order_by("pk")
    contents.documents["memberships"] = [
        {**row(m, skip={"user"}), "name": str(m.user), "email": m.user.email, "title": m.user.title}
        for m in memberships
    ]
    contents.documents["invitations"] = [
        row(i)
        for i in Invitation.objects.filter(city=city)
        .select_related("invited_by", "accepted_by")
        .order_by("pk")
    ]


def _applications(city, contents):
    documents = []
    for application in (
        Application.objects.filter(city=city).select_related("applicant").order_by("pk")
    ):
        data = row(application)
        data["letter"] = contents.add_file(
            application.letter, "applications", f"{application.pk}-letter-of-commitment"
        )
        data["answers"] = [  # the cohort's own questions, as the applicant read them
            {"section": title, "question": answer.label, "version": answer.version.number,
             "answer": answer.text, "file": contents.add_file(
                 answer.file, "applications", f"{application.pk}-answer-{answer.question_id}")}
            for title, answers in answers_of(application=application) for answer in answers
        ]
        documents.append(data)
    contents.documents["applications"] = documents


def _program(city, contents):
    enrollments = list(Enrollment.objects.filter(city=city).select_related("cohort"))
    contents.documents["enrollments"] = [
        {
            **row(e),
            "cohort": e.cohort.name,
            "starts_on": e.cohort.starts_on,
            "ends_on": e.cohort.ends_on,
        }
        for e in enrollments
    ]
    contents.documents["coach_assignments"] = [
        row(a)
        for a in CoachAssignment.objects.filter(enrollment__city=city)
        .select_related("coach")
        .order_by("pk")
    ]
    sessions = sessions_for_city(city=city).select_related("host")  # as the portal lists them
    contents.documents["sessions"] = [row(s, skip={"uid"}) for s in sessions.order_by("starts_at")]
    contents.documents["rsvps"] = [
        row(r) for r in Rsvp.objects.filter(city=city).select_related("user").order_by("pk")
    ]
    contents.documents["attendance"] = [
        row(a)
        for a in Attendance.objects.filter(city=city)
        .select_related("user", "marked_by")
        .order_by("pk")
    ]
    contents.documents["training_hours"] = [
        row(h)
        for h in HoursEntry.objects.filter(city=city)
        .select_related("user")
        .order_by("on_date", "pk")
    ]


def _coaching(city, contents):
    checkins = (
        checkins_visible_to(city=city)  # logged only: a draft is the coach's, not the city's
        .select_related("coach")
        .prefetch_related("attendees")
        .order_by("happened_at", "pk")
    )
    contents.documents["checkins"] = [
        {**row(c), "attendees": [person(u) for u in c.attendees.all()]} for c in checkins
    ]
    contents.documents["action_items"] = [
        row(a)
        for a in ActionItem.objects.filter(city=city)
        .select_related("owner", "created_by")
        .order_by("pk")
    ]
    contents.documents["mayor_requests"] = [
        row(r)
        for r in MayorRequest.objects.filter(city=city)
        .select_related("requested_by", "answered_by")
        .order_by("pk")
    ]


def _showcases(city, contents):
    documents = []
    showcases = (
        Showcase.objects.filter(city=city)
        .select_related("created_by", "publication_approved_by")
        .order_by("pk")
    )
    for showcase in showcases:
        data = row(showcase)
        evidence = []
        for item in Evidence.objects.filter(showcase=showcase).select_related("added_by"):
            label = f"{item.pk}-{os.path.splitext(item.original_name)[0] or 'evidence'}"
            evidence.append(
                {
                    **row(item),
                    "file": contents.add_file(item.file, f"showcases/{showcase.pk}", label),
                }
            )
        data["evidence"] = evidence
        data["feedback"] = [
            row(f) for f in Feedback.objects.filter(showcase=showcase).select_related("coach")
        ]
        data["messages"] = [
            row(m) for m in Message.objects.filter(showcase=showcase).select_related("author")
        ]
        slot = ShowcaseSlot.objects.filter(showcase=showcase).first()
        data["slot"] = row(slot) if slot else None
        documents.append(data)
    contents.documents["showcases"] = documents


def _strategy(city, contents):
    documents = []
    for strategy in (
        Strategy.objects.filter(city=city)
        .select_related("approved_by", "updated_by")
        .order_by("pk")
    ):
        data = row(strategy)
        data["components"] = []
        for plan in ComponentPlan.objects.filter(strategy=strategy).order_by("order", "pk"):
            data["components"].append(
                {
                    **row(plan),
                    "initiatives": [row(i) for i in Initiative.objects.filter(component=plan)],
                    "metrics": [row(m) for m in Metric.objects.filter(component=plan)],
                }
            )
        data["comments"] = [
            row(c)
            for c in Comment.objects.filter(strategy=strategy).select_related(
                "author", "resolved_by"
            )
        ]
        data["versions"] = [
            row(v)
            for v in StrategyVersion.objects.filter(strategy=strategy)
            .select_related("submitted_by", "decided_by")
            .order_by("number")
        ]
        data["documents"] = [
            {
                **row(d),
                "file": contents.add_file(
                    d.file, f"strategy/{strategy.pk}", f"{d.kind}-{d.content_hash[:12]}"
                ),
            }
            for d in StrategyDocument.objects.filter(strategy=strategy, status="ready")
        ]
        documents.append(data)
    contents.documents["strategy"] = documents


def _notification_log(city, contents):
    events = NotificationEvent.objects.filter(city=city).order_by("created_at", "pk")
    contents.documents["notification_log"] = [row(e) for e in events]


COLLECTORS = (
    _city_profile,
    _people,
    _applications,
    _program,
    _coaching,
    _showcases,
    _strategy,
    _notification_log,
)
KINDS = (
    "city",
    "memberships",
    "invitations",
    "applications",
    "enrollments",
    "coach_assignments",
    "sessions",
    "rsvps",
    "attendance",
    "training_hours",
    "checkins",
    "action_items",
    "mayor_requests",
    "showcases",
    "strategy",
    "notification_log",
)


def collect_city_data(*, city):
    """Everything ``city`` owns, as :class:`Contents` (call inside ``scope(city=city)``)."""
    contents = Contents()
    for collector in COLLECTORS:
        collector(city, contents)
    return contents
