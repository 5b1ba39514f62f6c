"""Solve a week: validate, explain infeasibility, then run a strategy's phases.

The contract ranks the least understaffing above everything else (and in a gap re-plan,
`mode: "gap"`, the fewest holders short of a cover and the fewest changes after it), so
those ranks are settled first, by flows or CP-SAT on them alone, and then held while the
weighted rest is minimised. How is the strategy's business (strategies.py): a list of
named phases sharing one incumbent, one bound and one budget (pipeline.py).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from scheduler.evaluate import Evaluation, PenaltyItem
from scheduler.explain import Clash, explain
from scheduler.model import build_model
from scheduler.penalties import WEIGHTS, resolve_weights
from scheduler.phases import Run, ranks_of
from scheduler.pipeline import Bounds, Clock, Incumbent, Progress, run_phases
from scheduler.problem import Assignment, Problem, ProblemError, parse_problem
from scheduler.strategies import PHASE_NAMES, opening, rest
from scheduler.tuning import STOP_RESERVE


@dataclass
class Solution:
    status: str
    objective: int | None = None
    best_bound: int | None = None
    penalties: dict[str, int] = field(default_factory=dict)
    details: list[PenaltyItem] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    explanation: list[Clash] = field(default_factory=list)
    changed: int = 0
    wall_time: float = 0.0
    first_feasible_time: float | None = None
    # The pipeline's phase that found the roster, and the one that proved the best bound.
    found_by: str | None = None
    proved_by: str | None = None
    # The seconds each phase that ran took, in order (not part of the contract's JSON).
    phases: dict[str, float] = field(default_factory=dict, repr=False)

    weights: dict[str, int] = field(default_factory=lambda: dict(WEIGHTS), repr=False)

    @property
    def gap(self) -> float | None:
        """Relative distance to the best bound, measured on the terms after understaffing:
        its large weight is the same on both sides and would make any gap look tiny."""
        if self.objective is None or self.best_bound is None:
            return None
        fixed = self.weights["understaffing"] * self.penalties.get("understaffing", 0)
        return max(0, self.objective - self.best_bound) / max(1, self.objective - fixed)

    def to_json(self) -> dict:
        return {
            "status": self.status,
            "objective": self.objective,
            "penalties": self.penalties,
            "assignments": [a.to_json() for a in self.assignments],
            "explanation": [clash.text for clash in self.explanation],
            "best_bound": self.best_bound,
            "gap": self.gap,
            "changed": self.changed,
            "found_by": self.found_by,
            "proved_by": self.proved_by,
            "details": [item.to_json() for item in self.details],
            "clashes": [clash.to_json() for clash in self.explanation],
        }


def solve(
    problem: Problem | dict,
    *,
    time_limit: float = 10.0,
    workers: int = 2,
    weights: dict | None = None,
    progress: Progress | None = None,
    skip: Iterable[str] = (),
) -> Solution:
    """The best roster found within time_limit seconds; never raises on bad input. The
    phases named in `skip` are left out (strategies.PHASE_NAMES)."""
    start = time.perf_counter()
    try:
        if not isinstance(problem, Problem):
            problem = parse_problem(problem)
        resolved = resolve_weights(weights)
        skip = _phases(skip)
    except (ProblemError, ValueError) as error:
        return Solution("invalid", explanation=[Clash("invalid", (), None, None, None, str(error))])
    clashes = explain(problem)
    if clashes:
        return Solution("infeasible", explanation=clashes, wall_time=time.perf_counter() - start)
    m = build_model(problem)
    clock = Clock(start, start + time_limit - STOP_RESERVE)
    ranked = ranks_of(problem, resolved)

    def rank(evaluation: Evaluation, objective: int) -> tuple:
        return (*(evaluation.penalties[t] for t in ranked), objective)

    run = Run(m, resolved, clock, Incumbent(problem, resolved, rank, clock),
              Bounds(resolved["understaffing"]), workers, progress)
    run.incumbent.listeners.append(run.report)
    ran = run_phases(opening(run), run, skip)
    ran.update(run_phases(rest(run), run, skip))
    run.sized(clock.deadline + STOP_RESERVE)  # no LP thread outlives its solve
    return _solution(run, ran, time.perf_counter() - start)


def _phases(names: Iterable[str]) -> set[str]:
    unknown = set(names) - PHASE_NAMES
    if unknown:
        raise ValueError(f"unknown phase(s) to skip: {', '.join(sorted(unknown))}")
    return set(names)


def _solution(run: Run, ran: dict[str, float], wall_time: float) -> Solution:
    incumbent, bounds = run.incumbent, run.bounds
    return Solution(
        status="optimal" if run.optimal() else "feasible",
        objective=incumbent.objective,
        best_bound=bounds.value,
        penalties=incumbent.evaluation.penalties,
        details=incumbent.evaluation.details,
        assignments=incumbent.roster,
        changed=incumbent.evaluation.penalties["changes"],
        wall_time=wall_time,
        first_feasible_time=incumbent.first_found,
        found_by=incumbent.found_by,
        proved_by=bounds.proved_by,
        phases=ran,
        weights=run.weights,
    )
