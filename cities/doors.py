"""The one permission device: who may do what is declared once, at the door.

A *rule* is a ``rules`` predicate registered once under the name of what it allows
(``can_log_checkin``). Each app's ``rules.py`` registers its rules with :func:`declare`
(``declare(can_log_checkin=coaches_city)``) or, for a building block that is a rule by
itself, with the :func:`rule` decorator (``@rule def is_program_staff(user)``); the name is
written once. ``rules.AutodiscoverRulesConfig`` imports every app's ``rules.py`` at start.

Every door names the rule it needs; the object of the rule is the request's city unless the
door says otherwise (``obj=`` a function of the request and the URL's keyword arguments):

- a function view: ``@rule_required("can_log_checkin")``;
- a class view: ``RuleRequiredMixin`` with ``rule = "can_x"`` (and ``get_rule_object()``);
- the API: ``permission_classes = [rule_permission(create="can_log_checkin", …)]``, one rule
  per action (or per HTTP method on an ``APIView``); :func:`on_object` names a rule whose
  object is the one the view acts on (checked in ``has_object_permission``);
- staff pages: ``@rule_required("is_program_staff", obj=None)``;
- a door that must look at what was posted before it knows which rule applies (the API's
  edit of an action item) calls :func:`require` (403) there; templates and pages that only
  *show* a link ask :func:`allows` (``{% test_rule %}`` in templates).

Answers, the same everywhere: a visitor who is not signed in is sent to sign in (the API:
401); a city the person may not see is 404 (the tenant door: ``cities.middleware`` for pages,
``cities.api.CityAPIMixin`` for the API, checked before any rule); a signed-in person the
rule refuses gets 403.

Domain functions do not ask who is calling: they check the state of things and raise
``ValidationError``. Every door that calls them (view, API, admin action, task) is guarded
here.
"""

from functools import wraps

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission


def declare(**named):
    """Register each predicate under its rule name (the name is written once, here)."""
    for name, predicate in named.items():
        rules.add_rule(name, predicate)


def rule(function):
    """Decorator: a predicate that is a rule by itself, registered under its own name."""
    predicate = rules.predicate(function)
    rules.add_rule(function.__name__, predicate)
    return predicate


def allows(name, user, obj=None):
    """Whether the rule ``name`` lets ``user`` act on ``obj`` (for what a page shows)."""
    return rules.test_rule(name, user, obj)


def require(name, user, obj=None):
    """403 unless the rule ``name`` lets ``user`` act on ``obj``."""
    if not allows(name, user, obj):
        raise PermissionDenied


def the_city(request, **kwargs):
    """The default object of a rule: the city of the request (set by the tenant door)."""
    return getattr(request, "city", None)


def rule_required(name, obj=the_city, methods=None):
    """Decorator of a function view: sign in first, then ``name`` must allow, else 403.

    ``obj`` is a function ``(request, **url_kwargs)`` returning the rule's object (it may
    answer 404 itself), or ``None`` for a rule about the person only. ``methods`` limits
    the rule to some HTTP methods (``("POST",)``: anyone who sees the page reads it, the
    rule says who may change it).
    """

    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if methods is not None and request.method not in methods:
                return view(request, *args, **kwargs)
            target = obj(request, **kwargs) if obj is not None else None
            require(name, request.user, target)
            return view(request, *args, **kwargs)

        guarded.door_rule = name
        return guarded

    return decorator


class RuleRequiredMixin:
    """The same door for a class view: ``rule = "can_x"``; override ``get_rule_object``."""

    rule = None

    def get_rule_object(self):
        return the_city(self.request)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require(self.rule, request.user, self.get_rule_object())
        return super().dispatch(request, *args, **kwargs)


class on_object:  # noqa: N801 -- reads as a marker in a declaration
    """A rule whose object is the instance the API view acts on (``get_object()``), or what
    ``of(request, instance)`` makes of it (e.g. the session as seen from the request's city).
    """

    def __init__(self, name, of=None):
        self.name = name
        self.of = of

    def target(self, request, obj):
        return self.of(request, obj) if self.of is not None else obj


class RulePermission(BasePermission):
    """The API door. Subclasses made by :func:`rule_permission` carry ``rules_by_action``."""

    rules_by_action = {}
    default = None

    def _rule(self, request, view):
        key = getattr(view, "action", None) or request.method.lower()
        return self.rules_by_action.get(key, self.default)

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False  # 401 (or 403 without an authentication header), as IsAuthenticated
        enter_city = getattr(view, "enter_city", None)
        if enter_city is not None:
            enter_city(request)  # the tenant door first: 404 for a city one may not see
        name = self._rule(request, view)
        if name is None or isinstance(name, on_object):
            return True
        return allows(name, request.user, getattr(request, "city", None))

    def has_object_permission(self, request, view, obj):
        name = self._rule(request, view)
        if isinstance(name, on_object):
            return allows(name.name, request.user, name.target(request, obj))
        return True


def rule_permission(default=None, **by_action):
    """A DRF permission class: ``default`` for every action, ``by_action`` per action
    (viewset action names such as ``create``/``update``, or HTTP methods in lower case)."""
    return type("RulePermission", (RulePermission,), {
        "rules_by_action": by_action, "default": default,
    })
