"""The program content the strategy builder ships: the default template, its four core
components and their maturity rubric, and the strategy's default title.

Shipped text lives here, in English, marked for translation (``gettext_noop``): the
catalogues carry it in every language. A template row that is *as shipped* stores no text
of its own (an empty field), and every reader sees the shipped text in their language
(:func:`template_text`, :func:`component_text`). Once staff type their own words in the
admin, those are stored and shown as typed. The default template is created by a data
migration (and again on demand if the table was emptied).
"""

from types import SimpleNamespace

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _  # marks shipped text: translated on display

VISION_GUIDANCE = _(
    "Say in two or three sentences what residents will notice in three years because the "
    "city uses data well. Then list the three to five priorities for resident impact the "
    "strategy serves (housing, safety, health, mobility…): each initiative should advance one."
)
VISION_EXAMPLE = _(
    "By 2029 every department in our city makes its biggest decisions with timely, trusted "
    "data, shares what it learns with residents, and can show which services improve lives."
)
PRIORITIES_EXAMPLE = _(
    "Faster response to housing code complaints\nSafer streets for walking and cycling\n"
    "Fewer missed trash pickups in underserved neighborhoods"
)
ROADMAP_GUIDANCE = _(
    "Place each initiative in a year and the quarters it runs. Year one should hold a few "
    "quick wins that build trust; leave room for the slower work of years two and three."
)
METRICS_GUIDANCE = _(
    "Pick a few measures per component that a resident would understand. Record today's "
    "baseline, a target for each year, where the number comes from and how often you report it."
)
METRICS_EXAMPLE = _(
    "Share of datasets with a named steward: baseline 20%, targets 50% / 75% / 95%, "
    "source: data inventory, quarterly."
)

COMPONENTS = [
    {
        "key": "governance",
        "title": _("Data governance"),
        "description": _("Who decides about data, with which policies, roles and standards."),
        "guidance": _("Describe the leadership, policies and roles that steer data across "
        "departments: an executive order or policy, a data governance committee, named data "
        "stewards, a data inventory, privacy and ethics rules."),
        "examples": _("Adopt an executive order establishing a citywide data policy.\n"
        "Name a data steward in each department and meet monthly.\n"
        "Publish a data inventory of the city's key datasets."),
        "rubric": [
            _("No data policy or owner; each department decides alone."),
            _("Some leaders champion data; roles and policies are informal."),
            _("A written policy and a governance group exist; stewards are named for key data."),
            _("Governance is routine: the group meets, the inventory is kept up to date, "
            "policies are enforced and reviewed."),
            _("Governance is embedded in budget and operations and is a model for peer cities."),
        ],
    },
    {
        "key": "quality",
        "title": _("Data quality"),
        "description": _("Whether the city's data is accurate, complete, timely and documented."),
        "guidance": _("Explain how the city will know its data can be trusted: standards, "
        "documentation, validation at entry, regular quality checks and fixing sources."),
        "examples": _("Define quality standards for the ten most-used datasets.\n"
        "Automate validation checks on 311 service request data.\n"
        "Document every published dataset with a data dictionary."),
        "rubric": [
            _("Quality is unknown; errors are found by accident."),
            _("Problems are fixed when noticed; little documentation."),
            _("Standards and data dictionaries exist for key datasets; checks are periodic."),
            _("Quality is measured and reported; owners fix issues at the source."),
            _("Quality is monitored continuously and drives system and process improvements."),
        ],
    },
    {
        "key": "use",
        "title": _("Data use"),
        "description": _("How data informs decisions, budgets, performance and evaluations."),
        "guidance": _("Show how leaders and staff will use data to set goals, track performance, "
        "allocate resources and evaluate what works. Name the routines (e.g. monthly "
        "performance reviews) and the skills staff need."),
        "examples": _("Launch monthly data-driven performance reviews with department heads.\n"
        "Train 100 staff in data analysis and visualisation.\n"
        "Run a rigorous evaluation of one major program each year."),
        "rubric": [
            _("Decisions rarely use data."),
            _("Some departments report numbers; use depends on individuals."),
            _("Key services have goals and dashboards reviewed by leaders."),
            _("Regular performance routines shape budgets and operations; evaluations inform "
            "choices."),
            _("Evidence guides decisions citywide and results are shared and improved on."),
        ],
    },
    {
        "key": "transparency",
        "title": _("Transparency"),
        "description": _("What the city shares with residents and how it engages them with data."),
        "guidance": _("Describe what the city will publish (open data, progress on goals), "
        "how residents can use it and take part, and how the city communicates results."),
        "examples": _("Adopt an open data policy and publish 50 high-value datasets.\n"
        "Publish a public dashboard of progress on the mayor's priorities.\n"
        "Hold community data walks in every council district."),
        "rubric": [
            _("Little is published; requests are handled one by one."),
            _("Some datasets or reports are published without a plan."),
            _("An open data policy and portal exist; key data is published on a schedule."),
            _("Residents use the data; the city reports progress on its goals publicly."),
            _("Residents help shape what is measured and published; open by default."),
        ],
    },
]


