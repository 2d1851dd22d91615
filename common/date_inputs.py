"""Date and time inputs that carry ISO values in every language.

A native ``<input type="date">`` (``datetime-local``, ``time``) reads and writes only ISO
values (``2026-12-02``, ``2026-12-02T13:30``, ``13:30``) and shows the date in the browser's
own way. Django's plain widgets write the active language's format instead (``02/12/2026``
in Spanish), which the browser drops: the field looks empty and the form answers
"required". Every form uses these widgets for dates and times;
``tests/i18n/test_date_inputs.py`` renders every form of the project in Spanish and
Portuguese to keep it so.

A value the native input cannot hold ("31/02/2026", "25:61": typed by hand, or posted by a
program) comes back in a plain text input showing exactly what was sent, beside its error:
a date input would hold an invalid value (invalid HTML, which the browser shows empty).
"""

import datetime

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
ISO_TIME = "%H:%M"


class ShownAsTyped:
    """Renders ``type="text"`` when the value to show is not one of ``iso_formats``."""

    iso_formats = ()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        shown = context["widget"]["value"]
        if shown not in (None, "") and not _fits(str(shown), self.iso_formats):
            context["widget"]["type"] = "text"
        return context


def _fits(text, formats):
    for iso in formats:
        try:
            datetime.datetime.strptime(text, iso)
        except ValueError:
            continue
        return True
    return False


class IsoDateInput(ShownAsTyped, forms.DateInput):
    """``<input type="date">`` with an ISO value (``2026-12-02``)."""

    input_type = "date"
    iso_formats = (ISO_DATE,)

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATE)


class IsoDateTimeInput(ShownAsTyped, forms.DateTimeInput):
    """``<input type="datetime-local">`` with an ISO value (``2026-12-02T13:30``), in the
    active time zone (the field converts an aware value before the widget sees it)."""

    input_type = "datetime-local"
    iso_formats = (ISO_DATETIME_LOCAL, "%Y-%m-%dT%H:%M:%S")

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATETIME_LOCAL)


class IsoTimeInput(ShownAsTyped, forms.TimeInput):
    """``<input type="time">`` with an ISO value (``13:30``)."""

    input_type = "time"
    iso_formats = (ISO_TIME, "%H:%M:%S")

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_TIME)


class IsoSplitDateTimeWidget(forms.SplitDateTimeWidget):
    """A date input and a time input side by side, both ISO."""

    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(self, [IsoDateInput(attrs), IsoTimeInput(attrs)])

    def id_for_label(self, id_):
        """The field's label names the date input; give the time input an ``aria-label``."""
        return f"{id_}_0" if id_ else id_
