"""The daypart flow places a whole daypart at once: exactly as well as trying every
placement would (bar unsupported learners), under any positive weights, and never at the
cost of a hard rule."""

import itertools
from collections import Counter

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from scheduler import Assignment, check, evaluate, parse_problem
from scheduler.daypart_flow import best_dayparts
from scheduler.local_search import improve
from scheduler.model import build_model
from scheduler.penalties import WEIGHTS
from scheduler.staffing import staff_minimums
from tests.scheduler.roster_factory import department, person, roster, week
from tests.scheduler.test_encodings import random_weights
from tests.scheduler.test_properties import weeks

# The flow leaves unsupported learners out; the brute force below does the same.
NO_LEARNER_TERM = {**WEIGHTS, "unsupported_learner": 0}
NO_VISIT_TERMS = {**NO_LEARNER_TERM, "unmet_learning": 0}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weeks())
def test_the_flow_pass_keeps_the_rules_and_never_costs_more(data):
    problem = parse_problem(data)
    if check(problem, list(problem.pinned)):
        return
    m = build_model(problem, [])
    start = staff_minimums(m, WEIGHTS).assignments
    placed = improve(m, start, WEIGHTS, seconds=0)
    assert check(problem, placed) == []
    before, after = evaluate(problem, start), evaluate(problem, placed)
    # The flow keeps the team sizes: who works may change (the fair shortfall prices it).
    assert after.penalties["understaffing"] == before.penalties["understaffing"]
    assert len(placed) == len(start)
    assert after.objective(WEIGHTS) <= before.objective(WEIGHTS)
    assert set(problem.pinned) <= set(placed)


@st.composite
def busy_week(draw, days=("mon",), dayparts=("am", "pm"), most=5):
    """Dayparts where everyone has choices, and a random roster of them."""
    depts = ["a", "b", "c"]
    mixed = {"detainee": 0.3, "sw": 0.7}
    slots = [(day, part) for day in days for part in dayparts]
    people = [{
        "id": f"p{i}", "group": draw(st.sampled_from(["detainee", "sw", "participatiewet"])),
        "available": [list(slot) for slot in slots],
        "dayparts_per_week": draw(st.integers(1, 2)),
        "skills": draw(st.dictionaries(st.sampled_from(depts), st.integers(0, 3))),
        "prefers": draw(st.lists(st.sampled_from(depts), unique=True, max_size=2)),
        "learning": draw(st.lists(st.sampled_from(depts), unique=True, max_size=1)),
    } for i in range(draw(st.integers(2, most)))]
    data = week([department(d, high=draw(st.integers(1, 3)),
                            mix=draw(st.sampled_from([{}, mixed]))) for d in depts],
                people, days=days, dayparts=dayparts)
    choices = st.sampled_from([None, *depts])
    start = [Assignment(p["id"], did, *slot) for p in people for slot in slots
             if (did := draw(choices))]
    previous = [a.to_json() for a in start if draw(st.booleans())]
    return {**data, "previous": previous}, start


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(busy_week(), random_weights())
def test_a_daypart_is_placed_as_well_as_every_placement_tried(case, drawn):
    """Brute force over everyone's choices in one daypart (idle or any team they may join),
    with the teams at their present sizes and the other daypart held; under the contract's
    weights and random ones."""
    data, start = case
    problem = parse_problem(data)
    assume(check(problem, start) == [])
    m = build_model(problem, [])
    for weights in (NO_LEARNER_TERM, {**drawn, "unsupported_learner": 0}):
        for slot in problem.slots:
            place = {(a.participant, a.slot): a.department for a in start}
            flowed = best_dayparts(m, weights, place, (slot,))
            if flowed is None:
                continue
            best = _cost(problem, flowed, weights)
            assert best <= _cost(problem, place, weights)
            assert best == min(_every_placement(m, place, (slot,), problem, weights))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(busy_week(days=("mon", "tue"), dayparts=("am",), most=3), random_weights())
def test_two_dayparts_are_placed_as_well_as_every_placement_tried(case, drawn):
    """Two mornings at once, where people may also trade which of them they work. A
    learning visit made in both would count twice, so the brute force prices none."""
    data, start = case
    problem = parse_problem(data)
    assume(check(problem, start) == [])
    m = build_model(problem, [])
    place = {(a.participant, a.slot): a.department for a in start}
    slots = tuple(problem.slots)
    for weights in (NO_VISIT_TERMS, {**drawn, "unsupported_learner": 0, "unmet_learning": 0}):
        flowed = best_dayparts(m, weights, place, slots)
        assume(flowed is not None)
        best = _cost(problem, flowed, weights)
        assert best == min(_every_placement(m, place, slots, problem, weights))


