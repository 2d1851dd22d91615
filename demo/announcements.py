"""Demo part: one announcement sent to the whole cohort and one scheduled for the mayors.

Safe to run twice: each is found by its cohort and English subject; one already sent or
scheduled is left as it is.
"""

import datetime
import zoneinfo

from django.utils import timezone

from announcements.models import Announcement, AnnouncementStatus, AudienceKind
from announcements.sending import (
    schedule_announcement,
    send_announcement,
    write_announcement,
)

WELCOME = {
    "en": ("Welcome to the cohort",
           "Welcome! Your city's page has the schedule, your coach and your team. "
           "Answer the invitations to the first sessions so we can plan the rooms."),
    "es": ("Bienvenidos a la cohorte",
           "¡Bienvenidos! La página de su ciudad tiene el calendario, su coach y su equipo. "
           "Respondan a las invitaciones a las primeras sesiones para que podamos "
           "organizar las salas."),
    "pt-br": ("Boas-vindas à coorte",
              "Boas-vindas! A página da sua cidade tem o calendário, o seu coach e a sua "
              "equipe. Respondam aos convites das primeiras sessões para podermos "
              "organizar as salas."),
}
CONVENING = {
    "en": ("The convening: travel details",
           "Mayors: the in-person convening is near. Your travel details and the agenda "
           "are attached to your session page."),
    "es": ("La convención: detalles del viaje",
           "Alcaldes: la convención presencial se acerca. Los detalles del viaje y la "
           "agenda están en la página de la sesión."),
    "pt-br": ("A convenção: detalhes da viagem",
              "Prefeitos: a convenção presencial está próxima. Os detalhes da viagem e a "
              "agenda estão na página da sessão."),
}


def _written(demo, texts, audience, required=False):
    cohort = demo["cohort"]
    found = Announcement.objects.filter(cohort=cohort, subject_en=texts["en"][0]).first()
    return found or write_announcement(
        cohort=cohort, author=demo["users"]["staff@demo.test"], texts=texts,
        audience=audience, required=required)


def seed(demo):
    welcome = _written(demo, WELCOME, AudienceKind.EVERYONE)
    if welcome.status != AnnouncementStatus.SENT:
        send_announcement(announcement=welcome)
    convening = _written(demo, CONVENING, AudienceKind.MAYORS, required=True)
    if convening.status == AnnouncementStatus.DRAFT:
        zone = zoneinfo.ZoneInfo(demo["cohort"].time_zone)
        day = timezone.localdate(timezone.now(), zone) + datetime.timedelta(days=7)
        send_at = datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=zone)
        schedule_announcement(announcement=convening, send_at=send_at)
    demo["announcements"] = {"sent": welcome, "scheduled": convening}
