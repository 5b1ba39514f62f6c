"""The phases a strategy (strategies.py) is made of, each `phase(run, deadline)`.

Every phase reads the run's incumbent and bounds, may offer the incumbent a better roster
or raise a bound, and ends by its deadline. They share one `Run`: the week's CP-SAT
model (whose variables the search, the flows and the LP are built on), the weights, and
what the LP's thread hands on.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.linear_solver.linear_solver_pb2 import MPSolutionResponse
from ortools.sat.python import cp_model

from scheduler import cpsat, face, tuning
from scheduler.bound import WeekLP, build_lp, rounded_bound
from scheduler.dive import Sizes, whole_sizes
from scheduler.local_search import improve
from scheduler.model import Key, RosterModel, build_model
from scheduler.penalties import TERMS
from scheduler.pipeline import Background, Bounds, Clock, Incumbent, Progress
from scheduler.problem import Assignment, Problem
from scheduler.staffing import follow_lp, least_changes, rest_bound, staff_minimums
from scheduler.team_sizes import better_sizes
from scheduler.tuning import GAIN, MOVE_SHARE, SIZES_RISE

# The terms a re-plan ranks before the weighted rest, in their order.
REPLAN_RANKS = ("understaffing", "uncovered", "changes")


def ranks_of(problem: Problem, weights: dict[str, int]) -> tuple[str, ...]:
    """The terms ranked before the weighted rest: the least understaffing, and in a gap
    re-plan of a told roster the fewest holders short of a cover and changes after it."""
    if problem.mode == "gap" and problem.previous and weights["changes"]:
        return REPLAN_RANKS
    return ("understaffing",)


@dataclass
class Sized:
    """What the LP's thread hands on: the free LP's solution and value (the face searches
    it), and whole team sizes with the LP's solution and value at them, if found."""

    free: MPSolutionResponse
    value: float
    sizes: Sizes | None = None
    values: dict[Key, float] = field(default_factory=dict)
    at_sizes: MPSolutionResponse | None = None
    value_at_sizes: float = math.inf


@dataclass
class Run:
    m: RosterModel
    weights: dict[str, int]
    clock: Clock
    incumbent: Incumbent
    bounds: Bounds
    workers: int
    progress: Progress | None = None
    lp: Background[Sized] | None = None

    @property
    def ranks(self) -> tuple[str, ...]:
        return ranks_of(self.m.problem, self.weights)

    @property
    def stable(self) -> bool:
        """A re-plan of a told roster: its fewest changes rank before the weighted rest."""
        return self.ranks == REPLAN_RANKS

    @property
    def loose(self) -> bool:
        """The LP is not tight: a large week, or one whose minimums cannot all be staffed
        (or not proven so). Then the local search leads and SCIP's face holds nothing."""
        return len(self.m.x) > tuning.SMALL_WEEK or not self.staffed

    @property
    def shortage(self) -> int | None:
        """The least understaffing, where proven."""
        return self.bounds.understaffing if self.bounds.settled else None

    @property
    def staffed(self) -> bool:
        """Every minimum is staffed in every roster that counts: bounds may assume it."""
        return self.bounds.settled and self.bounds.understaffing == 0

    def target(self) -> float:
        """The objective at which a roster is proven optimal (-inf while the ranks before
        the weighted rest are not proven least)."""
        if not self.bounds.settled:
            return -math.inf
        return face.target(self.bounds.value, self.weights)

    def optimal(self) -> bool:
        return self.incumbent.objective <= self.target()

    def sized(self, deadline: float) -> Sized | None:
        """What the LP handed on, waiting for it at most until `deadline` (None if nothing)."""
        return self.lp.wait(deadline) if self.lp else None

    def report(self, objective: float) -> None:
        if self.progress:
            self.progress(self.clock.elapsed(), objective, self.bounds.value)


def flow(run: Run, deadline: float) -> None:
    """The warm start (staffing.staff_minimums) and the least understaffing a flow proves."""
    staffing = staff_minimums(run.m, run.weights)
    run.bounds.understaffing = staffing.lower_bound
    run.incumbent.offer(staffing.assignments, "flow")
    if not run.stable and _incumbent(run, "understaffing") == staffing.lower_bound:
        run.bounds.settle(staffing.lower_bound, "flow")


