"""Domain code queues its Celery tasks without importing them.

Tasks import the domain; the domain never imports its tasks (that is a circle). A domain
module declares the hook it calls, and the tasks module registers the task on it::

    # strategy/pdf.py (domain)
    rendering = TaskHook("strategy.render_strategy_pdf")
    ...
    rendering.delay_on_commit(strategy.pk, kind, language)

    # strategy/tasks.py
    @pdf.rendering.register
    @shared_task(name="strategy.render_strategy_pdf")
    def render_strategy_pdf(strategy_id, kind, language): ...

The app's ``AppConfig.ready()`` imports its tasks module, so the hook is filled in every
process (web, worker, shell, tests).
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction


class TaskHook:
    """The task a domain module queues; ``tasks.py`` registers it."""

    def __init__(self, name):
        self.name = name
        self._task = None

    def register(self, task):
        """Fill the hook with ``task`` (usable as a decorator: returns the task)."""
        self._task = task
        return task

    @property
    def task(self):
        if self._task is None:
            raise ImproperlyConfigured(
                f"No task registered for {self.name}: import the app's tasks module in its "
                "AppConfig.ready()."
            )
        return self._task

    def delay_on_commit(self, *args, robust=False):
        """Queue the task with ``args`` once the current transaction commits (at once
        outside one). ``robust``: a failure to queue (broker down) is logged, not raised."""
        task = self.task
        transaction.on_commit(lambda: task.delay(*args), robust=robust)
