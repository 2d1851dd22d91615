"""What other apps show beside the strategy's parts, without the strategy importing them.

An app above the strategy registers, in its ``AppConfig.ready()``, a function of the city
that returns ``{component key: [line, …]}``; the builder's component step shows those lines
beside the current-state maturity (the assessment's result per practice area, for one). A
function must read in one query at most: the page keeps to its budget.
"""

_BESIDE_MATURITY = []


def register_beside_maturity(function):
    """Register ``function(city) -> {component key: [line, …]}`` (a decorator too)."""
    if function not in _BESIDE_MATURITY:
        _BESIDE_MATURITY.append(function)
    return function


def beside_maturity(*, city):
    """``{component key: [line, …]}`` from every registered function."""
    lines = {}
    for function in _BESIDE_MATURITY:
        for key, found in (function(city) or {}).items():
            lines.setdefault(key, []).extend(found)
    return lines
