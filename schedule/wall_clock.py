"""A session's times are typed and shown as wall-clock times in the session's own zone.

Django's forms read a datetime in the active zone (the staff member's own); a session
planned for 13:30 in Mexico City, typed by someone in New York, would land at 12:30 there.
The forms that set a session's time read a naive date and time and place them in the
session's ``time_zone`` with :func:`in_zone`.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.date_inputs import IsoSplitDateTimeWidget


def in_zone(naive, zone):
    """The aware moment of wall-clock ``naive`` in ``zone``; refuses a time the clocks skip
    (spring forward). A repeated time (fall back) is its first occurrence."""
    moment = timezone.make_aware(naive, zone)
    # Through UTC: ``astimezone`` to the moment's own zone object changes nothing.
    if moment.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValidationError(_("This time does not exist on that day (the clocks change)."),
                              code="skipped_time")
    return moment


def wall_clock(moment, zone):
    """``moment`` as a naive wall-clock datetime in ``zone`` (what a form shows)."""
    if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
        return timezone.localtime(moment, zone).replace(tzinfo=None, second=0, microsecond=0)
    return moment


class WallClockField(forms.SplitDateTimeField):
    """A date and a time, kept naive: the form places them in the session's zone."""

    widget = IsoSplitDateTimeWidget

    def __init__(self, *, time_label, **kwargs):
        """``time_label`` names the time input (the field's label names the date input)."""
        super().__init__(**kwargs)
        self.widget.widgets[1].attrs["aria-label"] = time_label

    def compress(self, data_list):
        if not data_list:
            return None
        day, time = data_list
        if day in self.empty_values:
            raise ValidationError(self.error_messages["invalid_date"], code="invalid_date")
        if time in self.empty_values:
            raise ValidationError(self.error_messages["invalid_time"], code="invalid_time")
        return datetime.datetime.combine(day, time)
