"""Two local searches at once, the second in a process of its own on the other core.

The local search is pure Python, so a thread would only share the GIL. On a large week the
second core is otherwise idle once GLOP has its bound (15 of 51 s at 1,000 people), and
runs with different seeds end a few hundred points apart (1,000 people, 45 s: 226,040,
226,380 and 226,610 for seeds 1-3), so the better of two is worth the core. The process is
spawned, not forked: a fork next to GLOP's running thread could inherit a held lock. It
builds its own model from the problem (the CP-SAT model does not pickle), and whatever
goes wrong there costs only its result, never the solve.
"""

from __future__ import annotations

import multiprocessing
import time
from multiprocessing.connection import Connection

from scheduler.evaluate import evaluate
from scheduler.local_search import improve
from scheduler.model import RosterModel, build_model
from scheduler.problem import Assignment, Problem

# The other search stops this much before the deadline, which it is not waited past: its
# last daypart flow pass can run over (about 1 s on 1,000 people), and its roster has to be
# pickled and sent.
GRACE = 1.0
# Spawning the process, importing OR-Tools and building the model take 1.5-2 s; below
# this many seconds the other search would have little or no time left.
LEAST_SECONDS = 5.0
OTHER_SEED = 2


def improve_on_two_cores(
    m: RosterModel, roster: list[Assignment], weights: dict[str, int], seconds: float
) -> list[Assignment]:
    """The better of two searches (local_search.improve) from `roster`, both within
    `seconds`; the one in this process alone if the other fails or is late, or if there
    is too little time to start it."""
    if seconds < LEAST_SECONDS:
        return improve(m, roster, weights, seconds)
    deadline = time.time() + seconds
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    problem = m.problem
    other = context.Process(target=_search, daemon=True,
                            args=(problem, roster, weights, deadline - GRACE, sender))
    other.start()
    sender.close()
    mine = improve(m, roster, weights, seconds)
    theirs = None
    try:
        if receiver.poll(max(0.0, deadline - time.time())):
            theirs = receiver.recv()
    except (EOFError, OSError):
        theirs = None
    finally:
        receiver.close()
        other.join(GRACE)
        if other.is_alive():
            other.kill()
            other.join()
    if not theirs:
        return mine
    return min(mine, theirs, key=lambda r: evaluate(problem, r).objective(weights))


def _search(problem: Problem, roster: list[Assignment], weights: dict[str, int],
            deadline: float, sender: Connection) -> None:
    model = build_model(problem, [])
    sender.send(improve(model, roster, weights, deadline - time.time(), seed=OTHER_SEED))
    sender.close()
