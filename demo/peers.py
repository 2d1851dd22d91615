"""The rest of the demo cohort: nine more cities across the Americas, so the dashboards,
calendars and reports show what a program team sees with a real cohort.

Riverton and Lakeside (and the six demo logins) are seeded by the other parts and stay as
they are; this part adds cities in Canada, the United States, Mexico, Colombia, Brazil,
Chile and Argentina, with their people speaking the city's language, two more coaches
(each with two to four cities, with Lakeside's coach), and three kinds of progress:

- ``on_track``: the team attends, logs its hours, meets the coach every two weeks, has a
  showcase accepted and a strategy with the mayor (one of them approved);
- ``behind``: one check-in, few hours, a strategy that is only a vision;
- ``withdrew``: a city that left the cohort in its second month.

Every row has a stable key (slug, e-mail, summary, title), so running the demo twice
changes nothing. People get the demo password through one hash computed once.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import Membership, Role, User
from cities.models import City
from coaching.checkins import credit_attendee_hours
from coaching.models import CheckIn, CheckInStatus, CoachAssignment
from cohorts.enrollment import withdraw_enrollment
from cohorts.models import Enrollment
from schedule.attendance import mark_attendance
from schedule.audience import invited_memberships
from schedule.hours import credit_hours
from schedule.models import Session, SessionKind
from strategy.editing import start_strategy
from strategy.models import Initiative, StrategyState
from strategy.review import approve_strategy, submit_for_review

ON_TRACK, BEHIND, WITHDREW = "on_track", "behind", "withdrew"

# slug: city fields, language of its people, coach, progress, people's names
PEERS = {
    "maple-harbour": dict(
        city=dict(name="Maple Harbour", country="CA", region="Nova Scotia",
                  time_zone="America/Halifax", population=431_000,
                  population_source="Statistics Canada", population_year=2021,
                  monthly_commitment_hours=6),
        language="en", coach="coach3@demo.test", progress=ON_TRACK,
        names=("Mayor Claire Fournier", "Owen MacLeod", "Priya Shah"),
    ),
    "greenfield": dict(
        city=dict(name="Greenfield", country="US", region="Colorado",
                  time_zone="America/Denver", population=156_000,
                  population_source="US Census ACS", population_year=2023,
                  monthly_commitment_hours=5),
        language="en", coach="coach3@demo.test", progress=BEHIND,
        names=("Mayor Tom Whitaker", "Jenna Brooks", "Marcus Lee"),
    ),
    "rio-claro": dict(
        city=dict(name="Río Claro", country="AR", region="Córdoba",
                  time_zone="America/Argentina/Cordoba", population=143_000,
                  population_source="INDEC", population_year=2022,
                  monthly_commitment_hours=5),
        language="es", coach="coach3@demo.test", progress=WITHDREW,
        names=("Intendente Martín Quiroga", "Florencia Paz", "Diego Acosta"),
    ),
    "bahia-clara": dict(
        city=dict(name="Bahía Clara", country="CO", region="Bolívar",
                  time_zone="America/Bogota", population=265_000, population_source="DANE",
                  population_year=2018, monthly_commitment_hours=5),
        language="es", coach="coach2@demo.test", progress=BEHIND,
        names=("Alcalde Andrés Gómez", "Valentina Ríos", "Camilo Herrera"),
    ),
    "valle-alto": dict(
        city=dict(name="Valle Alto", country="CL", region="Biobío",
                  time_zone="America/Santiago", population=174_000, population_source="INE",
                  population_year=2017, monthly_commitment_hours=6),
        language="es", coach="coach2@demo.test", progress=ON_TRACK,
        names=("Alcaldesa Javiera Soto", "Ignacio Fuentes", "Catalina Vera"),
    ),
    "puerto-sol": dict(
        city=dict(name="Puerto Sol", country="MX", region="Sonora",
                  time_zone="America/Hermosillo", population=221_000,
                  population_source="INEGI", population_year=2020,
                  monthly_commitment_hours=5),
        language="es", coach="coach2@demo.test", progress=ON_TRACK,
        names=("Alcalde Ricardo Salazar", "Daniela Moreno", "Luis Carrillo"),
    ),
    "vila-serena": dict(
        city=dict(name="Vila Serena", country="BR", region="Minas Gerais",
                  time_zone="America/Sao_Paulo", population=512_000, population_source="IBGE",
                  population_year=2022, monthly_commitment_hours=6),
        language="pt-br", coach="coach4@demo.test", progress=ON_TRACK,
        names=("Prefeita Helena Costa", "Rafael Almeida", "Juliana Pereira"),
    ),
    "santa-aurora": dict(
        city=dict(name="Santa Aurora", country="BR", region="Paraná",
                  time_zone="America/Sao_Paulo", population=198_000, population_source="IBGE",
                  population_year=2022, monthly_commitment_hours=5),
        language="pt-br", coach="coach4@demo.test", progress=BEHIND,
        names=("Prefeito João Ribeiro", "Camila Santos", "Bruno Oliveira"),
    ),
    "prairie-falls": dict(
        city=dict(name="Prairie Falls", country="CA", region="Manitoba",
                  time_zone="America/Winnipeg", population=118_000,
                  population_source="Statistics Canada", population_year=2021,
                  monthly_commitment_hours=5),
        language="en", coach="coach4@demo.test", progress=ON_TRACK,
        names=("Mayor Ruth Sinclair", "Ethan Dubois", "Grace Okafor"),
    ),
}

COACHES = [
    # e-mail, name, time zone, language
    ("coach3@demo.test", "Jordan Coach", "America/Toronto", "en"),
    ("coach4@demo.test", "Beatriz Coach", "America/Sao_Paulo", "pt-br"),
]

# The roles of the three people of each peer city, in the order of ``names``.
ROLES = (Role.MAYOR, Role.CDO, Role.CITY_MANAGER)

CHECKIN_TEXT = {
    "en": ("Reviewed the data inventory and agreed the next steps with the team.",
           "Team capacity is the main risk; follow up with the city manager."),
    "es": ("Revisamos el inventario de datos y acordamos los próximos pasos con el equipo.",
           "La capacidad del equipo es el principal riesgo; seguir con la gerencia."),
    "pt-br": ("Revisamos o inventário de dados e combinamos os próximos passos com a equipe.",
              "A capacidade da equipe é o principal risco; acompanhar com a gerência."),
}
VISION = {
    "en": "By 2029 {city} decides with timely, trusted data and shows residents the results.",
    "es": "Para 2029 {city} decide con datos oportunos y confiables y muestra los "
          "resultados a sus habitantes.",
    "pt-br": "Até 2029 {city} decide com dados oportunos e confiáveis e mostra os "
             "resultados aos moradores.",
}
# An on-track team's plan, in its language: priorities, and per component a target, a goal
# and one initiative (years 1, 2, 3, 1 across the four components).
PLAN = {
    "en": dict(priorities="Faster permits\nSafer streets", owner="Chief data officer",
               target="A routine the whole city hall follows, with a named owner.",
               goal="Agree the routine with every department",
               initiative="Start the routine in three departments"),
    "es": dict(priorities="Permisos más rápidos\nCalles más seguras",
               owner="Dirección de datos",
               target="Una rutina que sigue toda la alcaldía, con un responsable nombrado.",
               goal="Acordar la rutina con cada área",
               initiative="Empezar la rutina en tres áreas"),
    "pt-br": dict(priorities="Licenças mais rápidas\nRuas mais seguras",
                  owner="Diretoria de dados",
                  target="Uma rotina que toda a prefeitura segue, com um responsável nomeado.",
                  goal="Combinar a rotina com cada secretaria",
                  initiative="Começar a rotina em três secretarias"),
}
WITHDRAWAL_REASON = (
    "The city's budget for the data office was frozen; the mayor asked to join a later cohort."
)


def _people(slug, peer, password):
    """The mayor, CDO and city manager of one peer city, by role."""
    users = {}
    zone = peer["city"]["time_zone"]
    for role, name in zip(ROLES, peer["names"], strict=True):
        key = "manager" if role == Role.CITY_MANAGER else role
        users[role] = _user(f"{key}@{slug}.demo.test", name, zone, peer["language"], password)
    return users


def _user(email, name, zone, language, password):
    user, created = User.objects.get_or_create(
        email=email, defaults=dict(name=name, time_zone=zone, language=language,
                                   password=password),
    )
    if not created and (user.name, user.time_zone, user.language) != (name, zone, language):
        user.name, user.time_zone, user.language = name, zone, language
        user.save(update_fields=["name", "time_zone", "language"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _city(slug, peer, password):
    city, _ = City.objects.update_or_create(slug=slug, defaults=peer["city"])
    people = _people(slug, peer, password)
    for role, user in people.items():
        Membership.objects.update_or_create(
            user=user, city=city, defaults={"role": role, "is_city_admin": role == Role.CDO},
        )
    if city.chief_data_officer_id != people[Role.CDO].pk:
        city.chief_data_officer = people[Role.CDO]
        city.save(update_fields=["chief_data_officer"])
    return city, people


def _attendance(cohort, cities, progress, staff):
    """Past group sessions, marked after the fact: on-track cities attend everything they
    are invited to; elsewhere mayors attend the convening, teams behind only the keynotes
    and the withdrawn city's team its first month."""
    now = timezone.now()
    past = Session.objects.filter(cohort=cohort, ends_at__lt=now, is_cancelled=False).exclude(
        kind=SessionKind.COACHING
    )
    ids = {city.pk for city in cities.values()}
    for session in past:
        for membership in invited_memberships(session=session):
            if membership.city_id not in ids:
                continue
            kind = progress[membership.city.slug]
            if kind == ON_TRACK:
                attends = True
            elif membership.role == Role.MAYOR:
                attends = session.kind == SessionKind.CONVENING
            elif kind == BEHIND:
                attends = session.kind == SessionKind.KEYNOTE
            else:  # withdrew: attended until the end of the first month
                attends = session.starts_at.date() < cohort.starts_on + timedelta(days=30)
            if attends:
                mark_attendance(session=session, user=membership.user, city=membership.city,
                                by=staff)


