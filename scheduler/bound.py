"""A lower bound from the LP relaxation of the week, solved by GLOP next to the search.

CP-SAT's own LP is rebuilt and re-solved as it searches, and on 300 people and more it
reports a weaker bound than this plain LP gives in a few seconds (300 people: 59,175
after 20 s against 72,924 in 1.6 s). GLOP releases the GIL, so the LP runs in a thread
while the local search (pure Python, one core) improves the roster.

The LP has the hard rules (rule 6 as one inequality per pair and team), the minimums when
every minimum is staffed, and the terms that relax well: dayparts below contract, skills,
preferences, the mix through one fractional literal per team size (staffing.rest_bound
explains why size matters), learning visits and department switches. Unsupported learners
and changes count as 0, so the value is at most the weighted sum of any roster that keeps
the hard rules and the least understaffing.

GLOP runs its dual simplex with perturbed costs: on the 1,000-person bench week that
solves the LP in 4 s where the default primal simplex takes 13 s (300 people: 0.5 s
against 1.5 s), to the same optimum. The switch rows were left out until then, because
they tripled the primal simplex's time; they add 189 to the bound at 1,000 people.

The same LP with every team's size fixed is no longer a bound but a close estimate of
the best roster at those sizes, and it solves again from its last basis in tens of
milliseconds: team_sizes.py searches sizes with it, and staffing.follow_lp rounds its
solution into a roster.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from ortools.linear_solver import pywraplp

from scheduler.model import Key, RosterModel
from scheduler.penalties import assignment_cost, mix_percent, nearest_counts
from scheduler.problem import Slot

# GLOP works to tolerances of about 1e-7 per constraint; the bound gives up this share of
# itself (2 points at 200,000) so that rounding up to a whole number stays on the safe side.
SAFETY = 1e-5
GLOP_PARAMETERS = "use_dual_simplex: true perturb_costs_in_dual_simplex: true"

Team = tuple[str, Slot]


@dataclass
class WeekLP:
    """The LP of one week, kept after its first solve so that sizes can be fixed in it."""

    m: RosterModel
    solver: pywraplp.Solver
    x: dict[Key, pywraplp.Variable] = field(default_factory=dict)
    # Per team: the row that counts its members, and its size literals when it has a mix.
    rows: dict[Team, pywraplp.Constraint] = field(default_factory=dict)
    # Per team: the sizes it may have (its minimum only when every minimum is staffed).
    limits: dict[Team, tuple[int, int]] = field(default_factory=dict)
    literals: dict[Team, dict[int, pywraplp.Variable]] = field(default_factory=dict)
    constant: int = 0

    def solve(self, seconds: float) -> float | None:
        """The LP's optimum, or None when GLOP does not prove one within `seconds`."""
        self.solver.SetTimeLimit(max(1, int(seconds * 1000)))
        if self.solver.Solve() != pywraplp.Solver.OPTIMAL:
            return None
        return self.solver.Objective().Value() + self.constant

    def fix_sizes(self, sizes: dict[Team, int]) -> None:
        """Every team at exactly its size in `sizes` (0 where absent): through its size
        literal where it has a mix, which makes the mix exact, else through its row."""
        for team, row in self.rows.items():
            size = sizes.get(team, 0)
            literals = self.literals.get(team)
            if literals is None:
                row.SetBounds(size, size)
                continue
            for k, literal in literals.items():
                literal.SetBounds(float(k == size), float(k == size))

    def estimates(self, sizes: dict[Team, int]) -> list[tuple[float, Team, int]]:
        """(estimated change, team, new size) for every other size of every team, from the
        last solve's reduced costs (a team without a mix: its row's dual times the step).
        The LP's value is convex in the bounds, so each estimate, and the sum of several,
        is at most the true change: a move whose estimate is not negative cannot lower it."""
        found = []
        for team, row in self.rows.items():
            size = sizes.get(team, 0)
            low, high = self.limits[team]
            literals = self.literals.get(team)
            if literals is None:
                dual = row.dual_value()
                found.extend((dual * (k - size), team, k)
                             for k in range(low, high + 1) if k != size)
            elif size in literals:
                base = literals[size].reduced_cost()
                found.extend((literal.reduced_cost() - base, team, k)
                             for k, literal in literals.items() if k != size and k >= low)
        return found

    def values(self) -> dict[Key, float]:
        return {key: var.solution_value() for key, var in self.x.items()}


