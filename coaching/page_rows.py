"""The coaching page's repeated parts written once in Python: the open action items' rows,
the done and dropped items and the check-in history's cards.

The HTML is the one ``coaching/city_coaching.html`` wrote with its loops and includes
(``_item_actions.html``, ``_rag.html``), byte for byte: each value escaped as
:func:`conditional_escape` escapes it, each label translated once per page, each date
formatted once, each address reversed once (a page has 45 items and 10 check-ins: the
template's tags per row were most of the page's time).
"""

from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

from coaching.models import ActionItemStatus, Rag
from common.escaping import escaped

_PK = 2147483646  # a key no row has, replaced by each row's own in the reversed address


def _address(name, city):
    """``name``'s address for ``city`` with ``{pk}`` where the row's key goes, escaped."""
    url = reverse(name, kwargs={"city": city.slug, "pk": _PK})
    return escaped(url).replace(str(_PK), "{pk}")


def _csrf_input(context):
    """What ``{% csrf_token %}`` writes in ``context``."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escaped(token)}">'


def _memo(function):
    """``function`` of a value, computed once per distinct value."""
    seen = {}

    def once(value):
        if value not in seen:
            seen[value] = function(value)
        return seen[value]
    return once


class _ItemWriter:
    """What the action items' rows share on one page: labels, addresses, the form's parts."""

    def __init__(self, context):
        self.today = context["today"]
        self.form_head = (
            '\n<form method="post" action="' + _address("coaching:action_item_update",
                                                      context["city"])
            + '" class="inline-form">\n  ' + _csrf_input(context)
            + '<input type="hidden" name="next" value="'
            + escaped(context["request"].get_full_path()) + '">\n  '
        )
        button = ('\n  <button type="submit" name="intent" value="{value}" '
                  'class="button-secondary">{label}<span class="visually-hidden">: {{title}}'
                  '</span></button>')
        self.open_buttons = (button.format(value="done", label=gettext("Done"))
                             + button.format(value="drop", label=gettext("Drop")) + "\n  ")
        self.closed_buttons = button.format(value="reopen", label=gettext("Reopen")) + "\n  "
        self.advances = gettext("Advances: %(title)s")
        self.overdue = ' <span class="overdue">' + gettext("overdue") + "</span>"
        self.date = _memo(lambda day: escaped(date_format(day, "DATE_FORMAT")))
        self.user = _memo(lambda user: escaped(user) if user is not None else "—")
        self.status = _memo(lambda status: escaped(ActionItemStatus(status).label))

    def actions(self, item, title):
        """What ``_item_actions.html`` writes for ``item`` (its title already escaped)."""
        if not item.can_update:
            return "\n"
        buttons = self.open_buttons if item.status == "open" else self.closed_buttons
        return (self.form_head.replace("{pk}", str(item.pk))
                + buttons.replace("{title}", title) + "\n</form>\n\n")

    def open_row(self, item):
        """One open item's row of the table."""
        title = escaped(item.title)
        parts = ['\n      <tr id="action-', str(item.pk), '">\n        <th scope="row">',
                 title]
        if item.initiative:
            parts += ['<br><span class="meta">',
                      self.advances % {"title": escaped(item.initiative.title)}, "</span>"]
        if item.details:
            parts += ['<br><span class="meta">', escaped(item.details), "</span>"]
        parts += ["</th>\n        <td>", self.user(item.owner), "</td>\n        <td>",
                  self.date(item.due_on), self.overdue if item.due_on < self.today else "",
                  "</td>\n        <td>", self.actions(item, title), "</td>\n      </tr>\n    "]
        return "".join(parts)

    def closed_row(self, item):
        """One done or dropped item's line of the list."""
        title = escaped(item.title)
        return "".join([
            '\n        <li id="action-', str(item.pk), '"><span class="status status-',
            escaped(item.status), '">', self.status(item.status), "</span> ", title, " — ",
            self.user(item.owner), " ", self.actions(item, title), "</li>\n      ",
        ])


def open_items_html(context, items):
    """The open items' rows, as the page's loop over ``open_items`` wrote them."""
    writer = _ItemWriter(context)
    return mark_safe("".join(map(writer.open_row, items)))  # noqa: S308 - escaped


def closed_items_html(context, items):
    """The done and dropped items, as the page's loop over ``closed_items`` wrote them."""
    writer = _ItemWriter(context)
    return mark_safe("".join(map(writer.closed_row, items)))  # noqa: S308 - escaped


class _CardWriter:
    """What the check-in history's cards share on one page."""

    def __init__(self, context):
        self.url = _address("coaching:checkin", context["city"])
        self.draft = (' <span class="status status-draft">' + gettext("Draft") + "</span>")
        self.attended = gettext("Attended:")
        self.decisions = gettext("Decisions:")
        self.rags = {
            Rag.RED: '<span class="rag rag-red">' + gettext("Red") + "</span>\n",
            Rag.AMBER: '<span class="rag rag-amber">' + gettext("Amber") + "</span>\n",
            Rag.GREEN: '<span class="rag rag-green">' + gettext("Green") + "</span>\n",
        }
        self.not_assessed = ('<span class="rag rag-none">' + gettext("Not assessed")
                             + "</span>\n")
        self.user = _memo(escaped)
        self.label = _memo(lambda choice: escaped(choice.label))

    def rating(self, pillar, rag, why):
        """One rated pillar's line (what ``_rag.html`` and the loop around it wrote)."""
        return "".join([
            "\n          <li>", self.rags.get(rag, self.not_assessed), " <strong>",
            self.label(pillar), "</strong>", " — " + escaped(why) if why else "",
            "</li>\n        ",
        ])

    def card(self, checkin):
        """One check-in's card."""
        minutes = checkin.duration_minutes
        attendees = checkin.attendees
        parts = [
            '\n    <article class="card checkin" id="checkin-', str(checkin.pk),
            '">\n      <h3><a href="', self.url.replace("{pk}", str(checkin.pk)), '">',
            escaped(date_format(template_localtime(checkin.happened_at), "DATETIME_FORMAT")),
            "</a>", "" if checkin.is_logged else self.draft,
            '</h3>\n      <p class="meta">', escaped(checkin.get_mode_display()), " · ",
            ngettext("%(minutes)s minute", "%(minutes)s minutes", minutes)
            % {"minutes": str(minutes)},
            " · " + self.user(checkin.coach) if checkin.coach else "", "</p>\n      ",
        ]
        if attendees:
            parts += ['<p class="meta">', self.attended, " ",
                      ", ".join(self.user(person) for person in attendees), "</p>"]
        parts.append("\n      ")
        if checkin.summary:
            parts += ["<p>", linebreaksbr(checkin.summary, autoescape=True), "</p>"]
        parts.append("\n      ")
        if checkin.decisions:
            parts += ["<p><strong>", self.decisions, "</strong> ",
                      linebreaksbr(checkin.decisions, autoescape=True), "</p>"]
        parts.append('\n      <ul class="plain rag-list">\n        ')
        parts += [self.rating(*rated) for rated in checkin.ratings() if rated[1]]
        parts.append("\n      </ul>\n    </article>\n  ")
        return "".join(parts)


def history_html(context, checkins):
    """The check-in history's cards, as the page's loop over ``checkins`` wrote them."""
    writer = _CardWriter(context)
    return mark_safe("".join(map(writer.card, checkins)))  # noqa: S308 - escaped
