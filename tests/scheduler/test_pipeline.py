"""The solve as a pipeline of phases: the incumbent only improves, bounds only rise,
phases can be left out by name, and the solution names the phases behind it."""

import threading
import time
from unittest.mock import patch

from bench.solver import generate
from scheduler import WEIGHTS, check, evaluate, parse_problem, solve, tuning
from scheduler.local_search import improve
from scheduler.model import build_model
from scheduler.pipeline import Bounds, Clock, Incumbent
from scheduler.staffing import staff_minimums
from scheduler.strategies import (
    LOOSE_WEEK,
    PHASE_NAMES,
    PLAN_OPENING,
    REPLAN,
    REPLAN_OPENING,
    TIGHT_WEEK,
)
from tests.scheduler.roster_factory import assign, department, person, week

SMALL = generate(30, seed=1)


def _incumbent(problem, rank=lambda evaluation, objective: (objective,)):
    now = time.perf_counter()
    return Incumbent(problem, WEIGHTS, rank, Clock(now, now + 10))


def test_the_incumbent_keeps_only_a_better_roster():
    data = week([department("a", low=1, high=2)], [person("p1"), person("p2")])
    problem = parse_problem(data)
    incumbent = _incumbent(problem)
    assert (incumbent.roster, incumbent.found_by, incumbent.first_found) == ([], "pins", None)
    staffed = staff_minimums(build_model(problem), WEIGHTS).assignments
    assert incumbent.offer(staffed, "second")
    assert incumbent.first_found is not None
    assert not incumbent.offer([], "worse")
    assert not incumbent.offer(list(staffed), "as good")
    assert incumbent.found_by == "second"
    assert incumbent.objective == evaluate(problem, staffed).objective(WEIGHTS)


def test_the_incumbent_ranks_understaffing_before_the_objective():
    """A roster with a person fewer short wins even where its weighted sum is higher."""
    data = week([department("a", low=1)], [person("p1", skills={"a": 0})],
                pinned=[assign("p1", "a")])
    staffed = list(parse_problem(data).pinned)
    problem = parse_problem({**data, "pinned": []})
    weights = {**WEIGHTS, "understaffing": 1, "below_contract": 0, "unskilled": 100}
    now = time.perf_counter()
    ranked = Incumbent(problem, weights, lambda e, objective: (e.penalties["understaffing"],
                                                               objective), Clock(now, now + 10))
    assert ranked.objective == 1 and ranked.found_by == "pins"
    assert ranked.offer(staffed, "staffed")
    assert ranked.objective == 100 and ranked.found_by == "staffed"


def test_bounds_only_rise_and_name_their_prover():
    bounds = Bounds(scale=1000)
    bounds.raise_rest(50, "flow-bound")
    bounds.raise_rest(40, "lp")
    assert (bounds.rest, bounds.proved_by) == (50, "flow-bound")
    bounds.raise_rest(60, "lp")
    bounds.settle(2, "least-understaffing")
    assert (bounds.value, bounds.proved_by) == (2060, "lp")


def test_every_strategy_names_its_phases_once_and_they_are_known():
    for opening, rest in ((PLAN_OPENING, TIGHT_WEEK), (PLAN_OPENING, LOOSE_WEEK),
                          (REPLAN_OPENING, REPLAN)):
        names = [phase.name for phase in (*opening, *rest)]
        assert len(names) == len(set(names))
        assert names[0] == "flow" and names[-1] == "cp-sat"
    assert {"flow", "lp", "sizes", "face", "cp-sat", "steady"} <= PHASE_NAMES


def test_the_solution_names_the_phase_that_found_it_and_the_one_that_proved_it():
    solution = solve(SMALL, time_limit=10)
    assert solution.status == "optimal"
    assert solution.found_by in PHASE_NAMES and solution.proved_by in PHASE_NAMES
    assert set(solution.phases) <= PHASE_NAMES
    assert solution.to_json()["found_by"] == solution.found_by


def test_phases_are_left_out_by_name():
    problem = parse_problem(SMALL)
    alone = solve(problem, time_limit=5, skip=["lp", "face", "cp-sat"])
    assert set(alone.phases) <= {"flow", "least-understaffing", "flow-bound", "sizes"}
    assert alone.found_by in ("flow", "search")
    assert check(problem, alone.assignments) == []
    assert solve(problem, skip=["no-such-phase"]).status == "invalid"


def test_a_solve_is_never_worse_than_the_flow_and_the_search_alone():
    problem = parse_problem(SMALL)
    m = build_model(problem)
    start = staff_minimums(m, WEIGHTS).assignments
    alone = evaluate(problem, improve(m, start, WEIGHTS, 5, kicks=False)).objective(WEIGHTS)
    assert solve(problem, time_limit=5).objective <= alone


def test_a_large_week_leaves_no_thread_behind():
    before = threading.active_count()
    with patch.object(tuning, "SMALL_WEEK", 0):
        solution = solve(SMALL, time_limit=2)
    assert solution.status in ("optimal", "feasible") and "search" in solution.phases
    assert threading.active_count() == before


def test_a_gap_replan_takes_the_replan_strategy():
    data = week([department("a", low=1, high=1)], [person("p1", available=[]), person("p2")],
                previous=[assign("p1", "a")], mode="gap")
    solution = solve(data, time_limit=5)
    assert solution.status == "optimal"
    assert set(solution.phases) <= {phase.name for phase in (*REPLAN_OPENING, *REPLAN)}
    assert solution.changed == 2


def test_the_first_roster_comes_even_when_the_time_is_up():
    """On a machine so busy that building the model ate the whole limit, the flows still
    run: a solve never hands back the pins alone (the app would store no draft)."""
    plan = solve(SMALL, time_limit=0.0)
    assert plan.found_by == "flow" and plan.assignments
    data = week([department("a", low=1, high=1)], [person("p1", available=[]), person("p2")],
                previous=[assign("p1", "a")], mode="gap")
    replan = solve(data, time_limit=0.0)
    assert [a.to_json() for a in replan.assignments] == [assign("p2", "a")]