def build_lp(m: RosterModel, weights: dict[str, int], staffed: bool) -> WeekLP:
    solver = pywraplp.Solver.CreateSolver("GLOP")
    solver.SetSolverSpecificParametersAsString(GLOP_PARAMETERS)
    pinned = {(a.participant, a.department, a.slot) for a in m.problem.pinned}
    lp = WeekLP(m, solver)
    lp.x = {key: solver.NumVar(1 if key in pinned else 0, 1, "") for key in m.x}
    objective = solver.Objective()
    lp.constant = _people(lp, weights, objective)
    _teams(lp, weights, objective, staffed)
    lp.constant += _learning(lp, weights, objective)
    _switches(lp, weights, objective)
    _avoid(lp)
    objective.SetMinimization()
    return lp


def lp_bound(m: RosterModel, weights: dict[str, int], staffed: bool, seconds: float) -> int:
    """The LP's optimum rounded up, or 0 when GLOP does not prove it within `seconds`."""
    return rounded_bound(build_lp(m, weights, staffed).solve(seconds))


def rounded_bound(value: float | None) -> int:
    if value is None:
        return 0
    return max(0, math.ceil(value - SAFETY * abs(value)))


def _people(lp: WeekLP, weights: dict[str, int], objective) -> int:
    """One department per daypart, the contract, and the dayparts below it (a constant
    minus each daypart worked)."""
    m, solver, x = lp.m, lp.solver, lp.x
    for (pid, slot), choices in m.places.items():
        row = solver.Constraint(0, 1)
        for did in choices:
            row.SetCoefficient(x[(pid, did, slot)], 1)
    worked = defaultdict(list)
    for key, var in x.items():
        worked[key[0]].append(var)
    for p in m.problem.participants:
        row = solver.Constraint(0, p.dayparts_per_week)
        for var in worked[p.id]:
            row.SetCoefficient(var, 1)
    return weights["below_contract"] * sum(p.dayparts_per_week for p in m.problem.participants)


def _teams(lp: WeekLP, weights: dict[str, int], objective, staffed: bool) -> None:
    """Staffing, detainee caps, the per-assignment terms and the mix, team by team."""
    m, solver, x = lp.m, lp.solver, lp.x
    for (did, slot), team in m.teams.items():
        department = m.problem.department(did)
        low, high = department.staffing(slot)
        least = low if staffed else 0
        size = solver.Constraint(least, high)
        lp.rows[(did, slot)] = size
        lp.limits[(did, slot)] = (least, min(len(team), high))
        detainees = solver.Constraint(0, department.max_detainees
                                      if department.max_detainees is not None
                                      else solver.infinity())
        for p, _ in team:
            var = x[(p.id, did, slot)]
            size.SetCoefficient(var, 1)
            if p.is_detainee:
                detainees.SetCoefficient(var, 1)
            objective.SetCoefficient(
                var, assignment_cost(p, did, weights) - weights["below_contract"])
        if department.mix:
            _mix(lp, weights, objective, (did, slot), high)


def _mix(lp: WeekLP, weights, objective, team_key: Team, high: int) -> None:
    """Persons outside the nearest counts, as in penalties.mix: one literal per size."""
    m, solver, x = lp.m, lp.solver, lp.x
    did, slot = team_key
    team = m.teams[team_key]
    department = m.problem.department(did)
    sizes = range(min(len(team), high) + 1)
    size_is = {k: solver.NumVar(0, 1, "") for k in sizes}
    lp.literals[team_key] = size_is
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
        for did in p.learning:
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
    rows from the second daypart's side add nothing measurable (300 people: 74,384 either
    way) and double their number."""
    solver, x = lp.solver, lp.x
    for pid, first, second, here, there in lp.m.switch_chances():
        switched = solver.NumVar(0, 1, "")
        objective.SetCoefficient(switched, weights["department_switch"])
        for did in here:
            row = solver.Constraint(-1, solver.infinity())
            row.SetCoefficient(switched, 1)
            row.SetCoefficient(x[(pid, did, first)], -1)
            for other in there.keys() - {did}:
                row.SetCoefficient(x[(pid, other, second)], -1)


def _avoid(lp: WeekLP) -> None:
    m, solver, x = lp.m, lp.solver, lp.x
    for first, second in m.problem.avoid_pairs():
        for slot in m.problem.slots:
            mine, theirs = m.places.get((first, slot), {}), m.places.get((second, slot), {})
            for did in mine.keys() & theirs.keys():
                row = solver.Constraint(0, 1)
                row.SetCoefficient(x[(first, did, slot)], 1)
                row.SetCoefficient(x[(second, did, slot)], 1)
