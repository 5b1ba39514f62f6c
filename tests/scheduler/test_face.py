"""The roster on the LP's optimal face (face.py): whole, within the rules, priced exactly
by the model, never cut off by the reduced costs when it exists, and at the sizes given."""

import time
from collections import Counter
from unittest.mock import patch

from hypothesis import given
from ortools.sat.python import cp_model

from bench.solver import generate
from scheduler import WEIGHTS, check, evaluate, face, parse_problem, solve
from scheduler.bound import build_lp, rounded_bound
from scheduler.dive import whole_sizes
from scheduler.face import face_roster, raise_bound, target
from scheduler.model import build_model
from scheduler.penalties import TERMS, objective_value
from scheduler.problem import Assignment
from scheduler.staffing import staff_minimums
from tests.scheduler.test_properties import weeks
from tests.scheduler.test_team_sizes import EXAMPLES, _first_plan


def _without_understaffing(problem, roster) -> int:
    """The LP leaves understaffing to the stage before it."""
    penalties = evaluate(problem, roster).penalties
    return objective_value({**penalties, "understaffing": 0}, WEIGHTS)


def _roster(keys) -> list[Assignment]:
    return [Assignment(pid, did, *slot) for pid, did, slot in keys]


def _generated(size: int = 30):
    problem = parse_problem(generate(size, seed=1))
    m = build_model(problem, [])
    staffed = staff_minimums(m, WEIGHTS).lower_bound == 0
    lp = build_lp(m, WEIGHTS, staffed)
    return problem, lp, build_lp(m, WEIGHTS, staffed, whole=True)


@EXAMPLES
@given(weeks())
def test_the_face_roster_keeps_the_rules_and_costs_what_the_model_says(data):
    """Every term of the model is exact at whole numbers, so SCIP's value is the roster's
    objective: this fails as soon as a term undercounts (dropping the unsupported
    learners' rows, say) or overcounts. No roster is below the LP's bound."""
    problem, m, _, _ = _first_plan(data)
    lp = build_lp(m, WEIGHTS, staffed=False)
    value = lp.solve(5)
    assert value is not None
    goal = target(rounded_bound(value), WEIGHTS)
    faced = face_roster(build_lp(m, WEIGHTS, staffed=False, whole=True), lp.response, value,
                        goal + 10_000, 10)
    assert faced.complete and faced.roster is not None
    cost, keys = faced.roster
    roster = _roster(keys)
    assert check(problem, roster) == []
    assert abs(_without_understaffing(problem, roster) - cost) < 1e-4
    assert cost >= value - 1e-4


def _optimum(problem) -> int:
    """CP-SAT's proven optimum of every term but understaffing, which the LP leaves out."""
    m = build_model(problem)
    m.model.Minimize(sum(WEIGHTS[t] * m.terms[t] for t in TERMS if t != "understaffing"))
    solver = cp_model.CpSolver()
    assert solver.Solve(m.model) == cp_model.OPTIMAL
    return round(solver.ObjectiveValue())


@EXAMPLES
@given(weeks())
def test_raising_the_bound_on_the_face_ends_at_the_optimum(data):
    """Each face searched to the end without a roster at the goal moves the bound a step
    up; with time enough the bound meets the roster found, and both are the optimum. A
    step too far, or a face that loses a roster it should hold, fails this."""
    problem, m, _, _ = _first_plan(data)
    lp = build_lp(m, WEIGHTS, staffed=False)
    value = lp.solve(5)
    floors = [rounded_bound(value)]
    found = raise_bound(build_lp(m, WEIGHTS, staffed=False, whole=True), lp.response, value,
                        floors, WEIGHTS, time.perf_counter() + 60)
    best = _optimum(problem)
    assert max(floors) <= best
    assert found is not None
    assert round(found[0]) == best == target(max(floors), WEIGHTS)


def test_the_face_holds_the_optimum_where_the_lp_is_tight():
    """On this 30-person week the LP's bound is the optimum (test_dive), so the face with
    every assignment of too high a reduced cost fixed still holds a roster at it. Fixing
    on the wrong side of the reduced cost leaves no roster at all."""
    problem, lp, mip = _generated()
    value = lp.solve(5)
    goal = target(rounded_bound(value), WEIGHTS)
    cost, keys = face_roster(mip, lp.response, value, goal, 10).roster
    assert cost == goal == _without_understaffing(problem, _roster(keys))


def test_the_face_keeps_the_sizes_it_is_given_and_its_bounds_afterwards():
    problem, lp, mip = _generated()
    free = lp.solve(5)
    bounds = [(var.lb(), var.ub()) for var in mip.solver.variables()]
    rows = [(row.lb(), row.ub()) for row in mip.solver.constraints()]
    sizes, _ = whole_sizes(lp, time.perf_counter() + 60, rise=0.0)
    lp.fix_sizes(sizes)
    sized = lp.solve(5)
    assert sized == free
    cost, keys = face_roster(mip, lp.response, sized, target(rounded_bound(sized), WEIGHTS), 10,
                             sizes).roster
    assert cost == rounded_bound(free)
    worked = Counter((did, slot) for _, did, slot in keys)
    assert {team: worked[team] for team in sizes} == sizes
    assert [(var.lb(), var.ub()) for var in mip.solver.variables()] == bounds
    assert [(row.lb(), row.ub()) for row in mip.solver.constraints()] == rows


def test_the_target_is_the_least_objective_a_roster_can_have():
    assert target(16_950, WEIGHTS) == 16_950
    assert target(16_947, WEIGHTS) == 16_950
    assert target(16_951, {**WEIGHTS, "department_switch": 20, "unmet_preference": 20}) == 16_960


def test_a_small_week_is_solved_without_scip_too():
    """SCIP comes with OR-Tools' wheels; without it the face is left out, not the solve."""
    data = generate(30, seed=1)
    with patch.object(face, "available", return_value=False):
        solution = solve(data, time_limit=10, skip=["sizes"])
    assert solution.status == "optimal"
    assert check(parse_problem(data), solution.assignments) == []
