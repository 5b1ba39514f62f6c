"""A roster on the LP's optimal face, found by SCIP: on a small week, the proof's last step.

The LP of a small week is tight: its value is usually the optimum. A roster is then
proven optimal as soon as it costs the LP's value, rounded up to the objective's step
(the weights' greatest common divisor). Every such roster lies on the LP's optimal face:
an assignment or size whose reduced cost is more than the room between the LP's value
and that target would alone add more than the room to the value, so it is fixed at its
bound, about half of the assignments. SCIP solves what is left, with whole assignments
and sizes: its diving heuristics, which propagate each rounding through the rules, find
a whole point of the face where a dive on GLOP alone (fix what is nearly whole, solve
again) often misses it, and the local search stalls a few points short of it.

The first pass also fixes the team sizes the LP's size dive chose, which makes it
faster; when no roster at those sizes reaches the target, the second pass leaves the
sizes free. Where the LP is not tight the face holds no roster at the target, and
searching it to its end only proves that (raise_bound), so only small weeks try it.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from ortools.linear_solver import linear_solver_pb2, pywraplp

from scheduler.bound import WeekLP
from scheduler.dive import Sizes
from scheduler.model import Key
from scheduler.tuning import FACE_LEAST, GAIN, TOLERANCE

FOUND = (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE)


def available() -> bool:
    """SCIP comes with OR-Tools' wheels; a build without it still solves, without faces."""
    return pywraplp.Solver.SupportsProblemType(pywraplp.Solver.SCIP_MIXED_INTEGER_PROGRAMMING)


def target(bound: int, weights: dict[str, int]) -> int:
    """The least objective a roster can have at or above `bound`."""
    size = step(weights)
    return size * math.ceil(bound / size)


def step(weights: dict[str, int]) -> int:
    """Every objective is a sum of weights, so a multiple of their greatest common divisor."""
    return math.gcd(*weights.values()) or 1


@dataclass
class Faced:
    """One look at a face: SCIP's cheapest roster there with its objective (None if it
    found none), and whether SCIP searched the whole face, which then holds no cheaper
    roster."""

    roster: tuple[float, list[Key]] | None
    complete: bool


def face_roster(mip: WeekLP, lp: linear_solver_pb2.MPSolutionResponse, value: float,
                goal: int, seconds: float, sizes: Sizes | None = None) -> Faced:
    """SCIP's best roster within `seconds` among those whose LP solution `lp` (of value
    `value`) leaves room to cost `goal` (every roster of at most `goal` is among them),
    at `sizes` when given. The MIP's bounds are as before afterwards, so it can be
    solved again."""
    room = goal - value + TOLERANCE * abs(value)
    saved = [(var, var.lb(), var.ub()) for var in _whole(mip)]
    rows = [(row, row.lb(), row.ub()) for row in mip.rows.values()]
    try:
        if sizes is not None:
            mip.fix_sizes(sizes)
        reduced = lp.reduced_cost
        for var in _whole(mip):
            if var.lb() == var.ub():
                continue
            if reduced[var.index()] > room:
                var.SetBounds(var.lb(), var.lb())
            elif reduced[var.index()] < -room:
                var.SetBounds(var.ub(), var.ub())
        return _solve(mip, seconds)
    finally:
        for var, low, high in saved:
            var.SetBounds(low, high)
        for row, low, high in rows:
            row.SetBounds(low, high)
        mip.fixed = None


def raise_bound(mip: WeekLP, lp: linear_solver_pb2.MPSolutionResponse, value: float,
                floors: list[int], weights: dict[str, int], deadline: float,
                best: tuple[float, list[Key]] | None = None) -> tuple[float, list[Key]] | None:
    """The cheapest roster on the face of the free LP `lp` (of value `value`) at the
    bound, the bound raised a step at a time while SCIP shows the face holds none: every
    roster at or below the goal lies on its face, so a face searched to the end without
    one proves the optimum above the goal. Each step is added to `floors`. Ends with a
    roster at the bound (`best`, found elsewhere, counts), at the deadline, when SCIP
    does not finish. Where the LP's bound is a step or two below the optimum, as on the
    demo week, a few such steps prove it faster than CP-SAT does."""
    while deadline - time.perf_counter() >= FACE_LEAST:
        goal = target(max(floors), weights)
        if best is not None and best[0] <= goal + GAIN:
            return best
        faced = face_roster(mip, lp, value, goal, deadline - time.perf_counter())
        if faced.roster is not None and (best is None or faced.roster[0] < best[0]):
            best = faced.roster
        if best is not None and best[0] <= goal + GAIN or not faced.complete:
            return best
        floors.append(goal + step(weights))
    return best


def _whole(mip: WeekLP) -> list[pywraplp.Variable]:
    """The assignments and size literals: the variables that must be whole."""
    literals = [var for team in mip.literals.values() for var in team.values()]
    return [*mip.x.values(), *literals]


def _solve(mip: WeekLP, seconds: float) -> Faced:
    mip.solver.SetTimeLimit(max(1, int(seconds * 1000)))
    parameters = pywraplp.MPSolverParameters()
    parameters.SetDoubleParam(parameters.RELATIVE_MIP_GAP, 0.0)
    status = mip.solver.Solve(parameters)
    complete = status in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.INFEASIBLE)
    if status not in FOUND:
        return Faced(None, complete)
    mip.read()
    keys = [key for key, share in mip.values().items() if share > 0.5]
    return Faced((mip.value(), keys), complete)
