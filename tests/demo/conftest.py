# The notifications demo test runs the queued mail with the notifications tests' fixtures.
from tests.notifications.conftest import eager_celery, send_on_commit  # noqa: F401
