"""The people of a city, in one place: who is on its team, who coaches it, who runs the
program; and choosing a person of one city (the API field, the admin forms' check).

"Who is in this city" is answered here and nowhere else: every ``notify()`` call, every
reminder audience and every list of people a form offers starts from ``members_of``,
``mayors_of``, ``senior_team_of``, ``coaches_of`` or ``program_staff``. Each returns a
queryset of *active* accounts (a deactivated account is no one's recipient or choice),
ordered by e-mail; the city may be a ``City`` or its id. They query through the reverse
relations of ``User`` (memberships, coach assignments), so they need no scope and this
module imports no app above ``cities``.

A related field built from ``User.objects.all()`` lists every account on the platform
(other cities' people, applicants' e-mails) in the browsable API and the admin. Every
field that picks a person for a city's record takes its choices from a function of the
city instead (``coaching.checkins.city_member_ids``, ``coaching.actions.possible_owner_ids``).
``tests/cities/test_people_choices.py`` walks every serializer, form and admin form.
"""

from collections import defaultdict

from django import forms
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled
from rest_framework import serializers

from accounts.models import SENIOR_TEAM_ROLES, Membership, Role, User

# --- who is in a city ----------------------------------------------------------------------

def members_of(city):
    """The city's team: its mayor and its senior team (active accounts)."""
    return User.objects.filter(is_active=True, memberships__city=city)


def mayors_of(city):
    """The people who hold the mayor's role in ``city`` (active accounts)."""
    # One filter() call: both conditions on the same membership row.
    return User.objects.filter(
        is_active=True, memberships__city=city, memberships__role=Role.MAYOR)


def senior_team_of(city):
    """The city's senior team: every member but the mayor (active accounts)."""
    return User.objects.filter(
        is_active=True, memberships__city=city, memberships__role__in=SENIOR_TEAM_ROLES)


def coaches_of(city):
    """The coaches assigned to ``city``'s enrollments (active accounts, each once)."""
    return User.objects.filter(
        is_active=True, coach_assignments__enrollment__city=city).distinct()


def program_staff():
    """The program's staff (active staff accounts): they see and run every city."""
    return User.objects.filter(is_active=True, is_staff=True)


def _by_city(city_ids, roles):
    people = defaultdict(list)
    with scopes_disabled():
        for membership in Membership.objects.filter(
            city_id__in=city_ids, role__in=roles, user__is_active=True,
        ).select_related("user").order_by("user__name", "user_id"):
            people[membership.city_id].append(membership.user)
    return people


def mayors_by_city(city_ids):
    """``{city_id: [user, …]}``: ``mayors_of`` for many cities in one query, by name."""
    return _by_city(city_ids, [Role.MAYOR])


def senior_teams_by_city(city_ids):
    """``{city_id: [user, …]}``: ``senior_team_of`` for many cities in one query, by name."""
    return _by_city(city_ids, SENIOR_TEAM_ROLES)


def team_by_city(city_ids, roles=None):
    """``{city_id: [user, …]}``: the members of many cities holding one of ``roles`` (every
    role when ``None``), in one query (``members_of`` narrowed by role)."""
    return _by_city(city_ids, list(Role) if roles is None else roles)


def coaches_by_city(city_ids):
    """``{city_id: [user, …]}``: ``coaches_of`` for many cities (by name), in two queries."""
    people = defaultdict(list)
    pairs = User.objects.filter(
        is_active=True, coach_assignments__enrollment__city_id__in=city_ids,
    ).values_list("coach_assignments__enrollment__city_id", "pk").distinct()
    pairs = list(pairs)
    users = User.objects.in_bulk({pk for _, pk in pairs})
    for city_id, pk in sorted(pairs, key=lambda pair: (users[pair[1]].name, pair[1])):
        if users[pk] not in people[city_id]:
            people[city_id].append(users[pk])
    return people


# --- choosing a person of one city ---------------------------------------------------------


