"""Choosing a person of one city: the API field, and the check the admin forms use.

A related field built from ``User.objects.all()`` lists every account on the platform
(other cities' people, applicants' e-mails) in the browsable API and the admin. Every
field that picks a person for a city's record takes its choices from a function of the
city instead (``coaching.checkins.city_member_ids``, ``coaching.actions.possible_owner_ids``).
``tests/cities/test_people_choices.py`` walks every serializer, form and admin form.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from accounts.models import User


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
    program staff."""
    from accounts.models import Membership
    from coaching.models import CoachAssignment

    members = Membership.objects.filter(city=city).values_list("user_id", flat=True)
    coaches = CoachAssignment.objects.filter(enrollment__city=city).values_list(
        "coach_id", flat=True)
    staff = User.objects.filter(is_staff=True).values_list("pk", flat=True)
    return set(members) | set(coaches) | set(staff)


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
