"""The scale-out runner: an RQ queue on Redis, worked by `rq worker` processes.

Only the task's import path and its plain arguments travel through Redis; the worker
imports the task and builds its own app (`app.jobs.worker.perform`). RQ stops a job that
runs past its timeout by raising inside it, so the task records that as a failure itself.
"""

import math

from flask import Flask
from redis import Redis
from rq import Queue

from app.jobs import Task

# A finished job's RQ record is only for diagnosis: the outcome lives in the database.
KEEP_RESULT = 3600
KEEP_FAILURE = 7 * 24 * 3600


class RedisRunner:
    def __init__(self, url: str, queue: str) -> None:
        self.queue = Queue(queue, connection=Redis.from_url(url))

    def submit(self, app: Flask, task: Task, args: tuple, timeout: float) -> None:
        self.queue.enqueue_call(
            "app.jobs.worker.perform",
            args=(task_path(task), *args),
            timeout=math.ceil(timeout),
            result_ttl=KEEP_RESULT,
            failure_ttl=KEEP_FAILURE,
        )


def task_path(task: Task) -> str:
    """`module:function`, so a worker on another machine can import the task."""
    return f"{task.__module__}:{task.__qualname__}"
