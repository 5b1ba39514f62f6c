"""The default runner: a small thread pool inside the web process.

The pool is shared by every app in the process and kept small, because a solver uses
several cores of its own. A thread cannot be stopped from outside, so `timeout` is left to
the task (the solver has its own time limit) and to the job's lost-job check.

Job threads run at a lower OS priority than the web threads next to them. A solve keeps
every core it is given busy for its whole time limit; at equal priority the pages of all
other users waited behind it (bench/load.py: p95 over two seconds while planning). At nice
10 the kernel gives a page request the CPU first and the solver the time that is left, so
the solve gets slower only while people are actually waiting for pages.
"""

import logging
import os
import threading
from concurrent.futures import ThreadPoolExecutor

from flask import Flask

from app.jobs import Task

log = logging.getLogger(__name__)
# The job threads' nice value (web threads have 0, the lowest priority is 19): at 10 a web
# thread gets about nine tenths of a contended core. On an idle machine it changes nothing.
NICENESS = 10


class ThreadRunner:
    def __init__(self, max_workers: int) -> None:
        self._executor = ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="job", initializer=lower_priority
        )

    def submit(self, app: Flask, task: Task, args: tuple, timeout: float) -> None:
        self._executor.submit(task, app, *args)


def lower_priority() -> None:
    """Lower this thread's priority; threads it starts later (CP-SAT's workers) inherit it.

    On Linux a "process" priority set with the thread's own id applies to that thread only,
    so the web threads of the same process keep theirs. Elsewhere, or where the system
    refuses, the job simply runs at normal priority.
    """
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
    except (AttributeError, OSError) as error:
        log.warning("job thread keeps normal priority: %s", error)


THREADS = ThreadRunner(max_workers=2)
