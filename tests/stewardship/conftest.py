import pytest
from django.core.files.base import ContentFile
from django_scopes import scopes_disabled

from accounts.models import Membership, Role
from tests import factories
from tests.tenancy import build_world


def stock_city(world, city, enrollment, *, marker, member, coach):
    """Give ``city`` one row of every kind it owns; every text carries ``marker``."""
    from strategy.editing import start_strategy
    from strategy.models import Comment
    from strategy.review import submit_for_review

    application = factories.ApplicationFactory(
        city=city,
        city_name=city.name,
        cohort=world.cohort,
        state="accepted",
        priorities=f"{marker} priorities",
        internal_notes=f"INTERNAL-NOTE-{marker}",
        score_leadership=4,
    )
    application.letter.save("letter.pdf", ContentFile(f"%PDF-1.4 letter {marker}".encode()))
    session = factories.SessionFactory(
        cohort=world.cohort, title=f"{marker} workshop", audience="city", city=city
    )
    factories.RsvpFactory(session=session, city=city, user=member)
    from schedule.models import Attendance

    Attendance.objects.create(session=session, city=city, user=member)
    factories.HoursEntryFactory(city=city, user=member, note=f"{marker} reading")
    checkin = factories.CheckInFactory(
        city=city,
        enrollment=enrollment,
        coach=coach,
        summary=f"{marker} shared summary",
        private_notes=f"PRIVATE-COACH-NOTE-{marker}",
    )
    checkin.attendees.add(member)
    factories.ActionItemFactory(city=city, checkin=checkin, owner=member, title=f"{marker} action")
    factories.MayorRequestFactory(city=city, question=f"{marker} question?")
    showcase = factories.ShowcaseFactory(city=city, title=f"{marker} showcase", created_by=member)
    factories.EvidenceFileFactory(
        showcase=showcase,
        original_name="figures.csv",
        file=ContentFile(f"month,requests\n{marker},1\n".encode(), name="evidence.csv"),
    )
    factories.EvidenceLinkFactory(showcase=showcase)
    factories.FeedbackFactory(showcase=showcase, coach=coach, strengths=f"{marker} strengths")
    strategy = start_strategy(city=city, user=member)
    strategy.vision = f"{marker} vision"
    strategy.save()
    plan = strategy.components.get(key="governance")
    factories.InitiativeFactory(component=plan, title=f"{marker} initiative")
    factories.MetricFactory(component=plan, name=f"{marker} metric")
    Comment.objects.create(
        strategy=strategy, section="vision", author=coach, body=f"{marker} comment"
    )
    submit_for_review(strategy=strategy, user=member)
    return {
        "application": application,
        "checkin": checkin,
        "showcase": showcase,
        "strategy": strategy,
    }


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    """Cities A and B with people in every role; member_a administers city A; both cities
    have one row of every kind (texts marked ALPHA / BETA)."""
    world = build_world()
    with scopes_disabled():
        Membership.objects.filter(user=world.users["member_a"]).update(is_city_admin=True)
        world.users["admin_b"] = factories.MembershipFactory(
            city=world.other_city, role=Role.CITY_MANAGER, is_city_admin=True
        ).user
        world.extra["a"] = stock_city(
            world,
            world.city,
            world.enrollment,
            marker="ALPHA",
            member=world.users["member_a"],
            coach=world.users["coach_a"],
        )
        world.extra["b"] = stock_city(
            world,
            world.other_city,
            world.other_enrollment,
            marker="BETA",
            member=world.users["member_b"],
            coach=world.users["coach_b"],
        )
    return world

