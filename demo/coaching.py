"""The demo's coaching: check-ins (with private notes), action items and a request to the
Riverton mayor. Keys are stable texts, so running the demo twice changes nothing."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from coaching.checkins import credit_attendee_hours
from coaching.models import ActionItem, ActionItemStatus, CheckIn, CheckInStatus, MayorRequest

CHECKINS = {
    "riverton": [
        dict(days_ago=36, mode="in_person", people=["cdo", "manager", "equity"],
             summary="Kick-off after the convening: agreed to start with a citywide data "
                     "inventory and to name data stewards in each department.",
             private_notes="Sam is stretched thin; raise team capacity with the mayor "
                           "before the strategy drafting starts.",
             ratings=dict(lead=("amber", "The mayor's data vision is not yet written down."),
                          invest=("red", "No data steward named in any department."),
                          empower=("amber", "Residents not yet involved.")),
             decisions="Inventory first; stewards named by the end of the month."),
        dict(days_ago=22, mode="video", people=["cdo", "manager"],
             summary="Inventory template agreed; three departments have started.",
             private_notes="Public Works is resisting the inventory — keep an eye on it.",
             ratings=dict(lead=("amber", "Vision drafted, not yet shared."),
                          invest=("amber", "Two stewards named out of nine."),
                          empower=("amber", "Equity lead mapping community groups.")),
             decisions="Dana presents the inventory at the next cabinet meeting."),
        dict(days_ago=8, mode="video", people=["cdo", "manager", "equity"],
             summary="Inventory half done. Open-data policy needs the mayor's direction.",
             private_notes="Consider pairing Riverton with Lakeside on open data.",
             ratings=dict(lead=("green", "Mayor endorsed the data vision at cabinet."),
                          invest=("amber", "Five stewards named out of nine."),
                          empower=("amber", "First community data walk planned.")),
             decisions="Ask the mayor about open data by default.", next_in_days=6),
    ],
    "lakeside": [
        dict(days_ago=34, mode="video", people=["cdo", "policy"],
             summary="Arranque: prioridades de seguridad vial y transparencia.",
             private_notes="El equipo espera una decisión presupuestaria de la alcaldesa.",
             ratings=dict(lead=("amber", "La visión está en borrador."),
                          invest=("amber", "Presupuesto pendiente."),
                          empower=("green", "Consejo ciudadano activo.")),
             decisions="Inventario de datos de movilidad."),
        dict(days_ago=20, mode="phone", people=["cdo"],
             summary="Avance del inventario de movilidad.",
             private_notes="Mateo está sobrecargado.",
             ratings=dict(lead=("amber", "Sin cambios."),
                          invest=("red", "No hay presupuesto para la plataforma."),
                          empower=("green", "Consejo ciudadano activo."))),
    ],
}

ITEMS = {
    "riverton": [
        ("Publish the data inventory on the intranet", "cdo", 10, ActionItemStatus.OPEN),
        ("Name a data steward in each department", "manager", -4, ActionItemStatus.OPEN),
        ("Draft the open-data policy options for the mayor", "coach", 5,
         ActionItemStatus.OPEN),
        ("Share the inventory template with all departments", "cdo", -15,
         ActionItemStatus.DONE),
    ],
    "lakeside": [
        ("Presentar el presupuesto de la plataforma", "cdo", -3, ActionItemStatus.OPEN),
        ("Publicar el inventario de movilidad", "policy", 12, ActionItemStatus.OPEN),
    ],
}

COACHES = {"riverton": "coach@demo.test", "lakeside": "coach2@demo.test"}


def _person(demo, slug, key):
    if key == "coach":
        return demo["users"][COACHES[slug]]
    return demo["users"][f"{key}@{slug}.demo.test"]


def seed(demo):
    """Check-ins, action items and one unanswered request to the Riverton mayor."""
    now = timezone.now()
    today = timezone.localdate()
    checkins = {}
    for slug, entries in CHECKINS.items():
        city = demo["cities"][slug]
        zone = ZoneInfo(city.time_zone)
        for entry in entries:
            day = today - timedelta(days=entry["days_ago"])
            fields = {
                "enrollment": demo["enrollments"][slug],
                "coach": demo["users"][COACHES[slug]],
                "happened_at": datetime.combine(day, time(10), zone),
                "duration_minutes": 60, "mode": entry["mode"],
                "private_notes": entry["private_notes"],
                "decisions": entry.get("decisions", ""),
                "status": CheckInStatus.LOGGED, "logged_at": now,
                "next_checkin_on": today + timedelta(days=entry["next_in_days"])
                if "next_in_days" in entry else None,
            }
            for pillar, (rag, why) in entry["ratings"].items():
                fields[f"{pillar}_rag"], fields[f"{pillar}_why"] = rag, why
            checkin, _ = CheckIn.objects.update_or_create(
                city=city, summary=entry["summary"], defaults=fields
            )
            checkin.attendees.set([_person(demo, slug, key) for key in entry["people"]])
            credit_attendee_hours(checkin=checkin)
            checkins.setdefault(slug, []).append(checkin)
    for slug, items in ITEMS.items():
        city = demo["cities"][slug]
        for title, owner, due_in, status in items:
            ActionItem.objects.update_or_create(
                city=city, title=title,
                defaults={
                    "owner": _person(demo, slug, owner), "checkin": checkins[slug][-1],
                    "due_on": today + timedelta(days=due_in), "status": status,
                    "closed_at": now if status != ActionItemStatus.OPEN else None,
                    "created_by": demo["users"][COACHES[slug]],
                },
            )
    MayorRequest.objects.update_or_create(
        city=demo["cities"]["riverton"],
        question="Should Riverton publish its datasets as open data by default?",
        defaults={
            "context": "The inventory lists 140 datasets; 90 have no personal data. A "
                       "default-open policy would let the team publish them this year.",
            "deadline": today + timedelta(days=7),
            "requested_by": demo["users"]["coach@demo.test"],
            "answer": "", "answered_by": None, "answered_at": None,
        },
    )
    demo["checkins"] = checkins