def _flowed(problem, start: list[Assignment]) -> list[Assignment]:
    """Each daypart placed anew by the flow in turn, as the local search's first pass does,
    with no moves that could mend the roster one person at a time."""
    m = build_model(problem, [])
    place = {(a.participant, a.slot): a.department for a in start}
    for slot in problem.slots:
        placed = best_dayparts(m, WEIGHTS, place, (slot,))
        if placed is not None:
            place = {key: did for key, did in place.items() if key[1] != slot} | placed
    return sorted(Assignment(pid, did, *slot) for (pid, slot), did in place.items())


def _cost(problem, place, weights) -> int:
    week_roster = [Assignment(pid, did, *slot) for (pid, slot), did in place.items()]
    assert check(problem, week_roster) == []
    return evaluate(problem, week_roster).objective(weights)


def _every_placement(m, place, slots, problem, weights):
    sizes = Counter((did, s) for (_, s), did in place.items() if s in slots)
    pinned = {(a.participant, a.slot): a.department for a in problem.pinned}
    held = {key: did for key, did in place.items() if key[1] not in slots}
    seats = [(p.id, slot) for p in problem.participants for slot in slots]
    options = [[pinned[seat]] if seat in pinned else [None, *m.places.get(seat, {})]
               for seat in seats]
    for choice in itertools.product(*options):
        trial = {seat: did for seat, did in zip(seats, choice, strict=True) if did}
        if Counter((did, s) for (_, s), did in trial.items()) != sizes:
            continue
        week_roster = [Assignment(pid, did, *s) for (pid, s), did in {**held, **trial}.items()]
        if check(problem, week_roster) == []:
            yield evaluate(problem, week_roster).objective(weights)


def test_three_people_rotate_to_their_skills_at_once():
    """Each is one team off; the flow turns all three, where a swap mends one at a time."""
    data = week([department(d, high=1) for d in "abc"],
                [person("p1", skills={"b": 2}), person("p2", skills={"c": 2}),
                 person("p3", skills={"a": 2})])
    problem = parse_problem(data)
    wrong = roster(("p1", "a"), ("p2", "b"), ("p3", "c"))
    placed = _flowed(problem, wrong)
    assert placed == roster(("p1", "b"), ("p2", "c"), ("p3", "a"))


def test_an_idle_person_below_contract_takes_the_place_they_are_skilled_for():
    data = week([department("a", high=1)],
                [person("p1", per_week=1, skills={"a": 0}), person("p2", per_week=1,
                                                                   skills={"a": 2})])
    problem = parse_problem(data)
    placed = _flowed(problem, roster(("p1", "a")))
    assert placed == roster(("p2", "a"))


def test_the_mix_is_priced_per_person_outside_it():
    mixed = {"sw": 0.5, "detainee": 0.5}
    data = week([department("a", high=2, mix=mixed), department("b", high=2, mix=mixed)],
                [person("s1"), person("s2"), person("d1", group="detainee"),
                 person("d2", group="detainee")])
    problem = parse_problem(data)
    apart = roster(("s1", "a"), ("s2", "a"), ("d1", "b"), ("d2", "b"))
    placed = _flowed(problem, apart)
    assert evaluate(problem, placed).penalties["mix"] == 0


def test_pinned_people_and_avoid_partners_keep_their_place():
    data = week([department(d, high=1) for d in "abc"],
                [person("p1", skills={"b": 2}), person("p2", skills={"c": 2}, avoid=["p9"]),
                 person("p3", skills={"a": 2}), person("p9")],
                pinned=[{"participant": "p1", "department": "a", "day": "mon",
                         "daypart": "am"}])
    problem = parse_problem(data)
    wrong = roster(("p1", "a"), ("p2", "b"), ("p3", "c"))
    assert _flowed(problem, wrong) == wrong


def test_a_group_short_of_its_share_costs_even_where_nobody_is_over_theirs():
    """A team of 3 at 50/50 may hold 1 or 2 of each group, so 3 sw and no detainee is one
    too many sw and one detainee short: 200. Bringing d1 in costs 115 (unskilled and
    unpreferred in a, a switch with his afternoon in b; s3 the same in b without the
    switch), which only pays when the shortfall is priced as well as the excess."""
    closed = [{"day": "mon", "daypart": "pm", "max": 0}]
    sw = {"skills": {"a": 2, "b": 0}, "prefers": ["a"]}
    data = week([department("a", high=3, mix={"sw": 0.5, "detainee": 0.5}, overrides=closed),
                 department("b", high=1)],
                [person("s1", **sw), person("s2", **sw), person("s3", **sw),
                 person("d1", group="detainee", available=[("mon", "am"), ("mon", "pm")],
                        skills={"a": 0, "b": 2}, prefers=["b"])],
                dayparts=("am", "pm"))
    problem = parse_problem(data)
    start = roster(("s1", "a"), ("s2", "a"), ("s3", "a"), ("d1", "b"),
                   ("d1", "b", "mon", "pm"))
    placed = _flowed(problem, start)
    assert evaluate(problem, placed).penalties["mix"] == 0
    assert Assignment("d1", "a", "mon", "am") in placed
