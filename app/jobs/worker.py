"""What an RQ worker runs: build the app from the environment, then the task.

Start workers with `rq worker --url "$REDIS_URL" fabriek` in the project's environment
(DATABASE_URL, SECRET_KEY, FABRIEK_ENV as for the web processes).
"""

import importlib
from functools import cache

from flask import Flask


def perform(path: str, *args: object) -> None:
    """Run the task at `module:function` with this worker's app."""
    module, name = path.split(":")
    task = getattr(importlib.import_module(module), name)
    task(worker_app(), *args)


@cache
def worker_app() -> Flask:
    """One app per worker process, configured from the environment like the web app."""
    from app import create_app

    return create_app()
