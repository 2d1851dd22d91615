"""The demo's showcases: both cities in several states, with real (tiny) evidence files,
coach feedback, a conversation, a slot in a showcase session and one practice published to
the library. Safe to run twice (stable keys: city + title)."""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from demo import samples
from schedule.models import Session, SessionKind
from showcases.models import (
    Evidence,
    Feedback,
    Message,
    Showcase,
    ShowcaseRound,
    ShowcaseSlot,
    State,
)

SHOWCASES = [
    # city, title, state, fields, evidence [(kind, title, name or url, bytes)], feedback
    ("riverton", "311 response-time routine", State.PRESENTED, dict(
        practice_type="data_routine", pillar="lead",
        what_changed="Every Monday the deputy mayor reviews 311 response times by "
                     "department, using a dashboard refreshed nightly.",
        who_involved="Deputy mayor for operations, public works, the 311 centre, data office.",
        impact="Requests closed on time rose from 71% in January to 83% in March.",
        impact_kind="measured", sustainment_owner="Deputy mayor for operations",
        sustainment_how="A standing weekly meeting; the dashboard refresh is automated and "
                        "owned by the data office.",
    ), [
        ("file", "One-page summary", "311-routine-summary.pdf",
         lambda: samples.pdf_bytes("Riverton 311 response-time routine")),
        ("file", "On-time closures chart", "on-time-chart.png", samples.png_bytes),
        ("file", "Monthly figures", "311-monthly.csv", samples.csv_bytes),
        ("link", "Public 311 dashboard", "https://data.riverton.example/311", None),
    ], "The routine has a clear owner and a measured result.", False),
    ("riverton", "Open data policy", State.FEEDBACK_GIVEN, dict(
        practice_type="policy", pillar="invest",
        what_changed="The council adopted an open data policy with a publication schedule.",
        who_involved="City attorney, IT, the council's clerk.",
        impact="12 datasets scheduled for publication this year.", impact_kind="expected",
        sustainment_owner="Chief data officer",
        sustainment_how="Quarterly publication review.",
    ), [
        ("file", "Policy text", "open-data-policy.pdf",
         lambda: samples.pdf_bytes("Riverton open data policy")),
    ], "A strong policy with council backing.", True),
    ("riverton", "Resident survey dashboard", State.DRAFT, dict(
        practice_type="resident_communication", pillar="empower",
        what_changed="Survey results will be shared with residents on a public page.",
    ), [("link", "Draft page", "https://riverton.example/survey", None)], None, False),
    ("lakeside", "Tablero de baches", State.ACCEPTED, dict(
        practice_type="performance", pillar="lead",
        what_changed="Las cuadrillas reciben cada mañana una lista de baches priorizada.",
        who_involved="Obras públicas y la oficina de datos.",
        impact="Reparaciones en 48 horas: del 40% al 65%.", impact_kind="measured",
        sustainment_owner="Director de obras públicas",
        sustainment_how="Revisión mensual con el alcalde.",
    ), [("file", "Cifras mensuales", "baches.csv", samples.csv_bytes)],
        "Buen uso de los datos para priorizar.", False),
    ("lakeside", "Evaluación del alumbrado público", State.SUBMITTED, dict(
        practice_type="evaluation", pillar="invest",
        what_changed="Evaluamos el programa de alumbrado LED con datos de incidentes.",
        who_involved="Seguridad pública y la universidad local.",
        impact="Resultados esperados en seis meses.", impact_kind="expected",
        sustainment_owner="Oficina de datos", sustainment_how="Evaluación anual.",
    ), [("link", "Diseño de la evaluación", "https://lakeside.example/evaluacion", None)],
        None, False),
]

COACHES = {"riverton": "coach@demo.test", "lakeside": "coach2@demo.test"}


def _showcase_session(cohort, starts):
    session = Session.objects.filter(cohort=cohort, kind=SessionKind.SHOWCASE).order_by(
        "starts_at"
    ).first()
    if session is None:
        session = Session.objects.create(
            cohort=cohort, kind=SessionKind.SHOWCASE, title="Mid-program showcase",
            starts_at=starts, ends_at=starts + timedelta(hours=2),
            time_zone=cohort.time_zone, video_url="https://video.example/showcase",
        )
    return session


def seed(demo):
    cohort = demo["cohort"]
    now = timezone.now()
    showcase_round, _ = ShowcaseRound.objects.update_or_create(
        cohort=cohort, title="Mid-program showcase",
        defaults={"submission_deadline": now + timedelta(days=14),
                  "description": "Show one practice you put into action."},
    )
    starts = timezone.make_aware(datetime.combine(
        timezone.localdate() + timedelta(days=21), time(15)))
    session = _showcase_session(cohort, starts)
    staff = demo["users"]["staff@demo.test"]
    for slug, title, state, fields, evidence, strengths, revision in SHOWCASES:
        city = demo["cities"][slug]
        cdo = demo["users"][f"cdo@{slug}.demo.test"]
        coach = demo["users"][COACHES[slug]]
        submitted = state != State.DRAFT
        defaults = dict(
            fields, round=showcase_round, state=state, revision_requested=revision,
            created_by=cdo, submitted_at=now - timedelta(days=10) if submitted else None,
            sustainment_review_on=timezone.localdate() + timedelta(days=180),
            accepted_at=now - timedelta(days=3)
            if state in (State.ACCEPTED, State.PRESENTED) else None,
            presented_at=now - timedelta(days=1) if state == State.PRESENTED else None,
        )
        if title == "311 response-time routine":
            defaults |= dict(publication_consent=True, publication_approved_by=staff,
                             published_at=now - timedelta(hours=12))
        showcase, _ = Showcase.objects.update_or_create(city=city, title=title,
                                                        defaults=defaults)
        if not showcase.evidence.exists():
            for kind, label, name, data in evidence:
                item = Evidence(showcase=showcase, kind=kind, title=label, added_by=cdo)
                if kind == "link":
                    item.url = name
                else:
                    content = data()
                    extension = name.rsplit(".", 1)[-1]
                    item.original_name, item.size = name, len(content)
                    item.content_type = {
                        "pdf": "application/pdf", "png": "image/png", "csv": "text/csv",
                    }[extension]
                    item.file.save(f"evidence.{extension}", ContentFile(content), save=False)
                item.save()
        if strengths:
            Feedback.objects.get_or_create(
                showcase=showcase, coach=coach, strengths=strengths,
                defaults={"suggestions": "Show the baseline next to the result.",
                          "sustainment_risks": "Depends on one analyst; document the steps.",
                          "revision_requested": revision},
            )
            Message.objects.get_or_create(
                showcase=showcase, author=cdo,
                body="Thank you! We will add the baseline and a short how-to.",
            )
        if state == State.ACCEPTED or state == State.PRESENTED:
            ShowcaseSlot.objects.update_or_create(
                showcase=showcase,
                defaults={"session": session, "order": 1 if slug == "riverton" else 2,
                          "duration_minutes": 15},
            )
    demo["showcase_session"] = session
