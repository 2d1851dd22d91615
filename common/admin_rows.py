"""A changelist's rows, the same HTML as Django's ``items_for_result`` for less work.

Django's ``items_for_result`` decides everything about a column on each of its cells: which
field or method the column shows (``lookup_field``), how that field's values are displayed
(``display_for_field``: a dict of the field's choices built per cell, the language's number
and date formats looked up per cell), the cell's classes, whether it links to the row's
change page (a ``reverse`` and ``add_preserved_filters`` per row), and ``format_html`` per
cell. :func:`quick_rows` decides each column once per page and then only displays each row's
values, escaped as ``conditional_escape`` does it. Lists with editable columns
(``list_editable``) and popups keep Django's own path (:func:`quick_rows_apply`).
"""

import datetime
import html
from urllib.parse import quote as url_quote

from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    _boolean_icon,
    _coerce_field_name,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import (
    _get_non_gfk_field,
    display_for_field,
    display_for_value,
    lookup_field,
    quote,
)
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.db.models.fields.related import ManyToOneRel
from django.urls import NoReverseMatch, reverse
from django.utils import dateformat, formats, numberformat, timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from common.escaping import escaped

try:
    from django.contrib.admin.utils import FieldIsAForeignKeyColumnName
except ImportError:  # pragma: no cover - older Django
    FieldIsAForeignKeyColumnName = FieldDoesNotExist

PK_MARK = "9081726354pk"  # stands for a row's key in its change page's address
URL_SAFE = "!$&'()*+,;=/~:@"  # what ``reverse`` leaves unquoted in a path


def quick_rows_apply(cl):
    """Whether ``cl``'s rows can take the quick path: its admin asks for it, and the list
    has no editable columns and is not a popup (those keep Django's own path)."""
    return bool(getattr(cl.model_admin, "quick_rows", False)) and not (
        cl.formset or cl.is_popup)


def number_display(decimal_pos=None):
    """A function formatting a number as ``formats.number_format`` does in the current
    language, its separators and grouping looked up once."""
    lang = get_language()
    decimal_sep = formats.get_format("DECIMAL_SEPARATOR", lang, use_l10n=True)
    grouping = formats.get_format("NUMBER_GROUPING", lang, use_l10n=True)
    thousand_sep = formats.get_format("THOUSAND_SEPARATOR", lang, use_l10n=True)

    def display(value):
        """``value`` formatted in the current language."""
        return numberformat.format(value, decimal_sep, decimal_pos, grouping, thousand_sep,
                                   force_grouping=False, use_l10n=True)
    return display


def datetime_display():
    """A function showing a date and time as Django's admin does: in the reader's time zone,
    in the language's ``DATETIME_FORMAT``, looked up and split into its parts once (as
    ``dateformat.Formatter.format`` splits it on each value)."""
    steps = []
    for index, piece in enumerate(dateformat.re_formatchars.split(str(formats.get_format(
            "DATETIME_FORMAT")))):
        if index % 2:
            steps.append((True, piece))
        elif piece:
            steps.append((False, dateformat.re_escaped.sub(r"\1", piece)))

    def display(value):
        """``value`` in the reader's time zone and language."""
        local = timezone.template_localtime(value)
        if not isinstance(local, datetime.datetime):
            return formats.localize(local)
        parts = dateformat.DateFormat(local)
        return "".join([str(getattr(parts, piece)()) if is_spec else piece
                        for is_spec, piece in steps])
    return display


def change_link(cl):
    """A function giving a row's change-page address as Django's changelist writes it
    (``url_for_result`` then ``add_preserved_filters``), HTML-escaped; the address is
    reversed once and the row's key put in. ``None`` when there is no change page."""
    context = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}
    if type(cl).url_for_result is not ChangeList.url_for_result:
        def link(obj):
            """The address of ``obj``'s change page, from the changelist's own method."""
            return html.escape(add_preserved_filters(context, cl.url_for_result(obj)))
        return link
    name = f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change"
    try:
        marked = reverse(name, args=(PK_MARK,), current_app=cl.model_admin.admin_site.name)
    except NoReverseMatch:
        return None
    before, mark, after = html.escape(add_preserved_filters(context, marked)).partition(
        PK_MARK)
    if not mark:  # pragma: no cover - an address that does not show the key as given
        return lambda obj: html.escape(add_preserved_filters(context, cl.url_for_result(obj)))
    pk_name = cl.pk_attname

    def link(obj):
        """The address of ``obj``'s change page: its key, quoted as ``reverse`` does."""
        key = url_quote(str(quote(getattr(obj, pk_name))), safe=URL_SAFE)
        return before + html.escape(key) + after
    return link


