"""Assignments handed in, at every stage across the demo cohort: accepted after a revision,
accepted at once, submitted and waiting for the coach, back with the team for a revision,
a draft, and not started. Safe to run twice: a city has one submission per assignment and
each revision its number.
"""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Membership, Role
from assignments.models import Attachment, AttachmentKind, Decision, Revision, State, Submission
from curriculum.models import Assignment
from demo.peers import BEHIND, ON_TRACK, PEERS, WITHDREW

TEXTS = {
    "en": ("We listed {n} datasets across eight departments and named an owner for each "
           "one. The inventory lives in a shared sheet the data team reviews monthly."),
    "es": ("Listamos {n} conjuntos de datos de ocho dependencias y nombramos a una persona "
           "responsable de cada uno. El inventario se revisa cada mes."),
    "pt-br": ("Listamos {n} conjuntos de dados de oito secretarias e nomeamos um responsável "
              "por cada um. O inventário é revisado todo mês."),
}
COMMENTS = {
    "en": ("Good start. Add who uses each dataset and how often it is updated, then send it "
           "again.", "Clear and complete: well done."),
    "es": ("Buen comienzo. Agreguen quién usa cada conjunto y con qué frecuencia se "
           "actualiza, y envíenlo de nuevo.", "Claro y completo: bien hecho."),
    "pt-br": ("Bom começo. Acrescentem quem usa cada conjunto e com que frequência é "
              "atualizado, e enviem de novo.", "Claro e completo: muito bem."),
}
# What each city did, assignment by assignment (in due order); missing ones: not started.
# "revised": accepted after a first revision was asked.
RIVERTON = ["revised", "accepted", State.SUBMITTED, State.REVISE, State.DRAFT]
LAKESIDE = ["accepted", State.REVISE, State.DRAFT]
PEER_STAGES = {
    ON_TRACK: ["accepted", "revised", State.SUBMITTED],
    BEHIND: [State.DRAFT],
    WITHDREW: [],
}


def _cdo(city):
    membership = Membership.objects.filter(city=city, role=Role.CDO).select_related("user")
    return membership.first().user


def _hand_in(city, assignment, stage, *, cdo, coach, language, when):
    """City ``city``'s submission of ``assignment`` at ``stage``, with its revisions."""
    text = TEXTS[language].format(n=30 + assignment.pk % 20)
    revise, accept = COMMENTS[language]
    state = State.ACCEPTED if stage in ("accepted", "revised") else stage
    submission, _ = Submission.objects.update_or_create(
        city=city, assignment=assignment,
        defaults=dict(
            text=text, state=state, started_by=cdo,
            submitted_at=when if state != State.DRAFT else None,
            accepted_at=when + timedelta(days=2) if state == State.ACCEPTED else None,
        ),
    )
    link, _ = Attachment.objects.update_or_create(
        submission=submission, url=f"https://example.org/civic/{city.slug}/{assignment.pk}",
        defaults={"kind": AttachmentKind.LINK, "title": assignment.title, "added_by": cdo},
    )
    reviews = {
        "revised": [(Decision.REVISE, revise), (Decision.ACCEPTED, accept)],
        "accepted": [(Decision.ACCEPTED, accept)],
        State.SUBMITTED: [("", "")],
        State.REVISE: [(Decision.REVISE, revise)],
    }.get(stage, [])
    for number, (decision, comment) in enumerate(reviews, start=1):
        revision, _ = Revision.objects.update_or_create(
            submission=submission, number=number,
            defaults=dict(
                text=text, submitted_by=cdo, decision=decision, comment=comment,
                reviewed_by=coach if decision else None,
                reviewed_at=when + timedelta(days=number) if decision else None,
            ),
        )
        revision.attachments.set([link])


def seed(demo):
    """Riverton and Lakeside at every stage; the peer cities as far as their progress."""
    assignments = list(Assignment.objects.order_by("due_on", "pk"))
    now = timezone.now()
    plans = [
        (demo["cities"]["riverton"], RIVERTON, "en", demo["users"]["coach@demo.test"]),
        (demo["cities"]["lakeside"], LAKESIDE, "es", demo["users"]["coach2@demo.test"]),
    ]
    for slug, peer in PEERS.items():
        plans.append((demo["peer_cities"][slug], PEER_STAGES.get(peer["progress"], []),
                      peer["language"], demo["users"][peer["coach"]]))
    for city, stages, language, coach in plans:
        cdo = _cdo(city)
        for n, (assignment, stage) in enumerate(zip(assignments, stages, strict=False)):
            _hand_in(city, assignment, stage, cdo=cdo, coach=coach, language=language,
                     when=now - timedelta(days=20 - 3 * n))
