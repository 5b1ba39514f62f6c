"""The same week gives the same roster whatever Python's hash seed (issue 21).

Sets of strings iterate in an order that PYTHONHASHSEED decides; where such an order
becomes the order of CP-SAT's variables, GLOP's rows, a flow's arcs or the local search's
random draws, two runs of one week part ways. Each piece of the solve runs here in
processes with different seeds, and what each produces must be the same.
"""

import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from bench.solver import generate
from scheduler import WEIGHTS, check, evaluate, explain, parse_problem, solve
from scheduler.bound import build_lp
from scheduler.daypart_flow import best_dayparts
from scheduler.dive import whole_sizes
from scheduler.local_search import _place_all, _random_try, _State
from scheduler.model import build_model
from scheduler.staffing import least_changes, rest_bound, staff_minimums

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ("1", "2", "3")
MOVES = 3_000


def _week() -> dict:
    """60 people with everything whose order a set could decide: several learning goals,
    certificates that covers ask for, avoid pairs and a previous roster to change."""
    data = generate(60, seed=21)
    rng = random.Random(21)
    ids = [p["id"] for p in data["participants"]]
    departments = [d["id"] for d in data["departments"]]
    for p in data["participants"]:
        p["learning"] = rng.sample(departments, rng.choice([0, 1, 2, 3]))
        p["prefers"] = rng.sample(departments, rng.choice([0, 2, 3]))
        p["avoid"] = rng.sample(ids, rng.choice([0, 0, 1, 2]))
    for d in data["departments"]:
        d["cover"] = [{"certificate": "vca", "min": 1}, {"certificate": "hygiene", "min": 1}]
    data["site_cover"] = [{"certificate": "forklift", "min": 2}]
    data["previous"] = [
        {"participant": p["id"], "department": rng.choice(departments), "day": day, "daypart": part}
        for p in data["participants"] for day, part in p["available"][:3]
    ]
    return data


def _digest(value) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def fingerprint() -> dict[str, str]:
    """A digest of what each piece produces on the week; run once per hash seed."""
    problem = parse_problem(_week())
    m = build_model(problem)
    found = {"cp-sat model": _digest(str(m.model.Proto()))}
    warm = staff_minimums(m, WEIGHTS).assignments
    found["warm start"] = _digest(warm)
    found["evaluate"] = _digest(evaluate(problem, warm).details)
    found["check"] = _digest(check(problem, [*warm, *problem.previous]))
    pinned = parse_problem({**_week(), "pinned": _week()["previous"][:20]})
    found["explain"] = _digest(explain(pinned))
    found["re-plan flow"] = _digest(least_changes(m))
    found["flow bound"] = _digest([rest_bound(m, WEIGHTS, staffed) for staffed in (False, True)])
    lp = build_lp(build_model(problem, []), WEIGHTS, staffed=False)
    value = lp.solve(10)
    found["lp value"] = _digest(value)
    found["lp solution"] = _digest(sorted(lp.values().items()))
    found["dive sizes"] = _digest(sorted(whole_sizes(lp, time.perf_counter() + 100)[0].items()))
    place = {(a.participant, a.slot): a.department for a in warm}
    found["daypart flow"] = _digest(best_dayparts(m, WEIGHTS, place, (problem.slots[0],)))
    found["local search"] = _digest(_search(m, warm))
    return found


def _search(m, warm) -> list:
    """One pass of the daypart flow, then a fixed number of seeded random moves."""
    state = _State(m, warm, WEIGHTS)
    _place_all(state, time.perf_counter() + 100)
    candidates = {team: [p.id for p, _ in members] for team, members in m.teams.items()}
    by_slot = {}
    for team in candidates:
        by_slot.setdefault(team[1], []).append(team)
    slots = [slot for slot in m.problem.slots if slot in by_slot]
    rng = random.Random(1)
    for _ in range(MOVES):
        _random_try(state, rng, slots, by_slot, candidates)
    return [state.cost(), state.roster()]


def solved() -> dict[str, str]:
    """A whole solve of a tight week whose phases all end by themselves, CP-SAT (whose
    workers race) left out: what the pipeline hands on from phase to phase is the same."""
    solution = solve(generate(40, seed=3), time_limit=30, skip=["cp-sat"])
    return {"solve": _digest((solution.status, solution.objective, solution.best_bound,
                              solution.found_by, solution.assignments))}


def _fingerprints(what: str = "fingerprint") -> dict[str, dict[str, str]]:
    """`what` in one process per hash seed, side by side."""
    code = f"import json, tests.scheduler.test_determinism as t; print(json.dumps(t.{what}()))"
    runs = {seed: subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, text=True,
                                   env={**os.environ, "PYTHONHASHSEED": seed},
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for seed in SEEDS}
    found = {}
    for seed, run in runs.items():
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        found[seed] = json.loads(out.splitlines()[-1])
    return found


def test_every_piece_is_the_same_under_every_hash_seed():
    _same(_fingerprints())


def test_a_solve_is_the_same_under_every_hash_seed():
    _same(_fingerprints("solved"))


def _same(found: dict[str, dict[str, str]]) -> None:
    first = found[SEEDS[0]]
    for seed in SEEDS[1:]:
        differ = sorted(piece for piece in first if first[piece] != found[seed][piece])
        assert not differ, f"PYTHONHASHSEED={SEEDS[0]} and ={seed} differ in {differ}"
