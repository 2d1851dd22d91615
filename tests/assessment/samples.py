"""A small framework in the file format (the default one is content written elsewhere)."""


def t(en):
    return {"en": en, "es": f"{en} (es)", "pt-br": f"{en} (pt)"}


def small_framework(key="test-practice", version=1):
    """Two practice areas, four criteria (one requires another), three tiers."""
    return {
        "key": key, "version": version, "name": t("Test practice"),
        "description": t("A framework for tests."),
        "tiers": [
            {"key": "established", "share": 0.51, "name": t("Established"),
             "description": t("Half")},
            {"key": "advanced", "share": 0.67, "name": t("Advanced"), "description": t("Two")},
            {"key": "leading", "share": 0.84, "name": t("Leading"), "description": t("All")},
        ],
        "areas": [
            {"key": "data_management", "name": t("Data management"), "description": t("DM"),
             "criteria": [
                 {"key": "dm-inventory", "text": t("The city keeps a data inventory"),
                  "evidence": t("The inventory"), "needs": 2, "requires": [],
                  "items": [{"key": "dm-inventory-list", "text": t("A list exists")},
                            {"key": "dm-inventory-owner", "text": t("Each set has an owner")},
                            {"key": "dm-inventory-updated", "text": t("Updated yearly")}]},
                 {"key": "dm-quality", "text": t("Key data is checked for quality"),
                  "evidence": t("A quality report"), "needs": 1,
                  "requires": ["dm-inventory"],
                  "items": [{"key": "dm-quality-checks", "text": t("Checks run")},
                            {"key": "dm-quality-fixes", "text": t("Errors are fixed")}]},
             ]},
            {"key": "open_data", "name": t("Open data"), "description": t("OD"),
             "criteria": [
                 {"key": "od-policy", "text": t("An open data policy is adopted"),
                  "evidence": t("The policy"), "needs": 1, "requires": [],
                  "items": [{"key": "od-policy-adopted", "text": t("Adopted")}]},
                 {"key": "od-portal", "text": t("Data is published on a portal"),
                  "evidence": t("A link"), "needs": 2, "requires": [],
                  "items": [{"key": "od-portal-live", "text": t("The portal is live")},
                            {"key": "od-portal-schedule", "text": t("A schedule exists")}]},
             ]},
        ],
    }
