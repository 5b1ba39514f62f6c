"""A lower bound from the LP relaxation of the week, solved by GLOP.

CP-SAT's own LP is rebuilt and re-solved as it searches, and on large weeks it gives a
weaker bound, later, than this plain LP. GLOP releases the GIL, so on a loose week the
LP runs beside the local search (pure Python, one core): the `lp` phase in phases.py.

The LP has the hard rules (rule 6 as one inequality per pair and team), the minimums when
every minimum is staffed, and every term but changes: the fair shortfall, cover, skills,
preferences, the mix through one fractional literal per team size (staffing.rest_bound
explains why size matters), learning visits, department switches and unsupported
learners. Each is exact at whole numbers and never above it in between, and changes count
as 0, so the value is at most the weighted sum of any roster that keeps the hard rules
and the least understaffing, and equal to it for a whole-numbered first plan (face.py).

GLOP runs its dual simplex with perturbed costs, several times faster than the default
primal simplex on this LP, and without presolve, which starts over on every change of
bounds, so that GLOP solves again from its last basis in milliseconds.

The same LP with sizes fixed is no longer a bound but a close estimate of the best roster
at those sizes: dive.py makes its sizes whole, team_sizes.py searches better sizes with
it, and staffing.follow_lp rounds its solution into a roster. With whole assignments and
sizes the same model is the MIP that SCIP solves on the LP's optimal face (face.py).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from ortools.linear_solver import linear_solver_pb2, pywraplp

from scheduler.model import Key, RosterModel
from scheduler.penalties import (
    assignment_cost,
    fair_shortfall,
    least_short,
    mix_percent,
    nearest_counts,
    open_dayparts,
)
from scheduler.problem import Slot
from scheduler.tuning import GLOP_PARAMETERS, SAFETY, SCIP_PARAMETERS

Team = tuple[str, Slot]


@dataclass
class WeekLP:
    """The LP of one week, kept after its first solve so that sizes can be fixed in it.

    It is read through one solution response per solve, not variable by variable: a dive
    reads thousands of values per step, in a thread that shares the GIL with the local
    search, where one call per value made it several times slower."""

    m: RosterModel
    solver: pywraplp.Solver
    # The assignment variables come first, so a key's position is its variable's index.
    x: dict[Key, pywraplp.Variable] = field(default_factory=dict)
    # Per team: the row that counts its members, and its size literals when it has a mix.
    rows: dict[Team, pywraplp.Constraint] = field(default_factory=dict)
    # Per team: the sizes it may have (its minimum only when every minimum is staffed).
    limits: dict[Team, tuple[int, int]] = field(default_factory=dict)
    literals: dict[Team, dict[int, pywraplp.Variable]] = field(default_factory=dict)
    # The indexes of the rows and the literals in the solution response.
    row_index: dict[Team, int] = field(default_factory=dict)
    literal_index: dict[Team, dict[int, int]] = field(default_factory=dict)
    constant: int = 0
    whole: bool = False
    response: linear_solver_pb2.MPSolutionResponse | None = None
    fixed: dict[Team, int] | None = None

    def solve(self, seconds: float) -> float | None:
        """The LP's optimum, or None when GLOP does not prove one within `seconds`."""
        self.solver.SetTimeLimit(max(1, int(seconds * 1000)))
        if self.solver.Solve() != pywraplp.Solver.OPTIMAL:
            return None
        self.read()
        return self.value()

    def read(self) -> None:
        """Keeps the solver's last solution as the response that every reader reads."""
        self.response = linear_solver_pb2.MPSolutionResponse()
        self.solver.FillSolutionResponseProto(self.response)

    def value(self) -> float:
        """The last solution's value, the constant included."""
        return self.response.objective_value + self.constant

    def fix_sizes(self, sizes: dict[Team, int]) -> None:
        """Every team at exactly its size in `sizes` (0 where absent): through its size
        literal where it has a mix, which makes the mix exact, else through its row. Only
        the teams whose size differs from the last call's are touched."""
        for team, row in self.rows.items():
            size = sizes.get(team, 0)
            before = None if self.fixed is None else self.fixed.get(team, 0)
            if size == before:
                continue
            literals = self.literals.get(team)
            if literals is None:
                row.SetBounds(size, size)
            elif before is None:
                for k, literal in literals.items():
                    literal.SetBounds(float(k == size), float(k == size))
            else:
                for k, bound in ((before, 0), (size, 1)):
                    if k in literals:
                        literals[k].SetBounds(bound, bound)
        self.fixed = dict(sizes)

    def estimates(self, sizes: dict[Team, int]) -> list[tuple[float, Team, int]]:
        """(estimated change, team, new size) for every other size of every team, from the
        last solve's reduced costs (a team without a mix: its row's dual times the step).
        The LP's value is convex in the bounds, so each estimate, and the sum of several,
        is at most the true change: a move whose estimate is not negative cannot lower it."""
        reduced, duals = self.response.reduced_cost, self.response.dual_value
        found = []
        for team, row in self.row_index.items():
            size = sizes.get(team, 0)
            low, high = self.limits[team]
            literals = self.literal_index.get(team)
            if literals is None:
                found.extend((duals[row] * (k - size), team, k)
                             for k in range(low, high + 1) if k != size)
            elif size in literals:
                base = reduced[literals[size]]
                found.extend((reduced[index] - base, team, k)
                             for k, index in literals.items() if k != size)
        return found

    def shares(self, team: Team) -> dict[int, float]:
        """Each size literal's value in the last solution."""
        values = self.response.variable_value
        return {k: values[index] for k, index in self.literal_index[team].items()}

    def values(self) -> dict[Key, float]:
        values = self.response.variable_value
        return {key: values[index] for index, key in enumerate(self.x)}