def _checkins(slug, peer, city, enrollment, people, coach):
    """On track: a logged check-in every two weeks; behind and withdrawn: one."""
    today = timezone.localdate()
    zone = ZoneInfo(city.time_zone)
    summary, private = CHECKIN_TEXT[peer["language"]]
    count = 4 if peer["progress"] == ON_TRACK else 1
    for n in range(count):
        day = enrollment.cohort.starts_on + timedelta(days=12 + 14 * n)
        if day >= today:
            break
        checkin, _ = CheckIn.objects.update_or_create(
            city=city, summary=f"{summary} ({n + 1})",
            defaults=dict(
                enrollment=enrollment, coach=coach,
                happened_at=datetime.combine(day, time(10), zone), duration_minutes=60,
                mode="video", private_notes=private, status=CheckInStatus.LOGGED,
                logged_at=datetime.combine(day, time(12), zone),
                lead_rag="green" if peer["progress"] == ON_TRACK else "amber",
                invest_rag="amber" if peer["progress"] == ON_TRACK else "red",
                empower_rag="amber",
            ),
        )
        checkin.attendees.set([people[Role.CDO], people[Role.CITY_MANAGER]])
        credit_attendee_hours(checkin=checkin)


def _self_logged(slug, peer, city, people):
    """On-track teams log a few hours of self-paced learning each month."""
    if peer["progress"] != ON_TRACK:
        return
    today = timezone.localdate()
    for back in range(3):
        # The 6th of each of the last months, and the 1st of this one.
        day = (today.replace(day=1) - timedelta(days=28 * back)).replace(day=6 if back else 1)
        for role in (Role.CDO, Role.CITY_MANAGER):
            credit_hours(
                city=city, user=people[role], hours=3, on_date=day, source="self",
                source_key=f"demo-self:{slug}:{day:%Y-%m}:{role}",
                note={"en": "Self-paced course", "es": "Curso a su ritmo",
                      "pt-br": "Curso no próprio ritmo"}[peer["language"]],
            )


