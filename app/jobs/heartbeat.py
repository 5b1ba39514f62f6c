"""A running job's pulse: a thread that calls `beat` every few seconds while the job works.

Whether a job's worker is still there cannot be asked of the runner (a thread pool in a
process that was restarted, an RQ worker that was killed): the job records a heartbeat
itself, and whoever finds it stale knows the job is gone.
"""

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)


@contextmanager
def heartbeat(beat: Callable[[], None], every: float) -> Iterator[None]:
    """Call `beat` every `every` seconds in a thread of its own until the block ends."""
    stop = threading.Event()

    def pulse() -> None:
        while not stop.wait(every):
            try:
                beat()
            except Exception:  # noqa: BLE001  (a missed beat must not end the job)
                log.exception("heartbeat failed")

    thread = threading.Thread(target=pulse, name="heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