def build_lp(m: RosterModel, weights: dict[str, int], staffed: bool,
             whole: bool = False, shortage: int | None = None) -> WeekLP:
    """The LP of the week for GLOP, or with `whole` the same model with whole assignments
    and sizes for SCIP: every other variable is then whole by itself at its optimum.
    `staffed` says every minimum is staffed; else `shortage`, when given, is the least
    understaffing, which no roster that counts exceeds."""
    solver = pywraplp.Solver.CreateSolver("SCIP" if whole else "GLOP")
    solver.SetSolverSpecificParametersAsString(SCIP_PARAMETERS if whole else GLOP_PARAMETERS)
    pinned = {(a.participant, a.department, a.slot) for a in m.problem.pinned}
    lp = WeekLP(m, solver, whole=whole)
    lp.x = {key: solver.Var(1 if key in pinned else 0, 1, whole, "") for key in m.x}
    objective = solver.Objective()
    lp.constant = _people(lp, weights, objective)
    _teams(lp, weights, objective, staffed)
    if shortage is not None and not staffed:
        _shortage(lp, shortage)
    lp.constant += _learning(lp, weights, objective)
    _switches(lp, weights, objective)
    _support(lp, weights, objective)
    _cover(lp, weights, objective)
    _avoid(lp)
    objective.SetMinimization()
    return lp


def rounded_bound(value: float | None) -> int:
    if value is None:
        return 0
    return max(0, math.ceil(value - SAFETY * abs(value)))


def _people(lp: WeekLP, weights: dict[str, int], objective) -> int:
    """One department per daypart, the contract, and the fair shortfall below it: one
    variable per daypart that may be missing, the k-th at k times the weight, which
    together with the dayparts worked make up the contract. The costs rise with k, so
    the LP fills the cheapest first: exact at whole numbers, and the convex hull of the
    shortfall's cost in between (penalties.below_contract's ordered booleans). Returns
    the constant part (the dayparts missing whatever the roster)."""
    m, solver, x = lp.m, lp.solver, lp.x
    for (pid, slot), choices in m.places.items():
        row = solver.Constraint(0, 1)
        for did in choices:
            row.SetCoefficient(x[(pid, did, slot)], 1)
    worked = defaultdict(list)
    for key, var in x.items():
        worked[key[0]].append(var)
    opened, constant = open_dayparts(m), 0
    for p in m.problem.participants:
        least = least_short(p, opened[p.id])
        constant += weights["below_contract"] * fair_shortfall(least)
        row = solver.Constraint(p.dayparts_per_week - least, p.dayparts_per_week - least)
        for var in worked[p.id]:
            row.SetCoefficient(var, 1)
        # Never whole, not even for SCIP: at whole assignments the rising costs fill them
        # in order, so the vertex is whole anyway, and SCIP branches on fewer variables.
        for k in range(least + 1, p.dayparts_per_week + 1):
            missing = solver.NumVar(0, 1, "")
            objective.SetCoefficient(missing, k * weights["below_contract"])
            row.SetCoefficient(missing, 1)
    return constant


