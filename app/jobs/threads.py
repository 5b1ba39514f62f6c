"""The default runner: a small thread pool inside the web process.

The pool is shared by every app in the process and kept small, because a solver uses
several cores of its own. A thread cannot be stopped from outside, so `timeout` is left to
the task (the solver has its own time limit) and to the job's lost-job check.
"""

from concurrent.futures import ThreadPoolExecutor

from flask import Flask

from app.jobs import Task


class ThreadRunner:
    def __init__(self, max_workers: int) -> None:
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="job")

    def submit(self, app: Flask, task: Task, args: tuple, timeout: float) -> None:
        self._executor.submit(task, app, *args)


THREADS = ThreadRunner(max_workers=2)
