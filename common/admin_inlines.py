"""Admin inlines whose fields are labelled.

A tabular inline shows each field's name once, as a column header, which labels none of the
inputs below it: a screen reader announces "edit text" for every cell. Every field of a
:class:`LabelledTabularInline` row (the delete box too) carries ``aria-label`` with its
field's label; a hidden field (the foreign key to the parent, an id) gets none, since a
hidden input may carry no ``aria-*`` attribute (the W3C checker refuses it). Use it instead
of ``admin.TabularInline``; ``tests/test_admin_forms.py`` checks every admin form of the
project.
"""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils.text import capfirst


class LabelledInlineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            widget = getattr(field.widget, "widget", field.widget)  # inside a related wrapper
            if field.label and not widget.is_hidden:
                widget.attrs.setdefault("aria-label", capfirst(str(field.label)))


class LabelledTabularInline(admin.TabularInline):
    formset = LabelledInlineFormSet