def _cover(lp: WeekLP, weights: dict[str, int], objective) -> None:
    """Holders short of each cover, as in penalties.uncovered: short >= min * anyone -
    holders, with anyone >= each member (the team's, or the daypart's on the site).
    Exact at whole numbers: nothing else asks anyone or short to be larger."""
    m = lp.m
    for (did, slot), team in m.teams.items():
        covers = m.problem.department(did).cover
        if covers and team:
            _cover_rows(lp, weights, objective, covers,
                        [(p, lp.x[(p.id, did, slot)]) for p, _ in team])
    if m.problem.site_cover:
        for slot in m.problem.slots:
            everyone = [(p, lp.x[(p.id, did, at)]) for (did, at), team in m.teams.items()
                        if at == slot for p, _ in team]
            if everyone:
                _cover_rows(lp, weights, objective, m.problem.site_cover, everyone)


def _cover_rows(lp: WeekLP, weights: dict[str, int], objective, covers, people) -> None:
    solver = lp.solver
    anyone = solver.NumVar(0, 1, "")
    for _, var in people:
        row = solver.Constraint(0, solver.infinity())
        row.SetCoefficient(anyone, 1)
        row.SetCoefficient(var, -1)
    for cover in covers:
        short = solver.NumVar(0, cover.min, "")
        objective.SetCoefficient(short, weights["uncovered"])
        row = solver.Constraint(0, solver.infinity())
        row.SetCoefficient(short, 1)
        row.SetCoefficient(anyone, -cover.min)
        for p, var in people:
            if cover.certificate in p.certificates:
                row.SetCoefficient(var, 1)


def _teams(lp: WeekLP, weights: dict[str, int], objective, staffed: bool) -> None:
    """Staffing, detainee caps, the per-assignment terms and the mix, team by team."""
    m, solver, x = lp.m, lp.solver, lp.x
    for (did, slot), team in m.teams.items():
        department = m.problem.department(did)
        low, high = department.staffing(slot)
        least = low if staffed else 0
        size = solver.Constraint(least, high)
        lp.rows[(did, slot)] = size
        lp.row_index[(did, slot)] = size.index()
        lp.limits[(did, slot)] = (least, min(len(team), high))
        detainees = solver.Constraint(0, department.max_detainees
                                      if department.max_detainees is not None
                                      else solver.infinity())
        for p, _ in team:
            var = x[(p.id, did, slot)]
            size.SetCoefficient(var, 1)
            if p.is_detainee:
                detainees.SetCoefficient(var, 1)
            objective.SetCoefficient(var, assignment_cost(p, did, weights))
        if department.mix:
            _mix(lp, weights, objective, (did, slot))


def _shortage(lp: WeekLP, shortage: int) -> None:
    """The persons short of the minimums add up to at most `shortage`: short >= min - size
    per team. Without it a week that cannot staff every minimum has an LP free to leave any
    team empty, and a bound far below every roster."""
    m, solver = lp.m, lp.solver
    missing = sum(d.staffing(slot)[0] for d in m.problem.departments for slot in m.problem.slots
                  if (d.id, slot) not in m.teams)
    cap = solver.Constraint(0, max(0, shortage - missing))
    for team in lp.rows:
        low = m.problem.department(team[0]).staffing(team[1])[0]
        if low == 0:
            continue
        short = solver.Var(0, low, lp.whole, "")
        cap.SetCoefficient(short, 1)
        below = solver.Constraint(low, solver.infinity())
        below.SetCoefficient(short, 1)
        for p, _ in m.teams[team]:
            below.SetCoefficient(lp.x[(p.id, team[0], team[1])], 1)


