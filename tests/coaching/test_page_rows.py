"""The coaching page's rows written in Python (``coaching/page_rows.py``) from rows read
with statements compiled once (``coaching/page_reads.py``) are the HTML the page's
template loops wrote from model instances: text needing escaping, initiatives, drafts,
no owner, a former member, empty ratings, in en, es and pt-br and three time zones."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from coaching import page_reads, page_rows
from coaching.models import ActionItem, CheckIn
from strategy.editing import start_strategy
from tests import factories

pytestmark = pytest.mark.django_db

NASTY = "<b>&\"It's\"</b>"

# The page's loops as they were before coaching/page_rows.py (city_coaching.html).
OPEN = """{% load i18n %}{% for item in open_items %}
      <tr id="action-{{ item.pk }}">
        <th scope="row">{{ item.title }}{% if item.initiative %}<br><span class="meta">{% blocktranslate with title=item.initiative.title %}Advances: {{ title }}{% endblocktranslate %}</span>{% endif %}{% if item.details %}<br><span class="meta">{{ item.details }}</span>{% endif %}</th>
        <td>{{ item.owner|default:"—" }}</td>
        <td>{{ item.due_on|date:"DATE_FORMAT" }}{% if item.due_on < today %} <span class="overdue">{% translate "overdue" %}</span>{% endif %}</td>
        <td>{% include "coaching/_item_actions.html" %}</td>
      </tr>
    {% endfor %}"""  # noqa: E501
CLOSED = """{% load i18n %}{% for item in closed_items %}
        <li id="action-{{ item.pk }}"><span class="status status-{{ item.status }}">{{ item.get_status_display }}</span> {{ item.title }} — {{ item.owner|default:"—" }} {% include "coaching/_item_actions.html" %}</li>
      {% endfor %}"""  # noqa: E501
HISTORY = """{% load i18n %}{% for checkin in checkins %}
    <article class="card checkin" id="checkin-{{ checkin.pk }}">
      <h3><a href="{% url 'coaching:checkin' city=city.slug pk=checkin.pk %}">{{ checkin.happened_at|date:"DATETIME_FORMAT" }}</a>{% if not checkin.is_logged %} <span class="status status-draft">{% translate "Draft" %}</span>{% endif %}</h3>
      <p class="meta">{{ checkin.get_mode_display }} · {% blocktranslate count minutes=checkin.duration_minutes %}{{ minutes }} minute{% plural %}{{ minutes }} minutes{% endblocktranslate %}{% if checkin.coach %} · {{ checkin.coach }}{% endif %}</p>
      {% if checkin.attendees.all %}<p class="meta">{% translate "Attended:" %} {{ checkin.attendees.all|join:", " }}</p>{% endif %}
      {% if checkin.summary %}<p>{{ checkin.summary|linebreaksbr }}</p>{% endif %}
      {% if checkin.decisions %}<p><strong>{% translate "Decisions:" %}</strong> {{ checkin.decisions|linebreaksbr }}</p>{% endif %}
      <ul class="plain rag-list">
        {% for pillar, rag, why in checkin.ratings %}{% if rag %}
          <li>{% include "coaching/_rag.html" %} <strong>{{ pillar.label }}</strong>{% if why %} — {{ why }}{% endif %}</li>
        {% endif %}{% endfor %}
      </ul>
    </article>
  {% endfor %}"""  # noqa: E501


@pytest.fixture
def data(world):
    """Items and check-ins of city A with everything the rows can show."""
    city, today = world.city, timezone.localdate()
    with scope(city=city):
        plan = start_strategy(city=city).components.first()
    with scopes_disabled():
        initiative = factories.InitiativeFactory(component=plan, title=NASTY)
        named = factories.UserFactory(name=NASTY, email="nasty@example.test")
        former = factories.UserFactory(name="Gone", email="x1@deleted.invalid")
        owners = [world.users["member_a"], named, former, None]
        for n, status in enumerate(["open"] * 6 + ["done", "dropped", "done"]):
            factories.ActionItemFactory(
                city=city, status=status, owner=owners[n % 4], title=f"{NASTY} {n}",
                details=NASTY if n % 2 else "", initiative=initiative if n % 3 == 0 else None,
                due_on=today + datetime.timedelta(days=n - 3))
        for n, status in enumerate(["logged", "draft", "logged"]):
            checkin = factories.CheckInFactory(
                city=city, status=status, coach=None if n == 1 else world.users["coach_a"],
                mode=["video", "phone", "in_person"][n], duration_minutes=[1, 45, 90][n],
                summary=f"{NASTY}\nline two" if n != 2 else "",
                decisions=NASTY if n == 0 else "", invest_rag="red" if n else "",
                invest_why=NASTY if n == 2 else "", empower_rag="green",
                happened_at=timezone.now() - datetime.timedelta(days=n, hours=5))
            if n != 1:
                checkin.attendees.set([named, world.users["member_a"], former])
    return world


def _context(world, user):
    request = RequestFactory().get(f"/c/{world.city.slug}/coaching/?items=all&x=<\"'")
    request.user = user
    return {"city": world.city, "request": request, "today": timezone.localdate(),
            "csrf_token": "TOKEN"}


def _old(world, user, drafts):
    """What the page's loops read and wrote from model instances."""
    items = ActionItem.objects.filter(city=world.city).select_related("owner", "initiative")
    open_items = list(items.filter(status="open").order_by("due_on", "pk"))
    closed_items = list(items.exclude(status="open").order_by("due_on", "pk"))
    for item in open_items + closed_items:
        item.can_update = item.owner_id == user.pk or drafts
    checkins = CheckIn.objects.filter(city=world.city)
    checkins = checkins if drafts else checkins.filter(status="logged")
    checkins = list(checkins.select_related("coach").prefetch_related("attendees")
                    .order_by("-happened_at", "-pk")[:10])
    context = Context({**_context(world, user), "open_items": open_items,
                       "closed_items": closed_items, "checkins": checkins})
    return [Template(source).render(context) for source in (OPEN, CLOSED, HISTORY)]


