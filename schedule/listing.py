"""The schedule's lists of sessions, written once in Python rather than by template tags
per session (70 sessions a page: most of the page's time rendered afresh).

The HTML is what the list's template (``schedule/_session_list.html``) wrote, byte for
byte, each value escaped as ``{{ }}`` escapes it; ``tests/schedule/test_session_list.py``
holds that template and compares the two.
"""

from django.urls import reverse
from django.utils.dateformat import DateFormat, re_escaped, re_formatchars
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from common.escaping import escaped
from schedule.models import Audience, SessionKind
from schedule.templatetags.sessions import day_format, when_text

# What the list needs of each session (``module__title`` is None without a module).
FIELDS = ("pk", "title", "is_cancelled", "starts_at", "ends_at", "time_zone", "kind",
          "audience", "module_id", "module__title")

LIST = '\n<ul class="session-list">\n{}\n</ul>\n'
EMPTY = '\n  <li class="empty">{}</li>\n'
ITEM = (
    '\n  <li class="session-item{cancelled}">\n'
    '    <p class="session-when">{when}</p>\n'
    '    <h3><a href="{url}">{title}</a>\n'
    '      {tag}</h3>\n'
    '    <p class="session-meta">{kind} · {audience}{module}\n'
    '      {answer}</p>\n'
    '  </li>\n'
)
CANCELLED_TAG = '<span class="tag tag-bad">{}</span>'
MODULE = " · {}"
ANSWER = ' · <span class="tag">{} {}</span>'


def _compiled(day_format):
    """``day_format`` split once as :meth:`Formatter.format <django.utils.dateformat>`
    splits it per call: (True, specifier) or (False, literal text, escapes undone)."""
    return [(bool(i % 2), piece if i % 2 else re_escaped.sub(r"\1", piece))
            for i, piece in enumerate(re_formatchars.split(str(day_format))) if piece]


class SessionList:
    """Writes lists of ``city``'s sessions (rows of :data:`FIELDS` and ``my_rsvp``) in the
    active language and zone; labels, the URL and each day are written once a request."""

    def __init__(self, city):
        url = reverse("schedule:session", kwargs={"city": city.slug, "session_id": 0})
        # The id is the URL's last figure: split there ("/c/x/schedule/" + id + "/").
        self.url_head, self.url_tail = map(escaped, url.rsplit("0", 1))
        self.kinds = {value: escaped(label) for value, label in SessionKind.choices}
        self.audiences = {value: escaped(label) for value, label in Audience.choices}
        self.cancelled_tag = CANCELLED_TAG.format(escaped(_("Cancelled")))
        your_answer = escaped(_("Your answer:"))
        self.answers = {answer: ANSWER.format(your_answer, escaped(_(answer)))
                        for answer in ("yes", "no", "maybe")}
        self.day_format = _compiled(day_format())
        self.days = {}

    def _day(self, moment):
        """The day of a local moment as ``formats.date_format(moment, day_format())``
        writes it, its format split once; written once per date (the format has no time)."""
        date = moment.date()
        written = self.days.get(date)
        if written is None:
            known = DateFormat(moment)
            written = self.days[date] = "".join(
                str(getattr(known, piece)()) if specifier else piece
                for specifier, piece in self.day_format)
        return written

    def _answer(self, my_rsvp):
        """The tag of the viewer's answer: yes and no by name, any other as "maybe"."""
        if not my_rsvp:
            return ""
        return self.answers.get(my_rsvp) or self.answers["maybe"]

    def _item(self, row):
        """One session's item."""
        cancelled = row["is_cancelled"]
        module = row["module_id"] is not None
        return ITEM.format(
            cancelled=" cancelled" if cancelled else "",
            when=escaped(when_text(row["starts_at"], row["ends_at"], row["time_zone"],
                                    day=self._day)),
            url=f"{self.url_head}{row['pk']}{self.url_tail}",
            title=escaped(row["title"]),
            tag=self.cancelled_tag if cancelled else "",
            kind=self.kinds.get(row["kind"]) or escaped(row["kind"]),
            audience=self.audiences.get(row["audience"]) or escaped(row["audience"]),
            module=MODULE.format(escaped(row["module__title"])) if module else "",
            answer=self._answer(row["my_rsvp"]),
        )

    def html(self, rows, empty_text):
        """The list of ``rows``, or ``empty_text`` (safe, as the template's ``_()``) if none."""
        items = "".join(map(self._item, rows)) if rows else EMPTY.format(empty_text)
        return mark_safe(LIST.format(items))  # noqa: S308 - every value is escaped
