"""The curriculum: the three pillars are there from the start; materials are a link or a
file attached to a module or a session."""

import pytest
from django.core.exceptions import ValidationError

from curriculum.models import Material, Pillar
from tests import factories


def test_the_three_pillars_are_seeded(db):
    # As shipped (no text stored): read in the active language, English in tests.
    assert [str(pillar) for pillar in Pillar.objects.order_by("order")] == [
        "Lead confidently with data",
        "Invest in the right people, practices and platforms",
        "Empower people to be part of the solution",
    ]


def test_a_material_needs_a_home_and_exactly_one_of_link_or_file(db):
    module = factories.ModuleFactory()

    with pytest.raises(ValidationError) as homeless:
        Material(title="Slides", url="https://example.test").full_clean()
    with pytest.raises(ValidationError) as neither:
        Material(title="Slides", module=module).full_clean()
    Material(title="Slides", module=module, url="https://example.test").full_clean()

    assert "module" in homeless.value.message_dict
    assert "url" in neither.value.message_dict


def test_module_objectives_read_one_per_line(db):
    module = factories.ModuleFactory(objectives="Know your data\n\n  Set a goal  ")

    assert module.objective_list() == ["Know your data", "Set a goal"]


def test_a_sessions_page_lists_its_and_its_modules_materials(db):
    from django.test import Client
    from django_scopes import scopes_disabled

    from accounts.models import Role

    with scopes_disabled():
        enrollment = factories.EnrollmentFactory()
        member = factories.MembershipFactory(city=enrollment.city, role=Role.CDO).user
        module = factories.ModuleFactory(title="Data inventory")
        session = factories.SessionFactory(cohort=enrollment.cohort, module=module)
    Material.objects.create(module=module, title="Inventory template",
                            url="https://example.test/template")
    Material.objects.create(session=session, title="Session slides",
                            url="https://example.test/slides")
    client = Client()
    client.force_login(member)

    body = client.get(f"/c/{enrollment.city.slug}/schedule/{session.pk}/").content.decode()

    assert "Inventory template" in body and "Session slides" in body
    assert "Set one performance goal" in body