def people_of(city, people):
    """The accounts ``people(city=city)`` names, ordered by name (none without a city)."""
    if city is None:
        return User.objects.none()
    return User.objects.filter(pk__in=people(city=city)).order_by("name", "email")


class CityPersonField(serializers.PrimaryKeyRelatedField):
    """A person of the request's city, by id: the choices, and what is accepted, are
    ``people(city=request.city)``. Without a city (the OpenAPI schema) there are none."""

    default_error_messages = {
        **serializers.PrimaryKeyRelatedField.default_error_messages,
        "does_not_exist": gettext_lazy("No one of this city has the id {pk_value}."),
    }

    def __init__(self, *, people, **kwargs):
        self.people = people
        # Only names the model (for the OpenAPI schema); the choices are get_queryset's.
        kwargs.setdefault("queryset", User.objects.none())
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return people_of(getattr(request, "city", None), self.people)


def city_people(*, city):
    """The ids of everyone who works on ``city``'s records: its team, its coaches and the
    program staff (active accounts)."""
    return {
        *members_of(city).values_list("pk", flat=True),
        *coaches_of(city).values_list("pk", flat=True),
        *program_staff().values_list("pk", flat=True),
    }


def people_fields(model_admin):
    """``{field name: people function}`` for every person a city's record's admin form
    offers in a list: each editable relation to ``User`` that is not read-only or typed in
    by id, minus ``city_people_exempt``; ``city_people_fields`` chooses a narrower
    function than ``city_people`` for some."""
    model = model_admin.model
    if not any(field.name == "city" for field in model._meta.get_fields()):
        return {}
    skipped = {*model_admin.raw_id_fields, *model_admin.readonly_fields,
               *getattr(model_admin, "city_people_exempt", ())}
    found = {
        field.name: city_people for field in model._meta.get_fields()
        if getattr(field, "related_model", None) is User and field.concrete
        and field.editable and field.name not in skipped
    }
    return found | dict(getattr(model_admin, "city_people_fields", {}))


def _limit(field, queryset):
    """Offer only ``queryset`` in ``field``; an autocomplete (which searches every account
    through ``/admin/autocomplete/``) becomes a plain list of those people."""
    widget = getattr(field.widget, "widget", field.widget)  # inside the admin's wrapper
    if isinstance(widget, AutocompleteMixin):
        multiple = isinstance(field, forms.ModelMultipleChoiceField)
        plain = (forms.SelectMultiple if multiple else forms.Select)(attrs={"size": 8}
                                                                     if multiple else None)
        if hasattr(field.widget, "widget"):
            field.widget.widget = plain
        else:
            field.widget = plain
    field.queryset = queryset
    getattr(field.widget, "widget", field.widget).choices = field.choices


def _chosen(value):
    if value is None:
        return []
    return list(value) if hasattr(value, "__iter__") else [value]


class CityPeopleAdminMixin:
    """For a ``ModelAdmin`` of a city's records: editing a record, every list of people
    (``people_fields``) offers its city's people only; saving, a person from outside the
    city is refused with a message on the field."""

    city_people_fields = {}
    city_people_exempt = ()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        fields, city = people_fields(self), getattr(obj, "city", None)
        for name, people in fields.items():
            if city is not None and name in form.base_fields:
                _limit(form.base_fields[name], people_of(city, people))
        base_clean = form.clean

        def clean(form_self):
            data = base_clean(form_self)
            city = data.get("city") if "city" in form_self.fields else None
            city = city or getattr(form_self.instance, "city", None)
            if city is None:
                return data
            for name, people in fields.items():
                allowed = set(people(city=city))
                if name in form_self.fields and any(
                    person.pk not in allowed for person in _chosen(data.get(name))
                ):
                    form_self.add_error(name, ValidationError(
                        _("Choose people of %(city)s.") % {"city": city}))
            return data

        form.clean = clean
        return form