def _mix(lp: WeekLP, weights, objective, team_key: Team) -> None:
    """Persons outside the nearest counts, as in penalties.mix: one literal per size.

    Only sizes within the team's limits get a literal. The row alone keeps the average
    size within them, but a literal below the minimum lets the LP mix a packaging team of
    3 with one of 18 into 13 and so ask for a mix that no whole team of 13 has, holding
    the bound below the optimum (docs/solver.md has the figures)."""
    m, solver, x = lp.m, lp.solver, lp.x
    did, slot = team_key
    team = m.teams[team_key]
    department = m.problem.department(did)
    low, high = lp.limits[team_key]
    sizes = range(low, high + 1)
    size_is = {k: solver.Var(0, 1, lp.whole, "") for k in sizes}
    lp.literals[team_key] = size_is
    lp.literal_index[team_key] = {k: literal.index() for k, literal in size_is.items()}
    one = solver.Constraint(1, 1)
    for lit in size_is.values():
        one.SetCoefficient(lit, 1)
    tied = solver.Constraint(0, 0)
    for k, lit in size_is.items():
        tied.SetCoefficient(lit, -k)
    for p, _ in team:
        tied.SetCoefficient(x[(p.id, did, slot)], 1)
    for group in m.problem.groups:
        members = [x[(p.id, did, slot)] for p, _ in team if p.group == group]
        percent = mix_percent(department.mix, group)
        if percent == 0:
            for var in members:
                objective.SetCoefficient(var, objective.GetCoefficient(var) + weights["mix"])
            continue
        outside = solver.NumVar(0, solver.infinity(), "")
        objective.SetCoefficient(outside, weights["mix"])
        # outside >= low(size) - count  and  outside >= count - high(size)
        for side, pick in ((1, 0), (-1, 1)):
            row = solver.Constraint(0, solver.infinity())
            row.SetCoefficient(outside, 1)
            for var in members:
                row.SetCoefficient(var, side)
            for k, lit in size_is.items():
                row.SetCoefficient(lit, -side * nearest_counts(percent, k)[pick])


def _learning(lp: WeekLP, weights: dict[str, int], objective) -> int:
    """A learning department costs its weight unless visited; a visit is at most the
    number of dayparts there. Returns the constant part (every learning goal unmet)."""
    m, solver = lp.m, lp.solver
    chances = defaultdict(list)
    for (pid, did, _slot), var in lp.x.items():
        chances[(pid, did)].append(var)
    goals = 0
    for p in m.problem.participants:
        for did in sorted(p.learning):
            goals += 1
            if not chances[(p.id, did)]:
                continue
            visited = solver.NumVar(0, 1, "")
            objective.SetCoefficient(visited, -weights["unmet_learning"])
            row = solver.Constraint(0, solver.infinity())
            row.SetCoefficient(visited, -1)
            for var in chances[(p.id, did)]:
                row.SetCoefficient(var, 1)
    return weights["unmet_learning"] * goals


def _switches(lp: WeekLP, weights: dict[str, int], objective) -> None:
    """A switch is at least one when the first daypart is in one department and the second
    in any other: switch >= x[first, d] + sum of x[second, d' != d] - 1, for each d. The
    rows from the second daypart's side would double their number and add nothing
    measurable to the bound."""
    solver, x = lp.solver, lp.x
    for pid, first, second, here, there in lp.m.switch_chances():
        switched = solver.NumVar(0, 1, "")
        objective.SetCoefficient(switched, weights["department_switch"])
        for did in here:
            row = solver.Constraint(-1, solver.infinity())
            row.SetCoefficient(switched, 1)
            row.SetCoefficient(x[(pid, did, first)], -1)
            for other in there:
                if other != did:
                    row.SetCoefficient(x[(pid, other, second)], -1)


def _support(lp: WeekLP, weights: dict[str, int], objective) -> None:
    """A learner is unsupported at least as far as they are there beyond the experts with
    them: alone >= x[learner] - sum of x[expert], exact for a whole roster."""
    solver, x = lp.solver, lp.x
    for (did, slot), team in lp.m.teams.items():
        experts = [x[(p.id, did, slot)] for p, _ in team if p.skill(did) >= 2]
        for p, _ in team:
            if not p.is_learner(did):
                continue
            alone = solver.NumVar(0, 1, "")
            objective.SetCoefficient(alone, weights["unsupported_learner"])
            row = solver.Constraint(0, solver.infinity())
            row.SetCoefficient(alone, 1)
            row.SetCoefficient(x[(p.id, did, slot)], -1)
            for var in experts:
                row.SetCoefficient(var, 1)


def _avoid(lp: WeekLP) -> None:
    m, solver, x = lp.m, lp.solver, lp.x
    for first, second in sorted(m.problem.avoid_pairs()):
        for slot in m.problem.slots:
            mine, theirs = m.places.get((first, slot), {}), m.places.get((second, slot), {})
            for did in [did for did in mine if did in theirs]:
                row = solver.Constraint(0, 1)
                row.SetCoefficient(x[(first, did, slot)], 1)
                row.SetCoefficient(x[(second, did, slot)], 1)
