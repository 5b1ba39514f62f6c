"""The size dive on the LP (whole sizes within each team's limits), the LP's bound on a
generated week, and the local search's stop at a target."""

import math
import time
from unittest.mock import patch

from hypothesis import given
from ortools.sat.python import cp_model

from bench.solver import generate
from scheduler import WEIGHTS, local_search, parse_problem, phases
from scheduler.bound import build_lp, rounded_bound
from scheduler.dive import whole_sizes
from scheduler.model import build_model
from scheduler.staffing import staff_minimums
from tests.scheduler.roster_factory import solved
from tests.scheduler.test_properties import weeks
from tests.scheduler.test_team_sizes import EXAMPLES, _first_plan


@EXAMPLES
@given(weeks())
def test_whole_sizes_are_whole_within_limits_and_solve_the_lp(data):
    _, m, _, _ = _first_plan(data)
    lp = build_lp(m, WEIGHTS, staffed=False)
    free = lp.solve(5)
    found = whole_sizes(lp, time.perf_counter() + 60)
    assert found is not None
    sizes, values = found
    for team, size in sizes.items():
        low, high = lp.limits[team]
        assert low <= size <= high
        members = sum(v for (_, did, slot), v in values.items() if (did, slot) == team)
        assert abs(members - size) < 1e-6
    lp.fix_sizes(sizes)
    assert lp.solve(5) >= free - 1e-6


def test_the_lp_bound_proves_the_optimum_of_a_generated_week():
    """Size literals below a team's minimum let the LP mix a small team with a large one
    and ask for a mix that no whole team has: on this 30-person week that bound was
    7,337.5, under the optimum of 7,390."""
    data = generate(30, seed=1)
    solution = solved(data, time_limit=10)
    m = build_model(parse_problem(data), [])
    staffed = staff_minimums(m, WEIGHTS).lower_bound == 0
    assert staffed
    assert rounded_bound(build_lp(m, WEIGHTS, staffed).solve(5)) == solution.objective


def test_cp_sat_knows_every_team_is_at_least_its_minimum():
    """Without _staffed_sizes the model (understaffing not yet bounded) lets a team take a
    size below its minimum; with it, no size literal below a minimum can be true."""
    problem = parse_problem(generate(30, seed=1))
    for staffed in (False, True):
        m = build_model(problem)
        if staffed:
            phases._staffed_sizes(m)
        below = [literal for (did, slot), literals in m.sizes.items()
                 for k, literal in literals.items()
                 if k < problem.department(did).staffing(slot)[0]]
        assert below
        m.model.AddBoolOr(below)
        status = cp_model.CpSolver().Solve(m.model)
        assert (status == cp_model.INFEASIBLE) == staffed


def test_the_search_ends_at_its_target():
    problem = parse_problem(generate(30, seed=1))
    m = build_model(problem, [])
    roster = staff_minimums(m, WEIGHTS).assignments
    tries = []
    original = local_search._random_try

    def counted(*args):
        tries.append(1)
        return original(*args)

    with patch.object(local_search, "_random_try", counted):
        local_search.improve(m, roster, WEIGHTS, 0.5, target=math.inf)
        assert not tries
        local_search.improve(m, roster, WEIGHTS, 0.2)
        assert tries
