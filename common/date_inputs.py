"""Date and time inputs that carry ISO values in every language.

A native ``<input type="date">`` (``datetime-local``, ``time``) reads and writes only ISO
values (``2026-12-02``, ``2026-12-02T13:30``, ``13:30``) and shows the date in the browser's
own way. Django's plain widgets write the active language's format instead (``02/12/2026``
in Spanish), which the browser drops: the field looks empty and the form answers
"required". Every form uses these widgets for dates and times;
``tests/i18n/test_date_inputs.py`` renders every form of the project in Spanish and
Portuguese to keep it so.
"""

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
ISO_TIME = "%H:%M"


class IsoDateInput(forms.DateInput):
    """``<input type="date">`` with an ISO value (``2026-12-02``)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATE)


class IsoDateTimeInput(forms.DateTimeInput):
    """``<input type="datetime-local">`` with an ISO value (``2026-12-02T13:30``), in the
    active time zone (the field converts an aware value before the widget sees it)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATETIME_LOCAL)


class IsoTimeInput(forms.TimeInput):
    """``<input type="time">`` with an ISO value (``13:30``)."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_TIME)


class IsoSplitDateTimeWidget(forms.SplitDateTimeWidget):
    """A date input and a time input side by side, both ISO."""

    def __init__(self, attrs=None):
        forms.MultiWidget.__init__(self, [IsoDateInput(attrs), IsoTimeInput(attrs)])

    def id_for_label(self, id_):
        """The field's label names the date input; give the time input an ``aria-label``."""
        return f"{id_}_0" if id_ else id_
