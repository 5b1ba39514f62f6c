"""Whole team sizes from the LP's solution by diving: fix what is nearly whole, solve
again from the last basis, repeat.

With its size literals only within each team's limits (bound.py) the LP of a small week
is tight, and at whole team sizes its solution is nearly a roster. Fixing variables and
solving again from the last basis takes milliseconds (GLOP without presolve), so the dive
fixes many at once and halves the batch only where that raises the LP by more than it
allows or makes it infeasible; a single variable that does is fixed at whichever of 1 and
0 raises the LP less. Only the sizes are dived: a whole roster at them is SCIP's job on
the LP's optimal face (face.py), whose diving propagates each rounding through the rules.
"""

from __future__ import annotations

import math
import time

from ortools.linear_solver import pywraplp

from scheduler.bound import Team, WeekLP
from scheduler.model import Key
from scheduler.tuning import FRACTION, GAIN, HURRY, SIZES_RISE

Sizes = dict[Team, int]


def whole_sizes(lp: WeekLP, deadline: float,
                rise: float = SIZES_RISE) -> tuple[Sizes, dict[Key, float]] | None:
    """Whole team sizes from the solved free LP, and the LP's solution at them: each team
    whose size is not whole is fixed at its likeliest size, nearest to whole first, and
    after HURRY of the time whatever that costs. A team without a mix then takes its row's
    nearest whole number. None when the LP is not solved in time. Many teams per solve,
    not one, keep the solves few and end nearer the bound."""
    hurry = time.perf_counter() + HURRY * (deadline - time.perf_counter())
    while True:
        if likeliest := _likeliest(lp):
            allowed = rise if time.perf_counter() < hurry else math.inf
            if not _fix_some(lp, likeliest, allowed, deadline):
                return None
            continue
        members = _members(lp)
        open_ = [(team, size) for team, size in members.items()
                 if abs(size - round(size)) > FRACTION]
        if not open_:
            return {team: round(size) for team, size in members.items()}, lp.values()
        team, size = open_[0]
        row = lp.rows[team]
        for whole in sorted((math.floor(size), math.ceil(size)), key=lambda k: abs(k - size)):
            row.SetBounds(whole, whole)
            if lp.solve(deadline - time.perf_counter()) is not None:
                break
        else:
            return None


def _likeliest(lp: WeekLP) -> list[pywraplp.Variable]:
    """The literal of each team's likeliest size where the size is not whole, nearest to
    whole first."""
    found = []
    for team in lp.literals:
        share, size = max((share, k) for k, share in lp.shares(team).items())
        if share < 1 - FRACTION:
            found.append((share, team, size))
    return [lp.literals[team][size] for _, team, size in sorted(found, reverse=True)]


def _fix_some(lp: WeekLP, variables: list[pywraplp.Variable], rise: float,
              deadline: float) -> bool:
    """Fixes at 1 as many of `variables`, from the first, as keep the LP within `rise` of
    its value. Where even the first alone does not, it is fixed at whichever of 1 and 0
    raises the LP less, or at 1 when any rise will do (a size ruled out leaves its team
    fractional, so a hurried dive would not end). False when the LP is not solved in time
    (or is infeasible)."""
    value = lp.value()
    count = len(variables)
    while count > 1:
        batch = variables[:count]
        for var in batch:
            var.SetBounds(1, 1)
        found = lp.solve(deadline - time.perf_counter())
        if found is not None and found <= value + GAIN + rise * abs(value):
            return True
        for var in batch:
            var.SetBounds(0, 1)
        count //= 2
    first = variables[0]
    tried = {}
    for bound in (1, 0):
        first.SetBounds(bound, bound)
        found = lp.solve(deadline - time.perf_counter())
        if found is not None and (found <= value + GAIN or bound and rise == math.inf):
            return True
        if found is not None:
            tried[bound] = found
    if not tried:
        return False
    best = min(tried, key=tried.get)
    first.SetBounds(best, best)
    return lp.solve(deadline - time.perf_counter()) is not None


def _members(lp: WeekLP) -> dict[Team, float]:
    """Each team's size in the LP's last solution."""
    members: dict[Team, float] = dict.fromkeys(lp.rows, 0.0)
    for (_, did, slot), value in lp.values().items():
        members[(did, slot)] += value
    return members