def steady(run: Run, deadline: float) -> None:
    """A re-plan's least understaffing and, within it, fewest changes, by a flow
    (staffing.least_changes) in milliseconds; where its roster leaves no cover short it is
    first in all three ranks."""
    roster, proven = least_changes(run.m)
    run.incumbent.offer(roster, "steady")
    if proven and run.incumbent.found_by == "steady" and _incumbent(run, "uncovered") == 0:
        run.bounds.settle(_incumbent(run, "understaffing"), "steady")


def ranks(run: Run, deadline: float) -> None:
    """CP-SAT on the terms ranked above the weighted rest alone: understaffing, and in a
    re-plan the holders short of a cover and the changes, so that a roster people have been
    told changes as little as it can. Skipped where a flow has proven them."""
    if run.bounds.settled:
        return
    problem = run.m.problem
    lean = build_model(problem, run.ranks)
    cpsat.hint(lean, run.incumbent.roster)
    short = lean.terms["understaffing"]
    lean.model.Add(short >= run.bounds.understaffing)
    # One objective for the ranks: a holder short outweighs every change there can be,
    # and a person short every holder short there can be.
    rank = len(lean.x) + len(problem.previous) + 1
    cover_rank = rank * (_most_uncovered(run) + 1)
    lean.model.Minimize(cover_rank * short + rank * lean.terms["uncovered"]
                        + lean.terms["changes"] if run.stable else short)
    solver, status = cpsat.stage(lean, deadline - time.perf_counter(), run.workers)
    if status not in cpsat.FOUND:
        return
    name = "least-changes" if run.stable else "least-understaffing"
    run.incumbent.offer(cpsat.roster(lean, solver), name)
    shortage = int(solver.Value(short))
    if status == cp_model.OPTIMAL or (not run.stable and shortage == run.bounds.understaffing):
        run.bounds.settle(shortage, name)


def flow_bound(run: Run, deadline: float) -> None:
    """A bound on the weighted rest from one min-cost flow (staffing.rest_bound)."""
    run.bounds.raise_rest(rest_bound(run.m, run.weights, run.staffed), "flow-bound")


def lp(run: Run, deadline: float) -> None:
    """The LP of the week until `deadline`: first its bound, then whole team sizes from its
    solution (dive.py) and, where it is loose, better ones (team_sizes.py). A tight week's
    takes tenths of a second and the phases after it need its sizes, so it is done at
    once; a loose week's may take many seconds, so it runs beside the search (it is built
    here all the same: building is Python, which would slow the search beside it)."""
    week = build_lp(run.m, run.weights, run.staffed, shortage=run.shortage)
    run.lp = Background(lambda: _lp_work(run, week, deadline), beside=run.loose)


def _lp_work(run: Run, week: WeekLP, deadline: float) -> Sized | None:
    began = time.perf_counter()
    value = week.solve(deadline - began)
    if value is None:
        return None
    run.bounds.raise_rest(rounded_bound(value), "lp")
    sized = Sized(week.response, value)
    limit = (time.perf_counter() - began) * MOVE_SHARE
    # A small week's face needs the LP at the bound, so its dive allows no rise.
    found = whole_sizes(week, deadline, SIZES_RISE if run.loose else 0.0)
    if found is None:
        return sized
    sized.sizes, sized.values = found
    sized.at_sizes, sized.value_at_sizes = week.response, week.value()
    if run.loose and week.value() > value + GAIN:
        sized.sizes, sized.values = better_sizes(week, sized.sizes, deadline, limit) or found
    return sized


def search(run: Run, deadline: float) -> None:
    """The local search from the incumbent, kicks and all, beside the LP: until the LP has
    its sizes (the search from them gains more) but for at least LOOSE_SEARCH_LEAST of the
    time, or until the deadline where the LP gives none."""
    least = run.clock.share(tuning.LOOSE_SEARCH_LEAST)

    def sized() -> bool:
        handed = run.sized(0.0)
        return handed is not None and handed.sizes is not None

    _improve(run, run.incumbent.roster, deadline, "search", kicks=True,
             stop=lambda: time.perf_counter() >= least and sized())


def sizes(run: Run, deadline: float) -> None:
    """The LP's roster at its whole sizes (staffing.follow_lp), improved by the search: sizes
    matter more than any move of one or two people. Waits for the LP at most until the
    deadline; without its sizes the search goes on from the incumbent, kicks and all,
    since it is then all there is."""
    sized = run.sized(deadline)
    if sized is None or sized.sizes is None:
        _improve(run, run.incumbent.roster, deadline, "search", kicks=True)
        return
    start = follow_lp(run.m, run.weights, sized.values, sized.sizes)
    run.incumbent.offer(start, "sizes")
    _improve(run, start, deadline, "sizes")


