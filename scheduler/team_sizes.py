"""Better team sizes for the week, searched on the LP with every size fixed.

Sizes matter more than any move of one or two people: on the 300-person bench week the LP
at the sizes the local search settled on stood at 75,410, and at the sizes of the proven
optimum (74,495) at 74,482. Moving sizes means moving many people to other dayparts at
once (the optimum puts packaging at 53 on some mornings and 38 on some afternoons where
the search kept 48 everywhere), which no move of one or two people, nor a flow that keeps
sizes, makes. The LP with every size fixed is a close estimate of the best roster at
those sizes, and it solves again from its last basis in milliseconds, so sizes are
searched on it directly, from the whole sizes of the free LP's solution (dive.py).

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

from ortools.linear_solver.linear_solver_pb2 import MPSolutionResponse

from scheduler.bound import WeekLP, rounded_bound
from scheduler.dive import GAIN, SIZES_RISE, Sizes, whole_sizes
from scheduler.face import LEAST, face_roster, raise_bound, target
from scheduler.model import Key

# How many moves, best estimate first, one round may try before the sizes count as final.
MOVES = 200
# The most people a move adds to or takes from a team: a larger change seldom leaves the
# LP feasible, and GLOP is slow to say it is not.
STEP = 3
# Random moves from the best sizes once no move lowers the LP any more, and how many such
# restarts in a row may bring nothing before the search ends.
KICK, KICKS = 3, 10
# A move's LP may take at most this share of the free LP's time.
MOVE_SHARE = 0.5
# How long past its time the local search waits for the search's last LP to come back.
WAIT = 0.2
# How often a stop asks SCIP again to end: a request made just before its solve began is
# not seen by it.
INTERRUPT = 0.02


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


class Alongside:
    """The LP in a thread next to the local search (GLOP releases the GIL, so it takes the
    core the search leaves free): first the bound, then whole sizes from its solution
    (dive.whole_sizes) and better ones (better_sizes) until `until`. On a small week the
    whole model (given while the free LP solves) then looks for a roster on the LP's
    optimal face until `face_end`, first at those sizes, then with sizes free
    (face.face_roster; SCIP releases the GIL too). `optimal` is set when that roster
    costs the bound, so that the search next to it can stop. On 300 people and more the
    LP is not tight, and its face holds no roster.

    The size dive may go on past `until`, up to halfway to `end`: on 1,000 people it takes
    3 s on some hash seeds and 19.5 s on others, and without its sizes the search from
    the warm start is all there is (one bench run ended 1.41 % above the bound, against
    0.11-0.26 %)."""

    def __init__(self, lp: WeekLP, deadline: float, floors: list[int], until: float,
                 end: float, weights: dict[str, int] | None, face_end: float) -> None:
        self.lp, self.deadline, self.floors = lp, deadline, floors
        self.until, self.end, self.weights, self.face_end = until, end, weights, face_end
        self.sized_by = until + (end - until) / 2
        self.sized, self.optimal, self.given, self.done = (
            threading.Event() for _ in range(4))
        self.found: tuple[Sizes, dict[Key, float]] | None = None
        self.roster: list[Key] | None = None
        self.mip: WeekLP | None = None
        self.stopped = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        lp = self.lp
        try:
            began = time.perf_counter()
            value = lp.solve(self.deadline - began)
            self.floors.append(rounded_bound(value))
            if value is None:
                return
            free = lp.response
            limit = (time.perf_counter() - began) * MOVE_SHARE
            small = self.weights is not None
            found = whole_sizes(lp, self.sized_by, 0.0 if small else SIZES_RISE)
            # Sizes whose LP is at the bound cannot be bettered; on a small week the face
            # goes on without them.
            if found is not None and lp.value() > value + GAIN and not small:
                found = better_sizes(lp, found[0], self.until, limit) or found
            self.found = found
            self.sized.set()
            if small:
                # The size dive's last solve is the LP at those sizes.
                self._face(free, value, found and (found[0], lp.response, lp.value()))
        finally:
            self.sized.set()
            self.done.set()

    def _face(self, free: MPSolutionResponse, value: float,
              sized: tuple[Sizes, MPSolutionResponse, float] | None) -> None:
        """A roster at the bound from the face of the LP at the found sizes (`sized`: the
        sizes, the LP's solution there and its value), then from the free LP's face, whose
        search also raises the bound (face.raise_bound). Of those found above the bound,
        the cheaper is kept."""
        if not self.given.wait(max(0.0, self.face_end - time.perf_counter())) or not self.mip:
            return
        goal = target(max(self.floors), self.weights)
        roster = None
        if sized is not None:
            sizes, response, at = sized
            if at <= goal + GAIN and self._time_left():
                roster = face_roster(self.mip, response, at, goal,
                                     self.face_end - time.perf_counter(), sizes).roster
        if roster is None or roster[0] > goal + GAIN:
            roster = raise_bound(self.mip, free, value, self.floors, self.weights,
                                 self.face_end, lambda: self.stopped, roster)
        if roster is not None:
            self.roster = roster[1]
            if roster[0] <= target(max(self.floors), self.weights) + GAIN:
                self.optimal.set()

    def _time_left(self) -> bool:
        return not self.stopped and self.face_end - time.perf_counter() >= LEAST

    def give(self, mip: WeekLP | None) -> None:
        """The whole model for the face's roster (None without SCIP), built on the
        caller's thread while GLOP solves the free LP on this one."""
        self.mip = mip
        self.given.set()

    def better(self) -> tuple[Sizes, dict[Key, float]] | None:
        """The sizes found and the LP's solution at them, waiting until their time is up."""
        self.sized.wait(max(0.0, self.sized_by - time.perf_counter()) + WAIT)
        return self.found

    def whole(self) -> list[Key] | None:
        """The face's roster, waiting until its time is up."""
        if self.weights is not None:
            self.done.wait(max(0.0, self.face_end - time.perf_counter()) + WAIT)
        return self.roster

    def stop(self, seconds: float) -> None:
        """Ends the face's search once the local search is done with it, and waits at most
        `seconds` for the thread: a solve must not leave GLOP or SCIP running beside the
        next."""
        self.stopped = True
        until = time.perf_counter() + max(0.0, seconds)
        while True:
            if self.mip is not None:
                self.mip.solver.InterruptSolve()
            self.thread.join(min(INTERRUPT, max(0.0, until - time.perf_counter())))
            if not self.thread.is_alive() or time.perf_counter() >= until:
                return
