"""The team-size search: its estimates never promise more than a move gives, it stops only
where no move it may make helps, and the roster it leads to keeps the rules and the sizes."""

import time
from collections import Counter
from itertools import permutations
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, assume, given, settings

from scheduler import check, evaluate, parse_problem, solve, team_sizes, tuning
from scheduler.bound import build_lp
from scheduler.model import build_model
from scheduler.penalties import WEIGHTS
from scheduler.staffing import follow_lp, staff_minimums
from scheduler.team_sizes import better_sizes
from scheduler.tuning import GAIN, STEP
from tests.scheduler.roster_factory import department, person, week
from tests.scheduler.test_properties import weeks

EXAMPLES = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _first_plan(data: dict):
    """A week without `previous` (the search is for first plans) whose pins keep the rules,
    its model and the warm start's team sizes."""
    problem = parse_problem({**data, "previous": []})
    assume(not check(problem, list(problem.pinned)))
    m = build_model(problem, [])
    roster = staff_minimums(m, WEIGHTS).assignments
    return problem, m, roster, dict(Counter((a.department, a.slot) for a in roster))


def _pair_moves(lp, sizes):
    """Every move the search may make: one team up, another down by as many people, each
    within the sizes it may have."""
    for up, down in permutations(lp.rows, 2):
        for step in range(1, STEP + 1):
            moved = {**sizes, up: sizes.get(up, 0) + step, down: sizes.get(down, 0) - step}
            if moved[up] <= lp.limits[up][1] and moved[down] >= lp.limits[down][0]:
                yield moved


@EXAMPLES
@given(weeks())
def test_an_estimate_is_never_more_than_the_true_change(data):
    """The LP's value is convex in its bounds, so the reduced costs bound every change from
    below; the search prunes every move whose estimate is not negative on that ground.
    Checked at the warm start's sizes and at the sizes of half of it, where a team's size
    can often grow and the estimates are negative."""
    problem, m, roster, sizes = _first_plan(data)
    lp = build_lp(m, WEIGHTS, staffed=False)
    half = [a for a in roster[::2] if a not in problem.pinned] + list(problem.pinned)
    for start in (sizes, dict(Counter((a.department, a.slot) for a in half))):
        lp.fix_sizes(start)
        base = lp.solve(5)
        assert base is not None
        estimates = {(team, size): gain for gain, team, size in lp.estimates(start)}
        for team, size in list(estimates):
            lp.fix_sizes({**start, team: size})
            value = lp.solve(5)
            if value is not None:
                assert value - base >= estimates[(team, size)] - 1e-6
            lp.fix_sizes(start)
            lp.solve(5)


@EXAMPLES
@given(weeks())
def test_the_search_stops_only_where_no_move_lowers_the_lp(data):
    """Without restarts after random moves, whose best is the end of some descent, the
    search returns where its descent ended."""
    _, m, roster, sizes = _first_plan(data)
    lp = build_lp(m, WEIGHTS, staffed=False)
    lp.fix_sizes(sizes)
    start = lp.solve(5)
    with patch.object(team_sizes, "KICKS", 0):
        found = better_sizes(lp, sizes, time.perf_counter() + 60, 5)
    assert found is not None
    best, values = found
    lp.fix_sizes(best)
    value = lp.solve(5)
    assert value <= start + 1e-6
    assert value <= evaluate(m.problem, roster).objective(WEIGHTS) + 1e-6
    for team in lp.rows:
        members = sum(v for (_, did, slot), v in values.items() if (did, slot) == team)
        assert members == pytest.approx(best.get(team, 0), abs=1e-6)
    for moved in _pair_moves(lp, best):
        lp.fix_sizes(moved)
        other = lp.solve(5)
        assert other is None or other >= value - GAIN


@EXAMPLES
@given(weeks())
def test_the_lp_roster_keeps_the_rules_and_the_sizes(data):
    problem, m, _, sizes = _first_plan(data)
    lp = build_lp(m, WEIGHTS, staffed=False)
    lp.fix_sizes(sizes)
    assert lp.solve(5) is not None
    values = lp.values()
    followed = follow_lp(m, WEIGHTS, values, sizes)
    assert check(problem, followed) == []
    if all(min(v, 1 - v) < 1e-6 for v in values.values()):
        # A whole-numbered LP solution is a roster, and the flow takes it as it is.
        lp_roster = {key for key, v in values.items() if v > 0.5}
        assert lp_roster <= {(a.participant, a.department, a.slot) for a in followed}
    if not problem.avoid_pairs():
        # Without avoid pairs the flow at these sizes is exact: every team gets its size
        # (and more, where someone below contract may still join).
        got = Counter((a.department, a.slot) for a in followed)
        assert all(got[team] >= size for team, size in sizes.items())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weeks())
def test_a_large_week_solve_with_the_size_search_keeps_every_promise(data):
    """Random weeks are small; counted as large, they take the path with the size search."""
    problem = parse_problem({**data, "previous": []})
    assume(not check(problem, list(problem.pinned)))
    with patch.object(tuning, "SMALL_WEEK", 0):
        solution = solve(problem, time_limit=1.5)
    assert solution.status in ("optimal", "feasible")
    assert check(problem, solution.assignments) == []
    assert solution.penalties == evaluate(problem, solution.assignments).penalties
    assert solution.objective >= solution.best_bound


def test_the_lp_roster_follows_the_lp_where_the_flow_costs_differ():
    """p prefers a and wants to learn b. The flow charges each assignment outside a
    learning department the whole unmet visit, so alone it puts p in b on both days; the
    LP knows one visit is enough, and the roster follows it: a on one day, b on the other."""
    both_days = [("mon", "am"), ("tue", "am")]
    data = week([department("a", high=1), department("b", high=1)],
                [person("p", available=both_days, per_week=2, skills={"a": 2, "b": 2},
                        prefers=["a"], learning=["b"]),
                 person("q", available=both_days, per_week=2, skills={"a": 2, "b": 2})],
                days=("mon", "tue"))
    problem = parse_problem(data)
    m = build_model(problem, [])
    lp = build_lp(m, WEIGHTS, staffed=False)
    sizes = {(did, (day, "am")): 1 for did in "ab" for day in ("mon", "tue")}
    lp.fix_sizes(sizes)
    assert lp.solve(5) == 10
    followed = follow_lp(m, WEIGHTS, lp.values(), sizes)
    assert sorted(a.department for a in followed if a.participant == "p") == ["a", "b"]
    assert evaluate(problem, followed).objective(WEIGHTS) == 10


def test_an_avoid_clash_in_the_lp_roster_is_resolved_by_moving_others():
    """The values put p and q, who avoid each other, both in a. Refused there, q can only
    go to b, where r is: the flow runs again without q in a and moves r, so all three
    keep their daypart (refilling only the gap left q out)."""
    data = week([department("a", high=2), department("b", high=1)],
                [person("p", skills={"a": 2, "b": 0}), person("q", avoid=["p"]),
                 person("r")])
    problem = parse_problem(data)
    m = build_model(problem, [])
    values = {key: 0.0 for key in m.x}
    for pid, did in (("p", "a"), ("q", "a"), ("r", "b")):
        values[(pid, did, ("mon", "am"))] = 1.0
    sizes = {("a", ("mon", "am")): 2, ("b", ("mon", "am")): 1}
    followed = follow_lp(m, WEIGHTS, values, sizes)
    assert check(problem, followed) == []
    assert {(a.participant, a.department) for a in followed} == {
        ("p", "a"), ("r", "a"), ("q", "b")}
