"""Random small weeks: whatever the solver returns passes check() and matches evaluate();
infeasible exactly when the pins alone break a hard rule."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from scheduler import check, evaluate, parse_problem, solve
from scheduler.model import build_model
from scheduler.staffing import least_changes
from tests.scheduler.roster_factory import GROUPS

DAYS, PARTS, DEPTS = ["mon", "tue"], ["am", "pm"], ["a", "b", "c"]
SLOTS = [[d, p] for d in DAYS for p in PARTS]
# Contract version 2's cover, per department and on the site.
COVERS = [[], [{"certificate": "bhv", "min": 1}], [{"certificate": "vca", "min": 2}]]


@st.composite
def weeks(draw):
    people = [f"p{i}" for i in range(draw(st.integers(1, 6)))]
    departments = []
    for did in DEPTS:
        low = draw(st.integers(0, 3))
        departments.append({
            "id": did, "name": did, "outside": draw(st.booleans()),
            "requires": draw(st.sampled_from([[], ["vca"]])),
            "staffing": {"min": low, "max": low + draw(st.integers(0, 2))},
            "max_detainees": draw(st.sampled_from([None, 0, 1])),
            "mix": draw(st.sampled_from([{}, {"detainee": 0.3, "sw": 0.7}])),
            "cover": draw(st.sampled_from(COVERS)),
        })
    participants = [{
        "id": pid, "group": draw(st.sampled_from(GROUPS)),
        "clearance": draw(st.sampled_from(["inside", "outside"])),
        "certificates": draw(st.sampled_from([[], ["vca"], ["bhv"], ["vca", "bhv"]])),
        "skills": draw(st.dictionaries(st.sampled_from(DEPTS), st.integers(0, 3))),
        "available": draw(st.lists(st.sampled_from(SLOTS), unique_by=tuple)),
        "dayparts_per_week": draw(st.integers(0, 4)),
        "prefers": draw(st.lists(st.sampled_from(DEPTS), unique=True, max_size=2)),
        "learning": draw(st.lists(st.sampled_from(DEPTS), unique=True, max_size=1)),
        "avoid": draw(st.lists(st.sampled_from(people), unique=True, max_size=2)),
    } for pid in people]
    assignments = st.fixed_dictionaries({
        "participant": st.sampled_from(people), "department": st.sampled_from(DEPTS),
        "day": st.sampled_from(DAYS), "daypart": st.sampled_from(PARTS)})
    return {
        "days": DAYS, "dayparts": PARTS, "groups": GROUPS, "departments": departments,
        "participants": participants,
        "pinned": draw(st.lists(assignments, max_size=3)),
        "previous": draw(st.lists(assignments, max_size=4)),
        "site_cover": draw(st.sampled_from(COVERS[:2])),
        "mode": draw(st.sampled_from(["plan", "gap"])),
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weeks())
def test_solutions_pass_check_and_match_evaluate(data):
    problem = parse_problem(data)
    solution = solve(problem, time_limit=2.0)
    pins_break_rules = check(problem, list(problem.pinned))
    if solution.status == "infeasible":
        assert pins_break_rules and solution.explanation and not solution.assignments
        return
    assert not pins_break_rules
    assert solution.status in ("optimal", "feasible")
    assert check(problem, solution.assignments) == []
    assert solution.penalties == evaluate(problem, solution.assignments).penalties
    assert solution.objective >= solution.best_bound


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weeks())
def test_a_replan_flow_proves_only_what_cp_sat_confirms(data):
    """When the re-plan flow calls its (understaffing, changes) least, CP-SAT on the same
    hard rules finds nothing less."""
    problem = parse_problem(data)
    if check(problem, list(problem.pinned)) or not problem.previous:
        return
    steady = least_changes(build_model(problem))
    if not steady[1]:
        return
    roster, _ = steady
    assert check(problem, roster) == []
    found = evaluate(problem, roster).penalties
    lean = build_model(problem, ["understaffing", "changes"])
    rank = len(problem.participants) * len(problem.slots) + 1
    lean.model.Minimize(rank * lean.terms["understaffing"] + lean.terms["changes"])
    solver = cp_model.CpSolver()
    assert solver.Solve(lean.model) == cp_model.OPTIMAL
    assert rank * found["understaffing"] + found["changes"] == round(solver.ObjectiveValue())