def field_display(field, empty, avoid_link):
    """A function showing a model field's value as ``display_for_field`` does, what depends
    on the field alone decided once."""
    if getattr(field, "flatchoices", None):
        try:
            choices = dict(field.flatchoices)
        except TypeError:
            return lambda value: display_for_field(value, field, empty, avoid_link=avoid_link)
        return lambda value: choices.get(value, empty)
    if isinstance(field, models.BooleanField):
        icons = {True: _boolean_icon(True), False: _boolean_icon(False),
                 None: _boolean_icon(None)}
        return lambda value: (
            icons[value] if value is None or type(value) is bool else _boolean_icon(value))
    shown = None
    if isinstance(field, models.DateTimeField):
        shown = datetime_display()
    elif isinstance(field, (models.DateField, models.TimeField)):
        shown = formats.localize
    elif isinstance(field, models.DecimalField):
        shown = number_display(field.decimal_places)
    elif isinstance(field, (models.IntegerField, models.FloatField)):
        shown = number_display()
    elif not isinstance(field, (models.FileField, models.URLField, models.JSONField)):
        def shown(value):
            """The value as ``display_for_value`` shows it."""
            return value if type(value) is str else display_for_value(value, empty)
    if shown is None:
        return lambda value: display_for_field(value, field, empty, avoid_link=avoid_link)
    empty_values = field.empty_values
    return lambda value: empty if value in empty_values else shown(value)


def value_display(value, attr, empty, number):
    """A value shown by a column that is not a model field (a method, a property), as
    ``items_for_result`` shows it, and whether its cell is kept on one line."""
    empty = getattr(attr, "empty_value_display", empty)
    boolean = getattr(attr, "boolean", False)
    if isinstance(attr, property) and hasattr(attr, "fget"):
        boolean = getattr(attr.fget, "boolean", False)
    if not boolean:
        if type(value) is str:
            return (value if value.strip() else empty), False
        if type(value) is int:
            return number(value), False
    if isinstance(value, str) and value.strip() == "":
        value = ""
    return (display_for_value(value, empty, boolean),
            isinstance(value, (datetime.date, datetime.time)))


def column_cell(cl, name, index, empty, link):
    """A function of a row giving this column's cell's content and classes, the column's
    field or method looked up once; and the cell's classes when its related record is
    missing (``ObjectDoesNotExist``: the cell shows ``empty``)."""
    model_admin = cl.model_admin
    classes = f"field-{_coerce_field_name(name, index)}"
    try:
        field = _get_non_gfk_field(cl.lookup_opts, name)
    except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
        field = None
    if field is not None and not field.auto_created:
        wrapped = classes
        if isinstance(field, (models.DateField, models.TimeField, models.ForeignKey)):
            wrapped += " nowrap"
        if isinstance(field.remote_field, ManyToOneRel):
            def related(obj):
                """The related record, shown by its text."""
                shown = getattr(obj, name)
                return empty if shown is None else shown, wrapped
            return related, classes
        shown = field_display(field, empty, avoid_link=link)

        def of_field(obj):
            """The field's value, displayed."""
            value = getattr(obj, name)
            if isinstance(value, str) and value.strip() == "":
                value = ""
            return shown(value), wrapped
        return of_field, classes
    own = "action-checkbox" if name == "action_checkbox" else classes
    number = number_display()
    if callable(name) or (field is None and hasattr(model_admin, name) and name != "__str__"):
        attr = name if callable(name) else getattr(model_admin, name)
        # A method may say what it does once per page: ``method.for_page(model_admin)``
        # gives the function of a row it is on this page (``admin_lists.action_checkbox``).
        for_page = getattr(attr, "for_page", None)
        answer = for_page(model_admin) if for_page is not None else attr

        def of_method(obj):
            """The method's answer for the row, displayed."""
            shown, nowrap = value_display(answer(obj), attr, empty, number)
            return shown, own + " nowrap" if nowrap else own
        return of_method, classes

    def of_attribute(obj):
        """The row's attribute (or the auto-created field), displayed."""
        _field, attr, value = lookup_field(name, obj, model_admin)
        shown, nowrap = value_display(value, attr, empty, number)
        return shown, own + " nowrap" if nowrap else own
    return of_attribute, classes


def row_cells(cl):
    """A function of a row giving its cells' HTML (a list of strings), as
    ``items_for_result`` writes them (no form, no popup), every column decided once."""
    empty = cl.model_admin.get_empty_value_display()
    links = cl.list_display_links
    first = True
    columns = []
    for index, name in enumerate(cl.list_display):
        link = links is not None and ((first and not links) or name in links)
        tag = ("th" if first else "td") if link else "td"
        first = first and not link
        cell, missing_classes = column_cell(cl, name, index, empty, link)
        columns.append((cell, missing_classes, tag, change_link(cl) if link else None))

    def cells(obj):
        """The row's cells."""
        html_cells = []
        for cell, missing_classes, tag, href in columns:
            try:
                shown, classes = cell(obj)
            except ObjectDoesNotExist:
                shown, classes = empty, missing_classes
            text = escaped(shown)
            if href is not None:
                text = f'<a href="{href(obj)}">{text}</a>'
            html_cells.append(f'<{tag} class="{classes}">{text}</{tag}>')
        return html_cells
    return cells


def quick_rows(cl):
    """The rows of ``cl`` as the changelist's template reads them: a ``ResultList`` (no
    form) per row whose one item is the row's cells written out, so the template's loop over
    a row's cells renders one value, not one per cell (``change_list_results.html`` writes a
    row's items one after the other: the same HTML)."""
    cells = row_cells(cl)
    return [ResultList(None, [SafeString("".join(cells(obj)))]) for obj in cl.result_list]
