"""Better team sizes for the week, searched on the LP with every size fixed.

Sizes matter more than any move of one or two people, and the local search settles them
early: the best roster may want a team larger on some mornings and smaller on some
afternoons, which moves many people to other dayparts at once, a change that no move of
one or two people, nor a flow that keeps sizes, makes. The LP with every size fixed is a
close estimate of the best roster at those sizes, and it solves again from its last
basis in milliseconds, so sizes are searched on it directly, from the whole sizes of the
free LP's solution (dive.py), in the `lp` phase of a loose week (phases.py).

Which sizes to try comes from the reduced costs of the size literals (WeekLP.estimates):
each is at most the true change, so only moves with a negative estimate are tried, best
estimate first, and the first that lowers the LP is kept. A move is one team up and
another down by as many people, which keeps the dayparts worked.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from dataclasses import dataclass

from scheduler.bound import WeekLP
from scheduler.dive import Sizes
from scheduler.model import Key
from scheduler.tuning import GAIN, KICK, KICKS, MOVES, STEP


def better_sizes(lp: WeekLP, sizes: Sizes, deadline: float,
                 limit: float) -> tuple[Sizes, dict[Key, float]] | None:
    """Sizes whose fixed LP is at most that of `sizes`, and that LP's solution, searched
    until `deadline`; None when the LP at `sizes` is not solved in time (or infeasible).
    Where no move lowers the LP any more, the search goes on from the best sizes after a
    few random moves, as the local search does after its kicks. A move whose LP takes
    more than `limit` seconds is given up for the next."""
    lp.fix_sizes(sizes)
    value = lp.solve(deadline - time.perf_counter())
    if value is None:
        return None
    best = _descend(lp, _Point(sizes, value, lp.values()), limit, deadline)
    rng = random.Random(1)
    idle = 0
    while idle < KICKS and time.perf_counter() < deadline and len(lp.limits) > 1:
        current = _descend(lp, _kick(lp, best, rng, limit, deadline) or best, limit, deadline)
        if current.value < best.value:
            best, idle = current, 0
        else:
            idle += 1
    return best.sizes, best.values


@dataclass
class _Point:
    sizes: Sizes
    value: float
    values: dict[Key, float]


def _descend(lp: WeekLP, point: _Point, limit: float, deadline: float) -> _Point:
    """The first move that lowers the LP, again and again, until none does."""
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        for move in _moves(lp, point.sizes):
            sizes = {**point.sizes, **move}
            value = _solve(lp, sizes, limit, deadline)
            if value is not None and value < point.value - GAIN:
                point, improved = _Point(sizes, value, lp.values()), True
                break
            if time.perf_counter() >= deadline:
                break
    return point


def _kick(lp: WeekLP, point: _Point, rng: random.Random, limit: float,
          deadline: float) -> _Point | None:
    """KICK random moves (one team up, another down) from `point`, whatever they cost."""
    sizes = dict(point.sizes)
    teams = sorted(lp.limits)
    for _ in range(KICK):
        up, down = rng.sample(teams, 2)
        step = rng.randint(1, STEP)
        if sizes.get(up, 0) + step <= lp.limits[up][1] and \
                sizes.get(down, 0) - step >= lp.limits[down][0]:
            sizes[up] = sizes.get(up, 0) + step
            sizes[down] = sizes.get(down, 0) - step
    value = _solve(lp, sizes, limit, deadline)
    return None if value is None else _Point(sizes, value, lp.values())


def _solve(lp: WeekLP, sizes: Sizes, limit: float, deadline: float) -> float | None:
    lp.fix_sizes(sizes)
    return lp.solve(min(limit, deadline - time.perf_counter()))


def _moves(lp: WeekLP, sizes: Sizes) -> list[Sizes]:
    """One team up and another down by as many people (at most STEP), which keeps the
    dayparts worked, where the estimate is negative; best estimate first. A team alone
    up or down is left out: its estimate counts a daypart more or less below contract,
    and nearly always someone would have to work beyond their contract to make it."""
    sides: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
    for gain, team, size in lp.estimates(sizes):
        step = size - sizes.get(team, 0)
        if abs(step) <= STEP:
            sides[abs(step)][step < 0].append((gain, team, size))
    moves = [
        (up_gain + down_gain, {up_team: up_size, down_team: down_size})
        for ups, downs in sides.values()
        for up_gain, up_team, up_size in ups
        for down_gain, down_team, down_size in downs
        if up_team != down_team and up_gain + down_gain < 0
    ]
    moves.sort(key=lambda move: move[0])
    return [move for _, move in moves[:MOVES]]
