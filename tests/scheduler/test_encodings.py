"""Each soft term is encoded in several places; on random weeks and random rosters they
must agree: CP-SAT's value of a fixed roster = evaluate() = the local search's running
cost after any number of moves, SCIP's whole model at the roster = evaluate() (bar the
terms it leaves to others), and neither the LP nor the flow bound is above any roster."""

import random

from hypothesis import HealthCheck, given, settings
from ortools.sat.python import cp_model

from scheduler import WEIGHTS, Assignment, check, evaluate, face, parse_problem
from scheduler.bound import build_lp
from scheduler.daypart_flow import best_dayparts
from scheduler.local_search import _random_try, _State
from scheduler.model import build_model
from scheduler.penalties import TERMS, objective_value
from scheduler.staffing import _Roster, rest_bound, staff_minimums
from tests.scheduler.test_properties import weeks

EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The local search and the LP leave understaffing to the stage before them; the LP and the
# bound flow count changes as 0 (stability of a re-plan is ranked apart).
APART = ("understaffing", "changes")


def _rosters(problem, m, seed: int) -> list[list[Assignment]]:
    """The warm start, and random rosters that keep the hard rules (pins first)."""
    rng = random.Random(seed)
    rosters = [staff_minimums(m, WEIGHTS).assignments]
    keys = sorted(m.x)
    for _ in range(3):
        grown = _Roster(problem)
        for a in problem.pinned:
            grown.add_if_valid(a)
        for key in rng.sample(keys, len(keys)):
            if rng.random() < 0.7:
                grown.add_if_valid(Assignment(key[0], key[1], *key[2]))
        rosters.append(grown.assignments)
    return rosters


def _without(penalties: dict[str, int], terms) -> int:
    return objective_value({**penalties, **dict.fromkeys(terms, 0)}, WEIGHTS)


def _cp_sat_terms(problem, roster) -> dict[str, int]:
    m = build_model(problem)
    chosen = {(a.participant, a.department, a.slot) for a in roster}
    for key, var in m.x.items():
        m.model.Add(var == int(key in chosen))
    solver = cp_model.CpSolver()
    assert solver.Solve(m.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return {t: int(solver.Value(m.terms[t])) for t in TERMS}


def _whole_model_at(m, roster) -> float:
    mip = build_lp(m, WEIGHTS, staffed=False, whole=True)
    chosen = {(a.participant, a.department, a.slot) for a in roster}
    for key, var in mip.x.items():
        var.SetBounds(int(key in chosen), int(key in chosen))
    value = mip.solve(10)
    assert value is not None
    return value


@EXAMPLES
@given(weeks())
def test_every_encoding_prices_a_roster_as_evaluate_does(data):
    problem = parse_problem(data)
    if check(problem, list(problem.pinned)):
        return
    m = build_model(problem, [])
    lp = build_lp(m, WEIGHTS, staffed=False).solve(10)
    flow = rest_bound(m, WEIGHTS, staffed=False)
    for roster in _rosters(problem, m, seed=len(m.x)):
        assert check(problem, roster) == []
        penalties = evaluate(problem, roster).penalties
        assert _cp_sat_terms(problem, roster) == penalties
        rest = _without(penalties, APART)
        assert lp is not None and lp <= rest + 1e-6
        assert flow <= rest
        if face.available():
            assert abs(_whole_model_at(m, roster) - rest) < 1e-4
        state = _State(m, roster, WEIGHTS)
        assert state.cost() == _without(penalties, ["understaffing"])


@EXAMPLES
@given(weeks())
def test_the_local_search_cost_follows_every_move(data):
    """Moves kept whatever they cost (as in a kick): after each, the running cost built
    from the moves' deltas is the roster's evaluation."""
    problem = parse_problem(data)
    if check(problem, list(problem.pinned)):
        return
    m = build_model(problem, [])
    state = _State(m, staff_minimums(m, WEIGHTS).assignments, WEIGHTS)
    state.tolerance = float("inf")
    candidates = {team: [p.id for p, _ in members] for team, members in m.teams.items()}
    by_slot = {}
    for team in candidates:
        by_slot.setdefault(team[1], []).append(team)
    slots = sorted(by_slot)
    rng = random.Random(1)
    for _ in range(60 if slots else 0):
        _random_try(state, rng, slots, by_slot, candidates)
        roster = state.roster()
        assert check(problem, roster) == []
        penalties = evaluate(problem, roster).penalties
        assert state.cost() == _without(penalties, ["understaffing"])


@EXAMPLES
@given(weeks())
def test_a_daypart_flow_placement_is_never_worse_than_the_present_one(data):
    """The flow prices everything but unsupported learners and cover (which the local
    search's cost judges): what it places costs at most what was there. Exactness is held
    against brute force in test_daypart_flow, which fails when the fair shortfall is mispriced."""
    problem = parse_problem(data)
    if check(problem, list(problem.pinned)):
        return
    m = build_model(problem, [])
    roster = staff_minimums(m, WEIGHTS).assignments
    place = {(a.participant, a.slot): a.department for a in roster}
    outside = {**WEIGHTS, "unsupported_learner": 0, "uncovered": 0}
    before = evaluate(problem, roster).objective(outside)
    for slot in problem.slots:
        placed = best_dayparts(m, WEIGHTS, place, (slot,))
        if placed is None:
            continue
        after = [Assignment(pid, did, *at) for (pid, at), did in placed.items()]
        assert check(problem, after) == []
        assert evaluate(problem, after).objective(outside) <= before