TEMPLATE_FIELDS = {
    "vision_guidance": VISION_GUIDANCE,
    "vision_example": VISION_EXAMPLE,
    "priorities_example": PRIORITIES_EXAMPLE,
    "roadmap_guidance": ROADMAP_GUIDANCE,
    "metrics_guidance": METRICS_GUIDANCE,
    "metrics_example": METRICS_EXAMPLE,
}
RUBRIC_FIELDS = tuple(f"rubric_{level}" for level in range(1, 6))
COMPONENT_FIELDS = ("title", "description", "guidance", "examples", *RUBRIC_FIELDS)
DEFAULT_TEMPLATE_NAME = _("City data strategy (default)")
# The title a strategy gets when it is started (stored empty: shown in each reader's language)
STRATEGY_TITLE = _("%(city)s three-year data strategy")


def _shipped_components():
    """{component key: {field: English source}}."""
    shipped = {}
    for component in COMPONENTS:
        texts = {field: component[field] for field in ("title", "description", "guidance",
                                                       "examples")}
        texts.update(zip(RUBRIC_FIELDS, component["rubric"], strict=True))
        shipped[component["key"]] = texts
    return shipped


SHIPPED_COMPONENTS = _shipped_components()


def shipped_english():
    """Every English text the strategy builder ships (for checks that look for English)."""
    texts = [*TEMPLATE_FIELDS.values()]
    for fields in SHIPPED_COMPONENTS.values():
        texts += fields.values()
    return texts


def _in_every_language(source):
    """``source`` and its translation in each language the product speaks."""
    found = {source}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found.add(gettext(source))
    return found


def as_shipped(text, source):
    """True when ``text`` is the shipped ``source`` (in any language) or empty: then the
    row stores nothing and readers get the shipped text in their own language."""
    text = " ".join((text or "").split())
    return not text or (bool(source) and text in {
        " ".join(t.split()) for t in _in_every_language(source)})


def template_text(template, field):
    """A template's ``field`` for the reader: as typed by staff, else as shipped, in the
    active language."""
    stored = getattr(template, field)
    if stored:
        return stored
    source = TEMPLATE_FIELDS.get(field)
    return gettext(source) if source else ""


def component_text(component, field):
    """A template component's ``field`` (title, guidance, a rubric level…) for the reader:
    as typed by staff, else as shipped for its key, in the active language."""
    stored = getattr(component, field)
    if stored:
        return stored
    source = SHIPPED_COMPONENTS.get(component.key, {}).get(field)
    if source:
        return gettext(source)
    return component.key.replace("-", " ").capitalize() if field == "title" else ""


def component_rubric(component):
    """[(level, text)] for maturity levels 1–5, in the reader's language when as shipped."""
    return [(level, component_text(component, f"rubric_{level}")) for level in range(1, 6)]


def readable_component(component):
    """What the builder shows of a template component, every text resolved for the reader."""
    return SimpleNamespace(
        key=component.key, **{f: component_text(component, f) for f in COMPONENT_FIELDS[:4]},
        rubric=component_rubric(component),
    )


def readable_template(template):
    """The template's guidance and examples, resolved for the reader."""
    return SimpleNamespace(**{field: template_text(template, field) for field in TEMPLATE_FIELDS})


def strategy_title(strategy):
    """The strategy's title: as the team or staff typed it, else the shipped title in the
    active language."""
    if strategy.title:
        return strategy.title
    return gettext(STRATEGY_TITLE) % {"city": strategy.city.name}


def shipped_title_in_every_language(city_name):
    """The shipped strategy title for ``city_name`` in each language the product speaks."""
    return {text % {"city": city_name} for text in _in_every_language(STRATEGY_TITLE)}


def create_default_template(StrategyTemplate, TemplateComponent):  # noqa: N803 - models
    """Create the default template (given the model classes, so migrations can use it).

    Its texts are stored empty: as shipped, read in each reader's language.
    """
    existing = StrategyTemplate.objects.filter(is_default=True).first()
    if existing:
        return existing
    template = StrategyTemplate.objects.create(name=DEFAULT_TEMPLATE_NAME, is_default=True)
    for order, component in enumerate(COMPONENTS, start=1):
        TemplateComponent.objects.create(template=template, order=order, key=component["key"])
    return template
