"""Better team sizes for the week, searched on the LP with every size fixed.

The local search settles how many people each team gets in its first second or so and
then works within those sizes: on the 300-person bench week the LP at its sizes stood at
75,410 after 1.5 s and at 75,395 after 10 s, while at the sizes of the proven optimum
(74,495) it is 74,482. Moving sizes means moving many people to other dayparts at once
(the optimum puts packaging at 53 on some mornings and 38 on some afternoons where the
search keeps 48 everywhere), which no move of one or two people, nor a flow that keeps
sizes, makes. The LP with every size fixed is a close estimate of the best roster at
those sizes (at the optimum's sizes 13 below the optimum), and it solves again from its
last basis in tens of milliseconds, so sizes can be searched on it directly.

Which sizes to try comes from the reduced costs of the size literals (WeekLP.estimates):
each is at most the true change, so only moves with a negative estimate are tried, best
estimate first, and the first that lowers the LP is kept. A move is one team up and
another down by as many people, which keeps the dayparts worked.
"""

from __future__ import annotations

import random
import threading
import time
from collections import defaultdict
from dataclasses import dataclass

from scheduler.bound import Team, WeekLP, build_lp, rounded_bound
from scheduler.model import Key, RosterModel

Sizes = dict[Team, int]
# How many moves, best estimate first, one round may try before the sizes count as final.
MOVES = 200
# The most people a move adds to or takes from a team. A larger change is seldom
# possible: GLOP finds the LP infeasible, taking up to 1.7 s to say so on 300 people.
STEP = 3
# Below this the LP's change is GLOP's tolerance, not a better size.
GAIN = 0.5
# Random moves from the best sizes once no move lowers the LP any more, and how many such
# restarts in a row may bring nothing before the search ends.
KICK, KICKS = 3, 10
# A move's LP may take at most this share of the first LP's time.
MOVE_SHARE = 0.5
# How long past its time the local search waits for the search's last LP to come back.
WAIT = 0.2


def better_sizes(lp: WeekLP, sizes: Sizes,
                 deadline: float) -> tuple[Sizes, dict[Key, float]] | None:
    """Sizes whose fixed LP is at most that of `sizes`, and that LP's solution, searched
    until `deadline`; None when the LP at `sizes` is not solved in time (or infeasible).
    Where no move lowers the LP any more, the search goes on from the best sizes after a
    few random moves, as the local search does after its kicks."""
    lp.fix_sizes(sizes)
    began = time.perf_counter()
    value = lp.solve(deadline - began)
    if value is None:
        return None
    # A move that takes GLOP long is given up for the next: solving from the last basis
    # takes 30-80 ms on 300 people, where one odd move took the second and a half left.
    limit = (time.perf_counter() - began) * MOVE_SHARE
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


class Alongside:
    """The LP in a thread next to the local search (GLOP releases the GIL, so it takes the
    core the search leaves free): first the bound, then, if `search`, once the local
    search hands over the sizes it settled on, better sizes until the time it was given."""

    def __init__(self, m: RosterModel, weights: dict[str, int], staffed: bool,
                 deadline: float, floors: list[int], search: bool) -> None:
        self.m, self.weights, self.staffed, self.search = m, weights, staffed, search
        self.deadline, self.floors = deadline, floors
        self.handed, self.done = threading.Event(), threading.Event()
        self.sizes: Sizes = {}
        self.until = deadline
        self.found: tuple[Sizes, dict[Key, float]] | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        """The search gets an LP of its own: GLOP solves the LP with fixed sizes from
        scratch in 0.6 s on 300 people, but in 1.8 s from the free LP's last basis."""
        try:
            value = build_lp(self.m, self.weights, self.staffed).solve(
                self.deadline - time.perf_counter())
            self.floors.append(rounded_bound(value))
            handed = (self.search and value is not None
                      and self.handed.wait(self.deadline - time.perf_counter()))
            if handed and time.perf_counter() < self.until:
                self.found = better_sizes(build_lp(self.m, self.weights, self.staffed),
                                          self.sizes, self.until)
        finally:
            self.done.set()

    def hand_over(self, sizes: Sizes, until: float) -> None:
        self.sizes, self.until = sizes, until
        self.handed.set()

    def better(self) -> tuple[Sizes, dict[Key, float]] | None:
        """The search's sizes and LP solution, waiting for it until its time is up."""
        self.done.wait(max(0.0, self.until - time.perf_counter()) + WAIT)
        return self.found

    def join(self, seconds: float) -> None:
        self.thread.join(max(0.0, seconds))
