"""Planning threads run below the web threads' priority, so a solve cannot starve the pages."""

import os
import sys
import threading

import pytest

from app.jobs.threads import NICENESS, ThreadRunner

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="per-thread priority is Linux")


def _nice_of_this_thread() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def _nice_of_a_thread_started_here() -> int:
    seen = []
    child = threading.Thread(target=lambda: seen.append(_nice_of_this_thread()))
    child.start()
    child.join()
    return seen[0]


def test_job_thread_and_the_threads_it_starts_run_at_lower_priority(app):
    before = _nice_of_this_thread()
    result: dict[str, int] = {}
    done = threading.Event()

    def task(_app) -> None:
        result["job"] = _nice_of_this_thread()
        result["child"] = _nice_of_a_thread_started_here()
        done.set()

    ThreadRunner(max_workers=1).submit(app, task, (), timeout=5)
    assert done.wait(5)
    assert result["job"] >= NICENESS and result["child"] >= NICENESS
    assert _nice_of_this_thread() == before, "the web thread keeps its priority"
