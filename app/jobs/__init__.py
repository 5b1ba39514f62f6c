"""Background jobs behind one call, `submit(task, *args, timeout=...)`, on one of two runners.

Without configuration a job runs in a thread pool inside the web process: nothing extra to
install, enough for one workshop. With `REDIS_URL` set, jobs go to an RQ queue on Redis and
run in separate `rq worker` processes (see the Procfile), so a long solve never occupies a
web worker and solving can scale out over more machines.

A task is a module-level function `task(app, *args)`: the thread runner hands it the running
app, an RQ worker builds its own app from the environment (`app.jobs.worker`). Tasks record
their own outcome in the database; the runner only has to start them.
"""

from collections.abc import Callable
from typing import Protocol

from flask import Flask, current_app

Task = Callable[..., None]
QUEUE = "fabriek"


class Runner(Protocol):
    def submit(self, app: Flask, task: Task, args: tuple, timeout: float) -> None:
        """Start `task(app, *args)` in the background; `timeout` in seconds bounds its run."""


def submit(task: Task, *args: object, timeout: float) -> None:
    """Run `task(app, *args)` in the background on this app's runner."""
    app = current_app._get_current_object()
    runner_of(app).submit(app, task, args, timeout)


def runner_of(app: Flask) -> Runner:
    """The app's runner, chosen once from its configuration."""
    if "job_runner" not in app.extensions:
        app.extensions["job_runner"] = _choose(app)
    return app.extensions["job_runner"]


def _choose(app: Flask) -> Runner:
    url = app.config["REDIS_URL"]
    if url:
        from app.jobs.redis_queue import RedisRunner

        return RedisRunner(url, QUEUE)
    from app.jobs.threads import THREADS

    return THREADS