def face_search(run: Run, deadline: float) -> None:
    """SCIP on the LP's optimal face (face.py): at the dive's sizes where the LP there is at
    the bound, then with sizes free, which raises the bound a step each time it shows the
    face holds no roster; that only where the incumbent is a few steps from the bound."""
    sized = run.sized(deadline)
    if sized is None or not face.available() or deadline - time.perf_counter() < tuning.FACE_LEAST:
        return
    goal = face.target(run.bounds.rest, run.weights)
    at_sizes = sized.sizes is not None and sized.value_at_sizes <= goal + GAIN
    steps = (run.incumbent.objective - run.target()) / face.step(run.weights)
    if not at_sizes and steps > tuning.FACE_STEPS:
        return
    mip = build_lp(run.m, run.weights, run.staffed, whole=True, shortage=run.shortage)
    found = None
    if at_sizes:
        found = face.face_roster(mip, sized.at_sizes, sized.value_at_sizes, goal,
                                 deadline - time.perf_counter(), sized.sizes).roster
    if (found is None or found[0] > goal + GAIN) and steps <= tuning.FACE_STEPS:
        floors = [run.bounds.rest]
        found = face.raise_bound(mip, sized.free, sized.value, floors, run.weights, deadline,
                                 found)
        run.bounds.raise_rest(max(floors), "face")
    if found is not None:
        run.incumbent.offer([Assignment(pid, did, *slot) for pid, did, slot in found[1]],
                            "face")


def cp_sat(run: Run, deadline: float) -> None:
    """CP-SAT on the weighted rest from the incumbent, with the ranks before it held at the
    incumbent's: it improves the roster, and where those ranks are proven least its bound
    is one on the optimum."""
    if deadline - time.perf_counter() < tuning.LEAST_STAGE:
        return
    m, weights = run.m, run.weights
    for term in run.ranks:
        m.model.Add(m.terms[term] <= _incumbent(run, term))
    if run.staffed:
        _staffed_sizes(m)
    m.model.Minimize(sum(weights[t] * m.terms[t] for t in TERMS if t != "understaffing"))
    cpsat.complete_hint(m, run.incumbent.roster, deadline - time.perf_counter())
    offset = weights["understaffing"] * _incumbent(run, "understaffing")
    settled = run.bounds.settled

    def report(value: float, bound: float) -> None:
        if settled:
            run.bounds.raise_rest(_whole_bound(bound), "cp-sat")
        run.report(min(offset + value, run.incumbent.objective))

    solver, status = cpsat.stage(m, deadline - time.perf_counter(), run.workers, report)
    if status not in cpsat.FOUND:
        return
    run.incumbent.offer(cpsat.roster(m, solver), "cp-sat")
    if settled:
        run.bounds.raise_rest(_whole_bound(solver.BestObjectiveBound()), "cp-sat")


def _whole_bound(bound: float) -> int:
    """CP-SAT's bound on a whole-numbered objective, rounded up safely."""
    return math.ceil(bound - 1e-6)


def _improve(run: Run, roster: list[Assignment], deadline: float, name: str,
             kicks: bool = False, stop: Callable[[], bool] = lambda: False) -> None:
    """The local search until the deadline, or on a tight week (without `kicks`) until it
    stalls, leaving the rest to SCIP and CP-SAT."""
    better = improve(run.m, roster, run.weights, deadline - time.perf_counter(),
                     kicks=kicks or run.loose, target=run.target(), stop=stop)
    run.incumbent.offer(better, name)


def _incumbent(run: Run, term: str) -> int:
    return run.incumbent.evaluation.penalties[term]


def _most_uncovered(run: Run) -> int:
    """The most holders a roster can be short: every cover short in every daypart."""
    problem = run.m.problem
    per_slot = (sum(c.min for d in problem.departments for c in d.cover)
                + sum(c.min for c in problem.site_cover))
    return per_slot * len(problem.slots)


def _staffed_sizes(m: RosterModel) -> None:
    """Every team at or above its minimum, said of its size literals too: CP-SAT's presolve
    does not see it without probing, and a literal below the minimum lets the LP mix a
    team of 3 with one of 18 into a mix no whole team has (bound._mix)."""
    for (did, slot), literals in m.sizes.items():
        low = m.problem.department(did).staffing(slot)[0]
        for size, literal in literals.items():
            if size < low:
                m.model.Add(literal == 0)
