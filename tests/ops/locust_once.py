"""Run every task of every user class of bench/locustfile.py once against a server.

    python tests/ops/locust_once.py http://127.0.0.1:PORT   (LOAD_PEOPLE names the people)

Used by tests/ops/test_locustfile.py in a separate process, because importing locust
monkey-patches the standard library with gevent, which the test process must not see.
Prints one JSON object: per class, per task, the requests made (method, name, status, error).
"""

import inspect
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from locust.env import Environment  # noqa: E402

from bench import locustfile  # noqa: E402


def user_classes():
    return [
        c
        for _n, c in inspect.getmembers(locustfile, inspect.isclass)
        if issubclass(c, locustfile.CivicUser) and not c.abstract
    ]


def tasks_of(cls):
    """The class's task functions, once each, in source order."""
    return [f for f in cls.__dict__.values() if callable(f) and hasattr(f, "locust_task_weight")]


def main(host):
    classes = user_classes()
    env = Environment(user_classes=classes, host=host)
    log = []
    env.events.request.add_listener(
        lambda request_type, name, response, exception, **_kw: log.append(
            {
                "method": request_type,
                "name": name,
                "status": getattr(response, "status_code", 0),
                "error": str(exception) if exception else "",
            }
        )
    )
    result = {}
    for cls in classes:
        cls.host = host
        user = cls(env)
        log.clear()
        user.on_start()
        result[cls.__name__] = {"on_start": list(log)}
        for function in tasks_of(cls):
            log.clear()
            function(user)
            result[cls.__name__][function.__name__] = list(log)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
