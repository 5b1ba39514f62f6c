"""A roster reported `optimal` is as good as the best of every possible roster."""

from itertools import product

from scheduler import WEIGHTS, Assignment, check, evaluate, parse_problem
from scheduler.bound import build_lp, rounded_bound
from scheduler.model import build_model
from scheduler.staffing import rest_bound
from tests.scheduler.roster_factory import department, person, solved, week

SLOTS = [("mon", "am"), ("mon", "pm")]


def test_optimal_equals_brute_force():
    data = week(
        [department("a", low=1, high=2, mix={"detainee": 0.5, "sw": 0.5}),
         department("b", high=1, mix={"sw": 1.0})],
        [person("d1", group="detainee", available=SLOTS, per_week=2, skills={"a": 1}),
         person("s1", available=SLOTS, per_week=1, skills={"a": 2}, prefers=["b"]),
         person("s2", available=SLOTS[:1], per_week=1, learning=["b"], avoid=["s1"])],
        dayparts=("am", "pm"))
    problem = parse_problem(data)
    cells = [(p.id, slot) for p in problem.participants for slot in problem.slots]
    best = None
    for choice in product([None, "a", "b"], repeat=len(cells)):
        assignments = [Assignment(pid, did, *slot)
                       for (pid, slot), did in zip(cells, choice, strict=True) if did]
        if check(problem, assignments):
            continue
        value = evaluate(problem, assignments).objective()
        best = value if best is None else min(best, value)
    assert solved(data).objective == best
    # Both bounds of our own stay at or below the best roster (no understaffing here).
    m = build_model(problem)
    for staffed in (False, True):
        assert 0 < rest_bound(m, WEIGHTS, staffed) <= best
        assert 0 < rounded_bound(build_lp(m, WEIGHTS, staffed).solve(5)) <= best
