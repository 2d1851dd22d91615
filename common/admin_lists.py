"""The admin's lists, rendered for less: what a changelist page spends on each row, said once.

Django's changelist renders each row's action checkbox through the form renderer (a template
per row) and, when nothing filters the list, counts the same rows twice (the list's count and
the "N total" count). :class:`QuickChangelistMixin` writes the checkbox's HTML directly (the
same HTML, character for character) and counts once when no filter and no search narrow the
list; its rows are written by ``common/admin_rows.py`` (each column decided once per page, not
on each cell), through ``templates/admin/quick_change_list.html``. A choice column with
hundreds of choices (a country) is shown by a ``display`` method such as
:func:`country_column`, not by ``display_for_field`` flattening every choice on each row.
"""

import functools
import html
import types

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ChangeList
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django_countries.filters import CountryFilter

from common.country_names import country_choices, country_name

ACTION_NAME = html.escape(helpers.ACTION_CHECKBOX_NAME)


class CountOnceChangeList(ChangeList):
    """A changelist that counts its rows once when nothing narrows them (no filter, no
    search): the list's count is then the count of every row."""

    def get_results(self, request):
        if not (self.has_active_filters or self.query):
            total = self.root_queryset.count()
            for name in ("root_queryset", "queryset"):
                counted = getattr(self, name)._chain()
                counted.count = types.MethodType(lambda _queryset: total, counted)
                setattr(self, name, counted)
        super().get_results(request)


class QuickChangelistMixin:
    """A ``ModelAdmin`` mixin for a busy list: the action checkbox's HTML written directly,
    one count of an unfiltered list and the rows written by ``common/admin_rows.py`` (see
    the module's docstring). A ``change_list_template`` of its own extends
    ``admin/quick_change_list.html``."""

    change_list_template = "admin/quick_change_list.html"
    quick_rows = True  # False: Django's own ``items_for_result`` (the same HTML, slower)

    def get_changelist(self, request, **kwargs):
        return CountOnceChangeList

    def action_checkbox(self, obj):
        """The row's checkbox, as Django's ``CheckboxInput`` renders it."""
        return checkbox(obj, _("Select this object for an action - {}"))

    # A page of rows (common/admin_rows.py) translates the checkbox's label once.
    action_checkbox.for_page = lambda model_admin: functools.partial(
        checkbox, label=_("Select this object for an action - {}"))


def checkbox(obj, label):
    """The row's checkbox whose label (the translated text, ``{}`` for the row) is given:
    ``format_html`` of the name, the key and the label's HTML, written out."""
    return SafeString(
        f'<input type="checkbox" name="{ACTION_NAME}" value="{conditional_escape(str(obj.pk))}" '
        f'class="action-select" aria-label="{label.format(conditional_escape(str(obj)))}">')


def country_column(field_name="country", *, model):
    """A list column showing ``model``'s country field by the country's name, sorted by the
    field, headed by the field's name: what the field itself shows, without flattening the
    field's 250 choices on every row."""
    field = model._meta.get_field(field_name)

    @admin.display(description=field.verbose_name, ordering=field_name)
    def column(self, obj):
        return country_name(getattr(obj, field_name)) or self.get_empty_value_display()

    return column


class PresentCountryFilter(CountryFilter):
    """django-countries' filter of the countries the list's rows are in, the field's choices
    (every country, named and sorted in the reader's language) built once per language
    (``common/country_names.py``), not on each page."""

    def lookup_choices(self, changelist):
        """The (code, name) of each country some row is in, in the field's order."""
        if self.field.multiple:
            yield from super().lookup_choices(changelist)
            return
        codes = set(changelist.model._default_manager.all().distinct()
                    .order_by(self.field_path).values_list(self.field_path, flat=True))
        for code, name in country_choices(self.field):
            if code in codes:
                yield code, name
