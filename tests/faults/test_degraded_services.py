"""The two pieces that keep pages working while Redis is unreachable, without servers.

(The end-to-end proof, with gunicorn, a worker and a Redis that is killed, is
``test_broker_outage.py``.)
"""

from unittest import mock

import pytest
from kombu.exceptions import OperationalError

from caching.cache import ResilientRedisCache

NOTHING_LISTENS = "redis://127.0.0.1:1/0"


def test_an_unreachable_redis_cache_is_a_miss_and_drops_writes():
    cache = ResilientRedisCache(NOTHING_LISTENS, {"OPTIONS": {"socket_connect_timeout": 1}})
    assert cache.get("key", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    cache.set("key", "value")  # dropped, not raised
    assert cache.add("lock", True) is True  # a cache lock does not block the request
    with pytest.raises(ValueError):
        cache.incr("counter")  # as for a missing key
    assert cache.delete("key") is False


@pytest.mark.django_db
def test_a_refused_hand_over_leaves_the_other_emails_queued_without_waiting_again(
    django_capture_on_commit_callbacks,
):
    from notifications.outbox import queue_emails

    with mock.patch("notifications.tasks.send_email.delay",
                    side_effect=OperationalError("Connection refused")) as delay:  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            queue_emails(email_ids=[1, 2, 3])
    assert delay.call_count == 1


@pytest.mark.django_db
def test_a_pdf_requested_while_the_broker_is_down_stays_pending_without_an_error(
    django_capture_on_commit_callbacks,
):
    from django.core.management import call_command
    from django_scopes import scope, scopes_disabled

    from strategy import pdf
    from strategy.models import DocumentStatus, Strategy

    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        strategy = Strategy.objects.select_related("city").get(city__slug="riverton")
    with (
        scope(city=strategy.city),
        mock.patch(
            "strategy.tasks.render_strategy_pdf.delay",
            side_effect=OperationalError("Connection refused"),
        ) as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        document = pdf.request_document(strategy=strategy, kind="full", language="en")
    assert delay.call_count == 1
    document.refresh_from_db()
    assert document.status == DocumentStatus.PENDING
