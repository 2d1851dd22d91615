"""The default strategy template: the four core components with a maturity rubric.

Created by a data migration (and again on demand if the table was emptied); staff can
change every word of it in the admin.
"""

VISION_GUIDANCE = (
    "Say in two or three sentences what residents will notice in three years because the "
    "city uses data well. Then list the three to five priorities for resident impact the "
    "strategy serves (housing, safety, health, mobility…): each initiative should advance one."
)
VISION_EXAMPLE = (
    "By 2029 every department in our city makes its biggest decisions with timely, trusted "
    "data, shares what it learns with residents, and can show which services improve lives."
)
PRIORITIES_EXAMPLE = (
    "Faster response to housing code complaints\nSafer streets for walking and cycling\n"
    "Fewer missed trash pickups in underserved neighborhoods"
)
ROADMAP_GUIDANCE = (
    "Place each initiative in a year and the quarters it runs. Year one should hold a few "
    "quick wins that build trust; leave room for the slower work of years two and three."
)
METRICS_GUIDANCE = (
    "Pick a few measures per component that a resident would understand. Record today's "
    "baseline, a target for each year, where the number comes from and how often you report it."
)
METRICS_EXAMPLE = (
    "Share of datasets with a named steward: baseline 20%, targets 50% / 75% / 95%, "
    "source: data inventory, quarterly."
)

COMPONENTS = [
    {
        "key": "governance",
        "title": "Data governance",
        "description": "Who decides about data, with which policies, roles and standards.",
        "guidance": "Describe the leadership, policies and roles that steer data across "
        "departments: an executive order or policy, a data governance committee, named data "
        "stewards, a data inventory, privacy and ethics rules.",
        "examples": "Adopt an executive order establishing a citywide data policy.\n"
        "Name a data steward in each department and meet monthly.\n"
        "Publish a data inventory of the city's key datasets.",
        "rubric": [
            "No data policy or owner; each department decides alone.",
            "Some leaders champion data; roles and policies are informal.",
            "A written policy and a governance group exist; stewards are named for key data.",
            "Governance is routine: the group meets, the inventory is kept up to date, "
            "policies are enforced and reviewed.",
            "Governance is embedded in budget and operations and is a model for peer cities.",
        ],
    },
    {
        "key": "quality",
        "title": "Data quality",
        "description": "Whether the city's data is accurate, complete, timely and documented.",
        "guidance": "Explain how the city will know its data can be trusted: standards, "
        "documentation, validation at entry, regular quality checks and fixing sources.",
        "examples": "Define quality standards for the ten most-used datasets.\n"
        "Automate validation checks on 311 service request data.\n"
        "Document every published dataset with a data dictionary.",
        "rubric": [
            "Quality is unknown; errors are found by accident.",
            "Problems are fixed when noticed; little documentation.",
            "Standards and data dictionaries exist for key datasets; checks are periodic.",
            "Quality is measured and reported; owners fix issues at the source.",
            "Quality is monitored continuously and drives system and process improvements.",
        ],
    },
    {
        "key": "use",
        "title": "Data use",
        "description": "How data informs decisions, budgets, performance and evaluations.",
        "guidance": "Show how leaders and staff will use data to set goals, track performance, "
        "allocate resources and evaluate what works. Name the routines (e.g. monthly "
        "performance reviews) and the skills staff need.",
        "examples": "Launch monthly data-driven performance reviews with department heads.\n"
        "Train 100 staff in data analysis and visualisation.\n"
        "Run a rigorous evaluation of one major program each year.",
        "rubric": [
            "Decisions rarely use data.",
            "Some departments report numbers; use depends on individuals.",
            "Key services have goals and dashboards reviewed by leaders.",
            "Regular performance routines shape budgets and operations; evaluations inform "
            "choices.",
            "Evidence guides decisions citywide and results are shared and improved on.",
        ],
    },
    {
        "key": "transparency",
        "title": "Transparency",
        "description": "What the city shares with residents and how it engages them with data.",
        "guidance": "Describe what the city will publish (open data, progress on goals), "
        "how residents can use it and take part, and how the city communicates results.",
        "examples": "Adopt an open data policy and publish 50 high-value datasets.\n"
        "Publish a public dashboard of progress on the mayor's priorities.\n"
        "Hold community data walks in every council district.",
        "rubric": [
            "Little is published; requests are handled one by one.",
            "Some datasets or reports are published without a plan.",
            "An open data policy and portal exist; key data is published on a schedule.",
            "Residents use the data; the city reports progress on its goals publicly.",
            "Residents help shape what is measured and published; open by default.",
        ],
    },
]


def create_default_template(StrategyTemplate, TemplateComponent):  # noqa: N803 - models
    """Create the default template (given the model classes, so migrations can use it)."""
    existing = StrategyTemplate.objects.filter(is_default=True).first()
    if existing:
        return existing
    template = StrategyTemplate.objects.create(
        name="City data strategy (default)",
        is_default=True,
        vision_guidance=VISION_GUIDANCE,
        vision_example=VISION_EXAMPLE,
        priorities_example=PRIORITIES_EXAMPLE,
        roadmap_guidance=ROADMAP_GUIDANCE,
        metrics_guidance=METRICS_GUIDANCE,
        metrics_example=METRICS_EXAMPLE,
    )
    for order, component in enumerate(COMPONENTS, start=1):
        rubric = {f"rubric_{level}": text for level, text in enumerate(component["rubric"], 1)}
        TemplateComponent.objects.create(
            template=template, order=order, key=component["key"], title=component["title"],
            description=component["description"], guidance=component["guidance"],
            examples=component["examples"], **rubric,
        )
    return template
