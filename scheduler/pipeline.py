"""A solve as a list of named phases around one incumbent, one bound and one budget.

Each phase gets a deadline from the budget and may only improve the incumbent or raise the
bound; none waits on another's work past its own deadline. A strategy (strategies.py) is
the list; any phase can be left out by name, and the solution names the phase that found
its roster and the one that proved its bound. Work that runs beside the phases (GLOP,
which releases the GIL) is a `Background`, read by a later phase until that phase's
deadline at most.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from scheduler.evaluate import Evaluation, evaluate
from scheduler.problem import Assignment, Problem

Progress = Callable[[float, float, float], None]
T = TypeVar("T")


class Incumbent:
    """The best roster so far, ranked by `rank` (the contract's ranks, then the weighted
    objective). Thread-safe: a roster is kept only if it ranks better. It starts from the
    pins alone, which no phase found: `first_found` is the time of the first that did."""

    def __init__(self, problem: Problem, weights: dict[str, int],
                 rank: Callable[[Evaluation, int], tuple], clock: Clock) -> None:
        self.problem, self.weights, self.rank, self.clock = problem, weights, rank, clock
        self.lock = threading.Lock()
        self.roster = sorted(problem.pinned)
        self.evaluation = evaluate(problem, self.roster)
        self.objective = self.evaluation.objective(weights)
        self.key = rank(self.evaluation, self.objective)
        self.found_by = "pins"
        self.first_found: float | None = None
        self.listeners: list[Callable[[int], None]] = []

    def offer(self, roster: list[Assignment], phase: str) -> bool:
        """Keep `roster` if it ranks better than the incumbent; whether it was kept."""
        evaluation = evaluate(self.problem, roster)
        objective = evaluation.objective(self.weights)
        key = self.rank(evaluation, objective)
        with self.lock:
            if key >= self.key:
                return False
            self.roster, self.evaluation, self.objective, self.key = (
                sorted(roster), evaluation, objective, key)
            self.found_by = phase
            if self.first_found is None:
                self.first_found = self.clock.elapsed()
        for listener in self.listeners:
            listener(objective)
        return True


@dataclass
class Bounds:
    """Lower bounds on the objective, which only rise: the least understaffing (scaled by its
    weight) plus the best bound on the rest, and the phase that proved each."""

    scale: int
    understaffing: int = 0
    # Whether `understaffing` is the least there can be (not only a lower bound): only then
    # do bounds on the rest that assume it hold, and only then can a roster be optimal.
    settled: bool = False
    rest: int = 0
    proved_by: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def raise_rest(self, value: int, phase: str) -> None:
        with self.lock:
            if value > self.rest:
                self.rest, self.proved_by = value, phase

    def settle(self, understaffing: int, phase: str) -> None:
        """The least understaffing, proven by `phase`."""
        with self.lock:
            self.understaffing, self.settled = understaffing, True
            self.proved_by = self.proved_by or phase

    @property
    def value(self) -> int:
        return self.scale * self.understaffing + self.rest


@dataclass
class Clock:
    """The solve's start and deadline on the process's monotonic clock."""

    start: float
    deadline: float

    def now(self) -> float:
        return time.perf_counter()

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def left(self) -> float:
        return max(0.0, self.deadline - time.perf_counter())

    def share(self, share: float) -> float:
        """The deadline of a phase given `share` of the time left."""
        return time.perf_counter() + share * self.left()


class Background(Generic[T]):
    """Work whose result a later phase reads, waiting at most until that phase's deadline:
    on a thread of its own when `beside` (GLOP releases the GIL, so it takes the core the
    phases after it leave), else done at once."""

    def __init__(self, work: Callable[[], T | None], beside: bool) -> None:
        self.result: T | None = None
        self.ready = threading.Event()
        if beside:
            threading.Thread(target=self._run, args=(work,), daemon=True).start()
        else:
            self._run(work)

    def _run(self, work: Callable[[], T | None]) -> None:
        try:
            self.result = work()
        finally:
            self.ready.set()

    def wait(self, deadline: float) -> T | None:
        self.ready.wait(max(0.0, deadline - time.perf_counter()))
        return self.result


@dataclass(frozen=True)
class Phase:
    """A named step of a strategy: `run(solve, deadline)`, given `share` of the time left.
    An `always` phase runs even when the time is up: the first roster must come."""

    name: str
    run: Callable[..., None]
    share: float = 1.0
    always: bool = False


def run_phases(phases: Iterable[Phase], solve, skip: Iterable[str] = ()) -> dict[str, float]:
    """Each phase not in `skip`, in turn, until the incumbent is proven optimal or the time
    is up; returns the seconds each phase that ran took (a phase listed twice, in all)."""
    skipped, ran = set(skip), {}
    for phase in phases:
        if phase.name in skipped or solve.optimal():
            continue
        if solve.clock.left() <= 0 and not phase.always:
            continue
        began = time.perf_counter()
        phase.run(solve, solve.clock.share(phase.share))
        ran[phase.name] = ran.get(phase.name, 0.0) + time.perf_counter() - began
    return ran
