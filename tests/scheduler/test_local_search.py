"""The local search only ever keeps moves that keep the hard rules and the dayparts worked in all,
never raise the understaffing and do not raise the weighted penalties."""

import pytest
from hypothesis import HealthCheck, given, settings

from scheduler import Assignment, check, evaluate, parse_problem
from scheduler.local_search import improve
from scheduler.model import build_model
from scheduler.penalties import WEIGHTS
from scheduler.staffing import staff_minimums
from tests.scheduler.roster_factory import department, person, week
from tests.scheduler.test_properties import weeks


@pytest.mark.parametrize("kicks", [True, False])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weeks())
def test_moves_keep_the_rules_and_never_cost_more(kicks, data):
    """With kicks the search wanders through worse rosters; it still returns its best."""
    problem = parse_problem(data)
    if check(problem, list(problem.pinned)):
        return
    m = build_model(problem, [])
    start = staff_minimums(m, WEIGHTS).assignments
    improved = improve(m, start, WEIGHTS, seconds=0.2, kicks=kicks)
    assert check(problem, improved) == []
    before, after = evaluate(problem, start), evaluate(problem, improved)
    # A move into a team below its minimum may lower the understaffing (the warm start
    # can miss the least when avoid pairs clash), never raise it.
    assert after.penalties["understaffing"] <= before.penalties["understaffing"]
    assert len(improved) == len(start)
    assert after.objective(WEIGHTS) <= before.objective(WEIGHTS)
    pins = {(a.participant, a.department, a.slot) for a in problem.pinned}
    assert pins <= {(a.participant, a.department, a.slot) for a in improved}


def test_a_swap_puts_each_group_where_the_mix_wants_it():
    data = week([department("a", high=1, mix={"sw": 1.0}),
                 department("b", high=1, mix={"detainee": 1.0})],
                [person("s1"), person("d1", group="detainee")])
    problem = parse_problem(data)
    wrong = [Assignment("s1", "b", "mon", "am"), Assignment("d1", "a", "mon", "am")]
    assert evaluate(problem, wrong).penalties["mix"] == 4
    improved = improve(build_model(problem, []), wrong, WEIGHTS, seconds=1.0)
    assert {(a.participant, a.department) for a in improved} == {("s1", "a"), ("d1", "b")}


def test_a_shift_moves_a_daypart_to_where_the_skill_is():
    closed = [{"day": "mon", "daypart": "am", "max": 0}]
    data = week([department("a", overrides=closed), department("b")],
                [person("p1", available=[("mon", "am"), ("mon", "pm")], per_week=1,
                        skills={"a": 2})],
                dayparts=("am", "pm"))
    problem = parse_problem(data)
    start = [Assignment("p1", "b", "mon", "am")]
    improved = improve(build_model(problem, []), start, WEIGHTS, seconds=1.0)
    assert improved == [Assignment("p1", "a", "mon", "pm")]


def test_a_trade_swaps_dayparts_where_no_team_has_room():
    """Each team holds one person and each person works one daypart, so no shift has room
    and nobody is idle to step in: only p1 and p2 trading their dayparts helps."""
    morning_only = [{"day": "mon", "daypart": "pm", "max": 0}]
    afternoon_only = [{"day": "mon", "daypart": "am", "max": 0}]
    both = [("mon", "am"), ("mon", "pm")]
    data = week([department("a", high=1, overrides=morning_only),
                 department("b", high=1, overrides=afternoon_only)],
                [person("p1", available=both, per_week=1, skills={"b": 2}),
                 person("p2", available=both, per_week=1, skills={"a": 2})],
                dayparts=("am", "pm"))
    problem = parse_problem(data)
    start = [Assignment("p1", "a", "mon", "am"), Assignment("p2", "b", "mon", "pm")]
    improved = improve(build_model(problem, []), start, WEIGHTS, seconds=1.0)
    assert sorted(improved) == [Assignment("p1", "b", "mon", "pm"),
                                Assignment("p2", "a", "mon", "am")]
