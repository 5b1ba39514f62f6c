"""Solve a week: validate, explain infeasibility, then optimise lexicographically.

The contract says the least understaffing the hard rules allow must always be reached.
Rather than a weight big enough to prove that (which would dwarf every other term and make
the optimality gap meaningless), understaffing is minimised first, then fixed as a
constraint while the weighted sum of the other terms is minimised from that solution.

The problem's `mode` (contract version 2) says what `previous` is. In a gap re-plan
(`"gap"`) it is a roster people have already been told: after the least understaffing
come the fewest holders short of a cover, then the fewest changes, each fixed in the same
way before the weighted rest, so the gap is covered and the rest of the published week
left alone. In a full plan (`"plan"`, the default) `previous` only weighs as stability in
the last tier, and anyone missing from it gets their contract as anyone else.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler import face
from scheduler.bound import build_lp
from scheduler.evaluate import PenaltyItem, evaluate
from scheduler.explain import Clash, explain
from scheduler.local_search import improve
from scheduler.model import RosterModel, build_model
from scheduler.penalties import TERMS, WEIGHTS, objective_value, resolve_weights
from scheduler.problem import Assignment, Problem, ProblemError, parse_problem
from scheduler.staffing import follow_lp, least_changes, rest_bound, staff_minimums
from scheduler.team_sizes import Alongside

Progress = Callable[[float, float, float], None]
# A roster with its objective, so that it is evaluated once.
Scored = tuple[int, list[Assignment]]
# A first stage's roster: (roster, understaffing, proven least, changes, holders short).
Ranked = tuple[list[Assignment], int, bool, int, int]
FIRST_STAGE_SHARE = 0.5
# The local search's share of the time: it keeps gaining on large weeks where CP-SAT
# barely does, and CP-SAT's presolve still fits in the rest (docs/solver.md, constants).
LOCAL_SEARCH_SHARE = 0.85
# A small week (candidate assignments) is one whose LP, size dive and search fit in a
# second; there the LP comes first and SCIP searches its optimal face (face.py).
SMALL_WEEK = 5_000
# On a small week the LP and the search from its roster get at most this long: a search
# that stalls there stalls for good, and CP-SAT from its roster does better with the rest.
SMALL_WEEK_SEARCH = 1.2
# On a small week whose LP has not given its sizes in its time, the search from the warm
# start gets at least this share of the time left (it stops earlier where it stalls).
LATE_LP_SHARE = 0.5
# On a small week SCIP looks for a roster on the LP's optimal face (face.py) for at most
# this long, up to the deadline, so CP-SAT keeps the rest.
FACE_SEARCH = 1.5
# With more time (the app's 4 s) the face gets this share of it, so a slow machine still
# gives it long enough to find the roster its face holds.
FACE_SHARE = 0.6
# CP-SAT, with the warm start's completion before it, is not started with less time left
# than this: its presolve alone takes longer, and the solve would overrun its limit.
LEAST_STAGE = 0.15
# The share of the local search's time in which the LP next to it looks for team sizes
# (dive, team_sizes); the rest improves the LP's roster at them.
SIZES_SHARE = 0.7
# CP-SAT's workers when there are at most two: the one with the full linear relaxation and
# its cuts (linearization level 2), whose bound on 100 people reaches the optimum in under
# 3 s where the default worker's stalls 3 % below it for a minute, and a tree search on
# that LP's bound, which finds and proves the optimum of small weeks.
PORTFOLIO = ["max_lp", "lb_tree_search"]
# Stopping CP-SAT (it checks the clock less often in presolve) and reading out the roster
# take up to a few hundred milliseconds; the time limit is the caller's, so the search
# stops that much earlier.
STOP_RESERVE = 0.25
FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)


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
) -> Solution:
    """The best roster found within time_limit seconds; never raises on bad input."""
    start = time.perf_counter()
    try:
        if not isinstance(problem, Problem):
            problem = parse_problem(problem)
        resolved = resolve_weights(weights)
    except (ProblemError, ValueError) as error:
        return Solution("invalid", explanation=[Clash("invalid", (), None, None, None, str(error))])
    clashes = explain(problem)
    if clashes:
        return Solution("infeasible", explanation=clashes, wall_time=time.perf_counter() - start)
    m = build_model(problem)
    run = _Run(m, resolved, start, time_limit, workers, progress)
    return run.solve()


class _Run:
    """The two stages of one solve, sharing the model, the clock and the progress reports."""

    def __init__(self, m: RosterModel, weights: dict[str, int], start: float, time_limit: float,
                 workers: int, progress: Progress | None) -> None:
        self.m = m
        self.weights = weights
        self.start = start
        self.deadline = start + time_limit - STOP_RESERVE
        self.workers = workers
        self.progress = progress
        self.first_feasible_time: float | None = None
        self.alongside: Alongside | None = None

    def solve(self) -> Solution:
        m, scale = self.m, self.weights["understaffing"]
        staffing = staff_minimums(m, self.weights)
        start = staffing.assignments
        self.found(evaluate(m.problem, start).objective(self.weights), scale * staffing.lower_bound)
        shortage, proven, changed, short_cover = staffing.understaffing, True, 0, 0
        stable = bool(m.problem.mode == "gap" and m.problem.previous and self.weights["changes"])
        if stable:
            start, shortage, proven, changed, short_cover = self._steady(
                start, staffing.lower_bound)
        elif shortage > staffing.lower_bound:
            start, shortage, proven, changed, short_cover = self._first_stage(
                start, staffing.lower_bound, stable)
        m.model.Add(m.terms["understaffing"] <= shortage)
        staffed = proven and shortage == 0
        if staffed:
            _staffed_sizes(m)
        floors: list[int] = []
        if not stable:
            # GLOP solves the LP in its thread while the flow's bound is found here.
            self._start_lp(staffed, floors)
        floors.append(rest_bound(m, self.weights, staffed))
        offset = scale * shortage

        def bound(cp_sat_bound: float) -> float:
            return offset + max(*floors, cp_sat_bound)

        if stable:
            m.model.Add(m.terms["uncovered"] <= short_cover)
            m.model.Add(m.terms["changes"] <= changed)
        else:
            cost, start = self._local_search(start, scale * staffing.lower_bound, staffed,
                                             bound if proven else None)
            if proven and cost <= bound(0):
                # The LP's bound proves the roster optimal: CP-SAT has nothing to add.
                self.alongside.stop(self.deadline - time.perf_counter())
                return self._result(start, None, "optimal", int(bound(0)))
        status = cp_model.UNKNOWN
        if self.deadline - time.perf_counter() >= LEAST_STAGE:
            m.model.Minimize(sum(self.weights[t] * m.terms[t]
                                 for t in TERMS if t != "understaffing"))
            self._warm_start(start, bound)
            solver, status = self._stage(m, self.deadline - time.perf_counter(), bound)
        if self.alongside is not None:
            self.alongside.stop(self.deadline - time.perf_counter())
        if status not in FOUND:
            return self._result(start, None, "feasible", bound(0) if proven else offset)
        if not proven:
            return self._result(_roster(m, solver), solver, "feasible", offset)
        best = int(bound(solver.BestObjectiveBound()))
        optimal = status == cp_model.OPTIMAL or solver.ObjectiveValue() + offset <= best
        return self._result(_roster(m, solver), solver, "optimal" if optimal else "feasible", best)

    def _steady(self, start: list[Assignment], lower_bound: int) -> Ranked:
        """A gap re-plan's first ranks from the flow (staffing.least_changes) when it proves
        them, which it does in milliseconds: it proves the least understaffing and, within
        it, the fewest changes, so where its roster leaves no cover short it is first in
        all three ranks. Otherwise CP-SAT starts from the better of its roster and the
        warm start's."""
        steady, proven = least_changes(self.m)
        ranked = {}
        for roster in (steady, start):
            penalties = evaluate(self.m.problem, roster).penalties
            rank = tuple(penalties[t] for t in ("understaffing", "uncovered", "changes"))
            ranked.setdefault(rank, (roster, penalties))
        (shortage, short_cover, changed), (best, penalties) = min(ranked.items())
        self.found(objective_value(penalties, self.weights),
                   self.weights["understaffing"] * shortage)
        if proven and short_cover == 0 and best is steady:
            return best, shortage, True, changed, 0
        return self._first_stage(best, lower_bound, True)

    def _first_stage(self, start: list[Assignment], lower_bound: int, stable: bool) -> Ranked:
        """CP-SAT on the hard rules and only the terms that rank above the weighted rest:
        understaffing, for weeks where avoid pairs keep the flow roster above the flow
        bound; and in a gap re-plan the holders short of a cover and the changes, because
        it alters a roster people have been told: after the least understaffing and cover
        come the fewest changes, before anything else. Returns (roster, understaffing,
        proven minimal, changes, holders short)."""
        problem = self.m.problem
        terms = ["understaffing", "uncovered", "changes"] if stable else ["understaffing"]
        lean = build_model(problem, terms)
        _hint(lean, start)
        short = lean.terms["understaffing"]
        lean.model.Add(short >= lower_bound)
        # The ranks in one objective: a holder short outweighs every change there can be,
        # and a person short every holder short there can be.
        rank = len(lean.x) + len(problem.previous) + 1
        cover_rank = rank * (_most_uncovered(problem) + 1)
        lean.model.Minimize(cover_rank * short + rank * lean.terms["uncovered"]
                            + lean.terms["changes"] if stable else short)
        scale = self.weights["understaffing"]
        limit = (self.deadline - time.perf_counter()) * FIRST_STAGE_SHARE
        solver, status = self._stage(
            lean, limit, lambda b: scale * (b // cover_rank if stable else b))
        if status not in FOUND:
            penalties = evaluate(problem, start).penalties
            return (start, penalties["understaffing"], False, penalties["changes"],
                    penalties["uncovered"])
        shortage = int(solver.Value(short))
        changed = int(solver.Value(lean.terms["changes"])) if stable else 0
        short_cover = int(solver.Value(lean.terms["uncovered"])) if stable else 0
        proven = status == cp_model.OPTIMAL or shortage == lower_bound
        return _roster(lean, solver), shortage, proven, changed, short_cover

    def _start_lp(self, staffed: bool, floors: list[int]) -> None:
        """The LP's thread (team_sizes.Alongside), which adds its bound to `floors`. It is
        built here rather than in its thread: building is Python, which the search would
        slow down, and solving is GLOP, which runs beside it."""
        now = time.perf_counter()
        large = len(self.m.x) > SMALL_WEEK
        seconds = (self.deadline - now) * LOCAL_SEARCH_SHARE
        end = now + (seconds if large else min(seconds, SMALL_WEEK_SEARCH))
        lp = build_lp(self.m, self.weights, staffed)
        self.alongside = Alongside(lp, self.deadline, floors, now + (end - now) * SIZES_SHARE,
                                   end, None if large else self.weights,
                                   min(self.deadline, now + max(
                                       FACE_SEARCH, FACE_SHARE * (self.deadline - now))))

    def _local_search(self, start: list[Assignment], bound: int, staffed: bool,
                      floor: Callable[[float], float] | None) -> Scored:
        """Not in a re-plan: its moves would trade stability, which ranks first there.
        `floor` gives the proven bound on the objective once the LP has added to `floors`
        (None where the understaffing is not proven least): a roster there is optimal.
        Next to it the LP's thread finds whole team sizes and better ones until
        SIZES_SHARE of the search's time (team_sizes, dive). The LP's roster at those
        sizes (staffing.follow_lp) is improved by the same search meanwhile; on a large
        week the search from the warm start runs first, and the better roster goes on to
        CP-SAT. On a small week the LP comes first, the search from the warm start runs
        only if it fails, and SCIP looks for a roster on the LP's optimal face next to the
        search (face.py), whose whole model is built here while GLOP solves. Returns the
        roster with its objective."""
        large, end = len(self.m.x) > SMALL_WEEK, self.alongside.end
        if not large:
            self.alongside.give(build_lp(self.m, self.weights, staffed, whole=True)
                                if face.available() else None)
        warm = evaluate(self.m.problem, start).objective(self.weights), start
        if large:
            free = self._keep_better(warm, improve(
                self.m, start, self.weights, self.alongside.until - time.perf_counter()), bound)
            better = self.alongside.better()
        else:
            # The LP first: it is done in a few tenths of a second, and the search in
            # Python next to it would slow both down (each waits for the GIL).
            better = self.alongside.better()
            seconds = end - time.perf_counter()
            if not better:
                # The LP came late: the search from the warm start is all there is, so
                # it gets a share of what is left, not only the little left of the LP's time.
                seconds = max(seconds, (self.deadline - time.perf_counter()) * LATE_LP_SHARE)
            free = warm if better else self._keep_better(warm, improve(
                self.m, start, self.weights, seconds, kicks=False,
                target=self._target(floor), stop=self.alongside.optimal), bound)
        target = self._target(floor)
        followed = free
        if better is not None:
            sizes, values = better
            followed = self._keep_better(free, improve(
                self.m, follow_lp(self.m, self.weights, values, sizes), self.weights,
                end - time.perf_counter(), target=target, stop=self.alongside.optimal), bound)
        if followed[0] <= target:
            return followed
        whole = self.alongside.whole()
        if whole is None:
            return followed
        return self._keep_better(followed, [Assignment(pid, did, *slot)
                                            for pid, did, slot in whole], bound)

    @staticmethod
    def _target(floor: Callable[[float], float] | None) -> float:
        """The objective at which a roster is proven optimal, from the bounds found so far
        (none where the understaffing is not proven least)."""
        return floor(0) if floor else -math.inf

    def _keep_better(self, scored: Scored, other: list[Assignment], bound: int) -> Scored:
        """`other` with its objective unless it costs more than `scored`'s roster; reported
        as found. Each roster is evaluated once."""
        after = evaluate(self.m.problem, other).objective(self.weights)
        if after > scored[0]:
            return scored
        self.found(after, bound)
        return after, other

    def _warm_start(self, start: list[Assignment], bound: Callable[[float], float]) -> None:
        """Hint every variable, not just the roster: CP-SAT often fails to complete a hint
        of assignments alone into values for the penalty variables. Fixing the roster and
        solving fills them in by propagation, in a fraction of a second."""
        m = self.m
        _hint(m, start)
        solver = cp_model.CpSolver()
        solver.parameters.fix_variables_to_their_hinted_value = True
        solver.parameters.max_time_in_seconds = max(0.05, self.deadline - time.perf_counter())
        solver.parameters.num_workers = 1
        if solver.Solve(m.model, _Callback(self, m, bound)) in FOUND:
            m.model.ClearHints()
            for index, value in enumerate(solver.ResponseProto().solution):
                m.model.AddHint(m.model.GetIntVarFromProtoIndex(index), value)

    def _stage(
        self, m: RosterModel, limit: float, bound: Callable[[float], float]
    ) -> tuple[cp_model.CpSolver, int]:
        """Solve the model's current objective within `limit` seconds."""
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.05, limit)
        solver.parameters.num_workers = self.workers
        solver.parameters.random_seed = 1
        # Probing in presolve took 20 of 60 s on a 1,000-person week and gained nothing
        # measurable on smaller ones: the time is better spent searching.
        solver.parameters.cp_model_probing_level = 0
        if self.workers <= len(PORTFOLIO):
            solver.parameters.subsolvers.extend(PORTFOLIO[:self.workers])
        return solver, solver.Solve(m.model, _Callback(self, m, bound))

    def found(self, objective: float, bound: float) -> None:
        elapsed = time.perf_counter() - self.start
        if self.first_feasible_time is None:
            self.first_feasible_time = elapsed
        if self.progress:
            self.progress(elapsed, objective, bound)

    def _result(self, assignments: list[Assignment], solver: cp_model.CpSolver | None,
                status: str, bound: int) -> Solution:
        """Penalties come from the model when CP-SAT found the roster (tests hold them equal
        to evaluate()), otherwise from evaluate() on the warm-start roster."""
        evaluation = evaluate(self.m.problem, assignments)
        penalties = (
            {t: int(solver.Value(self.m.terms[t])) for t in TERMS} if solver is not None
            else evaluation.penalties
        )
        return Solution(
            status=status,
            objective=objective_value(penalties, self.weights),
            best_bound=bound,
            penalties=penalties,
            details=evaluation.details,
            assignments=sorted(assignments),
            changed=evaluation.penalties["changes"],
            wall_time=time.perf_counter() - self.start,
            first_feasible_time=self.first_feasible_time,
            weights=self.weights,
        )


class _Callback(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution with the full weighted objective of its roster."""

    def __init__(self, run: _Run, m: RosterModel, bound: Callable[[float], float]) -> None:
        super().__init__()
        self.run = run
        self.bound = bound
        self.total = sum(run.weights[t] * m.terms[t] for t in m.terms)

    def on_solution_callback(self) -> None:
        self.run.found(float(self.Value(self.total)), float(self.bound(self.BestObjectiveBound())))


def _most_uncovered(problem: Problem) -> int:
    """The most holders a roster can be short: every cover short in every daypart."""
    per_slot = (sum(c.min for d in problem.departments for c in d.cover)
                + sum(c.min for c in problem.site_cover))
    return per_slot * len(problem.slots)


def _staffed_sizes(m: RosterModel) -> None:
    """Every team at or above its minimum, said of its size literals too: CP-SAT's
    presolve does not see it without probing, and a literal below the minimum lets the LP
    mix a team of 3 with one of 18 (bound.py's _mix has the figures)."""
    for (did, slot), literals in m.sizes.items():
        low = m.problem.department(did).staffing(slot)[0]
        for size, literal in literals.items():
            if size < low:
                m.model.Add(literal == 0)


def _roster(m: RosterModel, solver: cp_model.CpSolver) -> list[Assignment]:
    return [Assignment(pid, did, *slot) for (pid, did, slot), var in m.x.items()
            if solver.BooleanValue(var)]


def _hint(m: RosterModel, roster: list[Assignment]) -> None:
    """Warm start: 1 where the roster has someone, 0 elsewhere."""
    keys = {(a.participant, a.department, a.slot) for a in roster}
    for key, var in m.x.items():
        m.model.AddHint(var, key in keys)
