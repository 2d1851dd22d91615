"""The demo's strategies: Riverton's waits for the mayor, Lakeside's is being drafted."""

from strategy.editing import start_strategy
from strategy.models import Comment, ComponentPlan, Initiative, Metric, StrategyState
from strategy.review import submit_for_review

RIVERTON = {
    "vision": "By 2029 Riverton runs on timely, trusted data: every department sets goals "
    "residents can see, decides with evidence, and shares what it learns.",
    "priorities": "Faster repairs of unsafe housing\nSafer streets for people walking and "
    "cycling\nEqual trash and street-light service in every neighborhood",
    "components": {
        "governance": {
            "current_maturity": 2,
            "current_state": "A few leaders champion data, but there is no citywide policy and "
            "nobody is accountable for most datasets.",
            "target_state": "A data policy adopted by executive order, a governance committee "
            "that meets monthly, and a named steward for every key dataset.",
            "goals": "Adopt a citywide data policy\nName a data steward in every department\n"
            "Keep a public inventory of the city's key datasets",
            "initiatives": [
                ("Adopt a citywide data policy by executive order", 1, [1, 2], "Mayor's office",
                 "Staff time; legal review", "", ["leadership_capacity", "data_management"]),
                ("Name data stewards in every department", 1, [3, 4], "Chief data officer",
                 "2 hours a month per steward", "Data policy adopted", ["data_management"]),
                ("Build and publish the data inventory", 2, [1, 2, 3, 4], "Chief data officer",
                 "$40,000 for inventory tooling", "Stewards named", ["data_management",
                                                                     "open_data"]),
                ("Review the data policy and report publicly", 3, [1, 2],
                 "Data governance committee", "Staff time", "", ["leadership_capacity"]),
            ],
            "metrics": [
                ("Departments with a named data steward", "3 of 22", "11", "18", "22",
                 "Governance committee records", "quarterly"),
            ],
        },
        "quality": {
            "current_maturity": 2,
            "target_state": "Documented, validated data for the 20 datasets leaders use most.",
            "goals": "Publish data dictionaries for the most-used datasets",
            "initiatives": [
                ("Data dictionaries for the 20 most-used datasets", 2, [1, 2, 3],
                 "Data stewards", "Staff time", "Data inventory", ["data_management"]),
            ],
            "metrics": [
                ("Key datasets with a data dictionary", "2 of 20", "6", "14", "20",
                 "Data inventory", "quarterly"),
            ],
        },
        "use": {
            "current_maturity": 3,
            "target_state": "Monthly performance reviews shape budgets and operations.",
            "goals": "Run monthly performance reviews with department heads",
            "initiatives": [
                ("Monthly RiverStat performance reviews", 1, [2, 3, 4], "City manager",
                 "One analyst", "", ["performance_analytics"]),
                ("Evaluate the housing code enforcement pilot", 3, [1, 2, 3, 4],
                 "Policy lead", "$60,000 evaluation partner", "RiverStat",
                 ["evaluations", "community_impact"]),
            ],
            "metrics": [],
        },
        "transparency": {
            "current_maturity": 1,
            "target_state": "",
            "goals": "",
            "initiatives": [
                ("Relaunch the open data portal", 2, [2, 3], "Communications lead",
                 "$25,000 a year", "Data inventory", ["open_data"]),
            ],
            "metrics": [],
        },
    },
}

LAKESIDE_VISION = (
    "Para 2029 Lakeside usa datos confiables para mejorar el agua, la movilidad y la "
    "seguridad de cada colonia, y rinde cuentas a sus habitantes."
)


def _fill_riverton(strategy):
    strategy.vision, strategy.priorities = RIVERTON["vision"], RIVERTON["priorities"]
    strategy.save(update_fields=["vision", "priorities", "updated_at"])
    for key, data in RIVERTON["components"].items():
        plan = ComponentPlan.objects.get(strategy=strategy, key=key)
        plan.current_maturity = data["current_maturity"]
        plan.current_state = data.get("current_state", "")
        plan.target_state, plan.goals = data["target_state"], data["goals"]
        plan.save()
        for title, year, quarters, owner, resources, deps, areas in data["initiatives"]:
            Initiative.objects.update_or_create(
                component=plan, title=title,
                defaults=dict(year=year, quarters=quarters, owner=owner, resources=resources,
                              dependencies=deps, practice_areas=areas,
                              description=f"{title}. Owned by the {owner.lower()}."),
            )
        for name, baseline, t1, t2, t3, source, frequency in data["metrics"]:
            Metric.objects.update_or_create(
                component=plan, name=name,
                defaults=dict(baseline=baseline, target_year_1=t1, target_year_2=t2,
                              target_year_3=t3, data_source=source, frequency=frequency),
            )


def seed(demo):
    """Riverton: a strategy in mayor review; Lakeside: a strategy being drafted."""
    riverton, lakeside = demo["cities"]["riverton"], demo["cities"]["lakeside"]
    cdo = demo["users"]["cdo@riverton.demo.test"]
    strategy = start_strategy(city=riverton, user=cdo)
    if not strategy.versions.exists():
        _fill_riverton(strategy)
        if strategy.state == StrategyState.DRAFTING:
            submit_for_review(strategy=strategy, user=cdo)
    Comment.objects.get_or_create(
        strategy=strategy, section="component-governance",
        author=demo["users"]["coach@demo.test"],
        defaults={"body": "Strong start. Consider naming who chairs the governance committee."},
    )
    lakeside_strategy = start_strategy(city=lakeside, user=demo["users"]["cdo@lakeside.demo.test"])
    if not lakeside_strategy.vision:
        lakeside_strategy.vision = LAKESIDE_VISION
        lakeside_strategy.save(update_fields=["vision", "updated_at"])
    demo["strategies"] = {"riverton": strategy, "lakeside": lakeside_strategy}
