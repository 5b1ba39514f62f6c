"""Each soft term is encoded in several places; on random weeks and random rosters, under
the contract's weights and under random positive ones, they must agree: CP-SAT's value
of a fixed roster = evaluate() = the local search's running cost after any number of
moves, SCIP's whole model at the roster = evaluate() (bar the terms it leaves to others),
neither the LP nor the flow bound is above any roster, and the daypart flow never makes a
roster worse. Re-plans against a roster that keeps the hard rules make the changes term
count in all of them; and every term has its CP-SAT function, its evaluation and a weight."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from scheduler import WEIGHTS, Assignment, check, evaluate, face, parse_problem
from scheduler.bound import build_lp
from scheduler.daypart_flow import best_dayparts
from scheduler.evaluate import TERM_ITEMS
from scheduler.evaluate import _Roster as _Indexed
from scheduler.local_search import _random_try, _State
from scheduler.model import build_model
from scheduler.penalties import TERM_FUNCTIONS, TERMS, objective_value
from scheduler.staffing import _Roster, rest_bound, staff_minimums
from tests.scheduler.test_properties import weeks

EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The local search and the LP leave understaffing to the stage before them; the LP and the
# bound flow count changes as 0 (stability of a re-plan is ranked apart).
APART = ("understaffing", "changes")
# GLOP's tolerance, relative to the LP's value.
TOLERANCE = 1e-6


def _random_roster(problem, m, rng: random.Random) -> list[Assignment]:
    """A roster that keeps the hard rules: the pins, then about 70 % of the rest at random."""
    grown = _Roster(problem)
    for a in problem.pinned:
        grown.add_if_valid(a)
    for key in rng.sample(sorted(m.x), len(m.x)):
        if rng.random() < 0.7:
            grown.add_if_valid(Assignment(key[0], key[1], *key[2]))
    return grown.assignments


@st.composite
def replans(draw):
    """A gap re-plan of a week against a roster of it that keeps the hard rules (without
    its pins, plus a few of weeks()'s random previous assignments), so that most changes
    are real choices."""
    data = draw(weeks())
    problem = parse_problem({**data, "pinned": []})
    rng = random.Random(draw(st.integers(0, 2**16)))
    previous = _random_roster(problem, build_model(problem, []), rng)
    noise = data["previous"][:draw(st.integers(0, len(data["previous"])))]
    return {**data, "mode": "gap", "previous": [a.to_json() for a in previous] + noise}


def random_weights():
    """A positive weight per term, in no particular order of tiers."""
    return st.fixed_dictionaries({term: st.integers(1, 5_000) for term in TERMS})


WEEKS = st.one_of(weeks(), replans())


def _rosters(problem, m, seed: int) -> list[list[Assignment]]:
    """The warm start, and random rosters that keep the hard rules (pins first)."""
    rng = random.Random(seed)
    return [staff_minimums(m, WEIGHTS).assignments,
            *(_random_roster(problem, m, rng) for _ in range(3))]


def _without(penalties: dict[str, int], terms, weights) -> int:
    return objective_value({**penalties, **dict.fromkeys(terms, 0)}, weights)


def _cp_sat_terms(problem, roster, weights) -> tuple[dict[str, int], int]:
    """CP-SAT's terms at the roster, and its weighted objective there."""
    m = build_model(problem)
    chosen = {(a.participant, a.department, a.slot) for a in roster}
    for key, var in m.x.items():
        m.model.Add(var == int(key in chosen))
    solver = cp_model.CpSolver()
    assert solver.Solve(m.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    weighted = sum(weights[t] * m.terms[t] for t in TERMS)
    return {t: int(solver.Value(m.terms[t])) for t in TERMS}, int(solver.Value(weighted))


def _whole_model_at(m, roster, weights) -> float:
    mip = build_lp(m, weights, staffed=False, whole=True)
    chosen = {(a.participant, a.department, a.slot) for a in roster}
    for key, var in mip.x.items():
        var.SetBounds(int(key in chosen), int(key in chosen))
    value = mip.solve(10)
    assert value is not None
    return value


def _teams_by_slot(m):
    candidates = {team: [p.id for p, _ in members] for team, members in m.teams.items()}
    by_slot = {}
    for team in candidates:
        by_slot.setdefault(team[1], []).append(team)
    return candidates, by_slot


def test_every_term_has_an_encoding_an_evaluation_and_a_weight():
    """A term named in one place only fails here until it is in all of them."""
    assert list(TERM_FUNCTIONS) == list(TERMS)
    assert list(TERM_ITEMS) == list(TERMS)
    assert sorted(WEIGHTS) == sorted(TERMS)
    assert all(weight > 0 for weight in WEIGHTS.values())


@EXAMPLES
@given(WEEKS, random_weights())
def test_every_encoding_prices_a_roster_as_evaluate_does(data, drawn):
    problem = parse_problem(data)
    if check(problem, list(problem.pinned)):
        return
    m = build_model(problem, [])
    for weights in (WEIGHTS, drawn):
        lp = build_lp(m, weights, staffed=False).solve(10)
        flow = rest_bound(m, weights, staffed=False)
        for roster in _rosters(problem, m, seed=len(m.x)):
            assert check(problem, roster) == []
            evaluation = evaluate(problem, roster)
            penalties = evaluation.penalties
            indexed = _Indexed(problem, roster)
            assert all(item.term == term for term, items in TERM_ITEMS.items()
                       for item in items(problem, indexed))
            terms, weighted = _cp_sat_terms(problem, roster, weights)
            assert terms == penalties
            assert weighted == evaluation.objective(weights)
            rest = _without(penalties, APART, weights)
            assert lp is not None and lp <= rest + TOLERANCE * (1 + rest)
            assert flow <= rest
            if face.available():
                assert abs(_whole_model_at(m, roster, weights) - rest) < TOLERANCE * (1 + rest)
            state = _State(m, roster, weights)
            assert state.cost() == _without(penalties, ["understaffing"], weights)


@EXAMPLES
@given(WEEKS, random_weights())
def test_the_local_search_cost_follows_every_move(data, drawn):
    """Moves kept whatever they cost (as in a kick): after each, the running cost built
    from the moves' deltas is the roster's evaluation."""
    problem = parse_problem(data)
    if check(problem, list(problem.pinned)):
        return
    m = build_model(problem, [])
    candidates, by_slot = _teams_by_slot(m)
    slots = sorted(by_slot)
    for weights in (WEIGHTS, drawn):
        state = _State(m, staff_minimums(m, weights).assignments, weights)
        state.tolerance = float("inf")
        rng = random.Random(1)
        for _ in range(40 if slots else 0):
            _random_try(state, rng, slots, by_slot, candidates)
            roster = state.roster()
            assert check(problem, roster) == []
            penalties = evaluate(problem, roster).penalties
            assert state.cost() == _without(penalties, ["understaffing"], weights)


@EXAMPLES
@given(WEEKS, random_weights())
def test_a_daypart_flow_placement_is_never_worse_than_the_present_one(data, drawn):
    """The flow prices everything but unsupported learners and cover (which the local
    search's cost judges): what it places costs at most what was there. Exactness is held
    against brute force in test_daypart_flow, which fails when the fair shortfall is mispriced."""
    problem = parse_problem(data)
    if check(problem, list(problem.pinned)):
        return
    m = build_model(problem, [])
    for weights in (WEIGHTS, drawn):
        roster = staff_minimums(m, weights).assignments
        place = {(a.participant, a.slot): a.department for a in roster}
        outside = {**weights, "unsupported_learner": 0, "uncovered": 0}
        before = evaluate(problem, roster).objective(outside)
        for slot in problem.slots:
            placed = best_dayparts(m, weights, place, (slot,))
            if placed is None:
                continue
            after = [Assignment(pid, did, *at) for (pid, at), did in placed.items()]
            assert check(problem, after) == []
            assert evaluate(problem, after).objective(outside) <= before