def _new(world, user, drafts):
    """What coaching/page_reads.py reads and coaching/page_rows.py writes."""
    context = _context(world, user)
    open_items = page_reads.open_items(city=world.city)
    closed_items = page_reads.closed_items(city=world.city, limit=20)
    for item in open_items + closed_items:
        item.can_update = item.owner_id == user.pk or drafts
    checkins = page_reads.history(
        city=world.city, drafts=drafts, limit=10,
        visible=lambda: CheckIn.objects.filter(city=world.city) if drafts
        else CheckIn.objects.filter(city=world.city, status="logged"))
    return [page_rows.open_items_html(context, open_items),
            page_rows.closed_items_html(context, closed_items),
            page_rows.history_html(context, checkins)]


@pytest.mark.parametrize("language, zone", [
    ("en", "UTC"), ("es", "America/Mexico_City"), ("pt-br", "America/Sao_Paulo")])
@pytest.mark.parametrize("role, drafts", [("member_a", False), ("coach_a", True)])
@pytest.mark.parametrize("own_scope", [True, False])
def test_the_rows_are_the_loops_html(data, language, zone, role, drafts, own_scope):
    user = data.users[role]
    with translation.override(language), timezone.override(zone), (
            scope(city=data.city) if own_scope else scopes_disabled()):
        old, new = _old(data, user, drafts), _new(data, user, drafts)
    assert new == old
    assert "&lt;b&gt;&amp;&quot;It&#x27;s&quot;&lt;/b&gt;" in new[0]
    assert ("status-draft" in new[2]) == drafts
    assert new[0].count('<br><span class="meta">') == 5  # 2 initiatives, 3 details


def test_the_next_check_in_is_the_assignments(world):
    """The one-row read gives what the assignment's annotated instance gave."""
    from coaching.cadence import cadence_for, with_cadence_facts
    from coaching.models import CoachAssignment

    with scope(city=world.city):
        factories.CheckInFactory(city=world.city, next_checkin_on=None)
        upcoming = page_reads.upcoming_checkin(city=world.city)
        assignment = with_cadence_facts(CoachAssignment.objects.filter(
            enrollment__city=world.city)).order_by("-is_primary").first()
    expected = cadence_for(assignment)
    assert (upcoming.next_due_on, upcoming.last_checkin_on, upcoming.days_overdue) == (
        expected.next_due_on, expected.last_checkin_on, expected.days_overdue)
    assert str(upcoming.assignment.coach) == str(assignment.coach)
    assert upcoming.assignment.cadence_days == assignment.cadence_days