def _strategy(slug, peer, city, people):
    """On track: with the mayor (Valle Alto's approved); behind: a vision only."""
    if peer["progress"] == WITHDREW:
        return
    cdo, mayor = people[Role.CDO], people[Role.MAYOR]
    strategy = start_strategy(city=city, user=cdo)
    if not strategy.vision:
        strategy.vision = VISION[peer["language"]].format(city=city.name)
        strategy.save(update_fields=["vision", "updated_at"])
    if peer["progress"] != ON_TRACK or strategy.state != StrategyState.DRAFTING:
        return
    _fill(strategy, PLAN[peer["language"]])
    submit_for_review(strategy=strategy, user=cdo)
    if slug == "valle-alto":
        approve_strategy(strategy=strategy, user=mayor)


def _fill(strategy, plan):
    """Priorities, and per component a maturity, a target, a goal and an initiative."""
    strategy.priorities = plan["priorities"]
    strategy.save(update_fields=["priorities", "updated_at"])
    for year, component in zip((1, 2, 3, 1), strategy.components.order_by("order"),
                               strict=False):
        component.current_maturity = 2
        component.target_state, component.goals = plan["target"], plan["goal"]
        component.save(update_fields=["current_maturity", "target_state", "goals"])
        Initiative.objects.update_or_create(
            component=component, title=plan["initiative"],
            defaults=dict(year=year, quarters=[1, 2], owner=plan["owner"]),
        )


def _withdraw(enrollment):
    if enrollment.withdrawn_on is None:
        withdraw_enrollment(
            enrollment=enrollment, on=enrollment.cohort.starts_on + timedelta(days=40),
            reason=WITHDRAWAL_REASON,
        )


def seed(demo):
    """Nine more cities in the demo cohort, with their people, coaches and progress."""
    cohort, staff = demo["cohort"], demo["users"]["staff@demo.test"]
    password = make_password(settings.DEMO_PASSWORD)
    for email, name, zone, language in COACHES:
        demo["users"][email] = _user(email, name, zone, language, password)
    cities, people, progress = {}, {}, {}
    for slug, peer in PEERS.items():
        cities[slug], people[slug] = _city(slug, peer, password)
        progress[slug] = peer["progress"]
        enrollment, _ = Enrollment.objects.get_or_create(city=cities[slug], cohort=cohort)
        coach = demo["users"][peer["coach"]]
        CoachAssignment.objects.update_or_create(
            coach=coach, enrollment=enrollment,
            defaults={"is_primary": True, "cadence_days": 14},
        )
        _checkins(slug, peer, cities[slug], enrollment, people[slug], coach)
        _self_logged(slug, peer, cities[slug], people[slug])
        _strategy(slug, peer, cities[slug], people[slug])
        if peer["progress"] == WITHDREW:
            _withdraw(enrollment)
    _attendance(cohort, cities, progress, staff)
    demo["peer_cities"] = cities
