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
"""

from __future__ import annotations

import math
from collections import defaultdict

from ortools.linear_solver import pywraplp

from scheduler.model import RosterModel
from scheduler.penalties import assignment_cost, mix_percent, nearest_counts

# GLOP works to tolerances of about 1e-7 per constraint; the bound gives up this share of
# itself (2 points at 200,000) so that rounding up to a whole number stays on the safe side.
SAFETY = 1e-5
GLOP_PARAMETERS = "use_dual_simplex: true perturb_costs_in_dual_simplex: true"


def lp_bound(m: RosterModel, weights: dict[str, int], staffed: bool, seconds: float) -> int:
    """The LP's optimum rounded up, or 0 when GLOP does not prove it within `seconds`."""
    lp = pywraplp.Solver.CreateSolver("GLOP")
    lp.SetTimeLimit(max(1, int(seconds * 1000)))
    lp.SetSolverSpecificParametersAsString(GLOP_PARAMETERS)
    objective = lp.Objective()
    pinned = {(a.participant, a.department, a.slot) for a in m.problem.pinned}
    x = {key: lp.NumVar(1 if key in pinned else 0, 1, "") for key in m.x}
    constant = _people(m, lp, x, weights, objective)
    _teams(m, lp, x, weights, objective, staffed)
    constant += _learning(m, lp, x, weights, objective)
    _switches(m, lp, x, weights, objective)
    _avoid(m, lp, x)
    objective.SetMinimization()
    if lp.Solve() != pywraplp.Solver.OPTIMAL:
        return 0
    value = objective.Value() + constant
    return max(0, math.ceil(value - SAFETY * abs(value)))


def _people(m: RosterModel, lp, x, weights: dict[str, int], objective) -> int:
    """One department per daypart, the contract, and the dayparts below it (a constant
    minus each daypart worked)."""
    for (pid, slot), choices in m.places.items():
        row = lp.Constraint(0, 1)
        for did in choices:
            row.SetCoefficient(x[(pid, did, slot)], 1)
    worked = defaultdict(list)
    for key, var in x.items():
        worked[key[0]].append(var)
    for p in m.problem.participants:
        row = lp.Constraint(0, p.dayparts_per_week)
        for var in worked[p.id]:
            row.SetCoefficient(var, 1)
    return weights["below_contract"] * sum(p.dayparts_per_week for p in m.problem.participants)


def _teams(m: RosterModel, lp, x, weights: dict[str, int], objective, staffed: bool) -> None:
    """Staffing, detainee caps, the per-assignment terms and the mix, team by team."""
    for (did, slot), team in m.teams.items():
        department = m.problem.department(did)
        low, high = department.staffing(slot)
        size = lp.Constraint(low if staffed else 0, high)
        detainees = lp.Constraint(0, department.max_detainees
                                  if department.max_detainees is not None else lp.infinity())
        for p, _ in team:
            var = x[(p.id, did, slot)]
            size.SetCoefficient(var, 1)
            if p.is_detainee:
                detainees.SetCoefficient(var, 1)
            objective.SetCoefficient(
                var, assignment_cost(p, did, weights) - weights["below_contract"])
        if department.mix:
            _mix(m, lp, x, weights, objective, (did, slot), high)


def _mix(m: RosterModel, lp, x, weights, objective, team_key, high: int) -> None:
    """Persons outside the nearest counts, as in penalties.mix: one literal per size."""
    did, slot = team_key
    team = m.teams[team_key]
    department = m.problem.department(did)
    sizes = range(min(len(team), high) + 1)
    size_is = {k: lp.NumVar(0, 1, "") for k in sizes}
    one = lp.Constraint(1, 1)
    for lit in size_is.values():
        one.SetCoefficient(lit, 1)
    tied = lp.Constraint(0, 0)
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
        outside = lp.NumVar(0, lp.infinity(), "")
        objective.SetCoefficient(outside, weights["mix"])
        # outside >= low(size) - count  and  outside >= count - high(size)
        for side, pick in ((1, 0), (-1, 1)):
            row = lp.Constraint(0, lp.infinity())
            row.SetCoefficient(outside, 1)
            for var in members:
                row.SetCoefficient(var, side)
            for k, lit in size_is.items():
                row.SetCoefficient(lit, -side * nearest_counts(percent, k)[pick])


def _learning(m: RosterModel, lp, x, weights: dict[str, int], objective) -> int:
    """A learning department costs its weight unless visited; a visit is at most the
    number of dayparts there. Returns the constant part (every learning goal unmet)."""
    chances = defaultdict(list)
    for (pid, did, _slot), var in x.items():
        chances[(pid, did)].append(var)
    goals = 0
    for p in m.problem.participants:
        for did in p.learning:
            goals += 1
            if not chances[(p.id, did)]:
                continue
            visited = lp.NumVar(0, 1, "")
            objective.SetCoefficient(visited, -weights["unmet_learning"])
            row = lp.Constraint(0, lp.infinity())
            row.SetCoefficient(visited, -1)
            for var in chances[(p.id, did)]:
                row.SetCoefficient(var, 1)
    return weights["unmet_learning"] * goals


def _switches(m: RosterModel, lp, x, weights: dict[str, int], objective) -> None:
    """A switch is at least one when the first daypart is in one department and the second
    in any other: switch >= x[first, d] + sum of x[second, d' != d] - 1, for each d. The
    rows from the second daypart's side add nothing measurable (300 people: 74,384 either
    way) and double their number."""
    for pid, first, second, here, there in m.switch_chances():
        switched = lp.NumVar(0, 1, "")
        objective.SetCoefficient(switched, weights["department_switch"])
        for did in here:
            row = lp.Constraint(-1, lp.infinity())
            row.SetCoefficient(switched, 1)
            row.SetCoefficient(x[(pid, did, first)], -1)
            for other in there.keys() - {did}:
                row.SetCoefficient(x[(pid, other, second)], -1)


def _avoid(m: RosterModel, lp, x) -> None:
    for first, second in m.problem.avoid_pairs():
        for slot in m.problem.slots:
            mine, theirs = m.places.get((first, slot), {}), m.places.get((second, slot), {})
            for did in mine.keys() & theirs.keys():
                row = lp.Constraint(0, 1)
                row.SetCoefficient(x[(first, did, slot)], 1)
                row.SetCoefficient(x[(second, did, slot)], 1)
