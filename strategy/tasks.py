"""Celery tasks of the strategy: thin wrappers that take ids."""

import logging

from celery import shared_task
from django_scopes import scope, scopes_disabled

from strategy.models import Strategy
from strategy.pdf import record_failure, render_document, rendering

logger = logging.getLogger(__name__)
MAX_RETRIES = 3


@rendering.register
@shared_task(bind=True, max_retries=MAX_RETRIES, name="strategy.render_strategy_pdf")
def render_strategy_pdf(self, strategy_id, kind, language="en"):
    """Render the strategy's PDF (``kind``: "full" or "brief"); retried with backoff.

    A failure is written on the document (shown to the team, who can try again) and the
    task retries in a worker; run eagerly it is not retried, so the request never hangs.
    """
    with scopes_disabled():
        strategy = Strategy.objects.select_related("city").filter(pk=strategy_id).first()
    if strategy is None:
        return None
    with scope(city=strategy.city):
        try:
            document = render_document(strategy=strategy, kind=kind, language=language)
        except Exception as error:  # recorded on the document, logged and retried
            will_retry = not self.request.is_eager and self.request.retries < MAX_RETRIES
            record_failure(strategy=strategy, kind=kind, error=error, final=not will_retry)
            logger.exception("Rendering the %s PDF of strategy %s failed", kind, strategy_id)
            if will_retry:
                raise self.retry(exc=error, countdown=30 * 2 ** self.request.retries) from error
            return None
    return document.pk
