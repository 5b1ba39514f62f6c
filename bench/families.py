"""Generated weeks for the solver benchmark: our own week, and families of weeks unlike it.

`generate` draws a week like the workshop's (issue 20); each family (issue 21) is one small
transform of that week with its own random stream, so `today` is the generator's week to
the letter and every family shares its people, departments and availability.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable

from scheduler import parse_problem
from scheduler.constraints import may_work
from scheduler.problem import Problem, Slot

DAYS = ["mon", "tue", "wed", "thu", "fri"]
DAYPARTS = ["am", "pm"]
GROUPS = {"detainee": 0.2, "participatiewet": 0.4, "status_holder": 0.2, "sw": 0.2}
# id, name, outside, requires, share of the workforce, max detainees per person of max
DEPARTMENTS = [
    ("packaging", "Verpakking", False, [], 0.25, 0.3),
    ("assembly", "Montage", False, [], 0.2, 0.3),
    ("warehouse", "Magazijn", False, ["forklift"], 0.15, 0.25),
    ("kitchen", "Keuken", False, ["hygiene"], 0.1, 0.2),
    ("green", "Groenvoorziening", True, ["vca"], 0.15, 0.25),
    ("cleaning", "Schoonmaak", True, [], 0.15, 0.25),
]
CERTIFICATES = {"vca": 0.4, "forklift": 0.3, "hygiene": 0.35}

# scarce: the share of certificate holders kept (vca 40 % -> 8 %, forklift 30 % -> 6 %),
# so the departments that require one can hardly be filled.
SCARCE_CERTIFICATES = 0.2
# scarce: the share of skill levels 2-3 kept, the rest drop to 1, so few can support a
# learner (today half of the skills listed are 2 or more).
SCARCE_SKILLED = 0.15
# scarce: a first-aid certificate held by few, of which every daypart wants two on site
# (contract version 2's site_cover), so even the cover is short.
FIRST_AID, FIRST_AID_SHARE, FIRST_AID_COVER = "bhv", 0.05, 2
# avoid: the share of people who name avoid partners, and how many each (issue 21: 30-40 %
# of people with 1-3 partners; today 5 % with one).
AVOID_SHARE = 0.35
AVOID_PARTNERS = (1, 3)
# part-time: contracts in dayparts, mostly 2-4 and some 1 (issue 21; today 4-8).
PART_TIME_CONTRACTS = [1, 2, 2, 3, 3, 4, 4, 4]
# closures: the share of department-dayparts closed (max 0), and of the others whose
# minimum and maximum move to between half and one and a half times the usual.
CLOSED_SHARE = 0.15
MOVED_SHARE = 0.3
MOVE_RANGE = (0.5, 1.5)
# closures: the share of people with one pinned daypart, as a manager fixes a few by hand.
PINNED_SHARE = 0.05
# short: the sum of minimums in each daypart over the people available in it, so
# understaffing is unavoidable everywhere and not only in a few teams.
SHORT_DEMAND = 1.2

Transform = Callable[[dict, random.Random], None]


def generate(size: int, seed: int) -> dict:
    """A realistic week: supply slightly above total minimum staffing, some contention."""
    rng = random.Random(seed)
    supply_per_slot = size * 0.62
    departments = []
    for did, name, outside, requires, share, detainee_share in DEPARTMENTS:
        high = max(2, round(supply_per_slot * share * 1.15))
        departments.append({
            "id": did, "name": name, "outside": outside, "requires": requires,
            "staffing": {"min": max(1, round(high * 0.7)), "max": high},
            "overrides": [{"day": "fri", "daypart": "pm", "min": 0, "max": 0}]
            if did in ("green", "kitchen") else [],
            "max_detainees": max(1, round(high * detainee_share)),
            "mix": {"detainee": 0.2, "participatiewet": 0.4, "status_holder": 0.2, "sw": 0.2},
        })
    ids = [f"p{i:04d}" for i in range(size)]
    participants = []
    for pid in ids:
        group = rng.choices(list(GROUPS), weights=list(GROUPS.values()))[0]
        slots = [[d, p] for d in DAYS for p in DAYPARTS if rng.random() < 0.8]
        skills = {d[0]: rng.choice([0, 0, 1, 2, 2, 3]) for d in DEPARTMENTS if rng.random() < 0.6}
        participants.append({
            "id": pid, "name": f"Deelnemer {pid[1:]}", "group": group,
            "clearance": rng.choice(["inside", "inside", "outside"]),
            "certificates": [c for c, p in CERTIFICATES.items() if rng.random() < p],
            "skills": skills,
            "available": slots,
            "dayparts_per_week": rng.choice([4, 6, 6, 8]),
            "prefers": rng.sample([d[0] for d in DEPARTMENTS], rng.choice([0, 1, 1, 2])),
            "learning": rng.sample([d[0] for d in DEPARTMENTS], rng.choice([0, 0, 1])),
            "avoid": [rng.choice(ids)] if rng.random() < 0.05 else [],
        })
    return {
        "week": "2026-W49", "days": DAYS, "dayparts": DAYPARTS, "groups": list(GROUPS),
        "departments": departments, "participants": participants,
    }


def week(family: str, size: int, seed: int) -> dict:
    """The generated week of `size` people and `seed`, transformed into `family`'s kind."""
    data = generate(size, seed)
    FAMILIES[family](data, random.Random(f"{family}:{seed}"))
    return data


def today(data: dict, rng: random.Random) -> None:
    """The generator's week as it is."""


def scarce(data: dict, rng: random.Random) -> None:
    """Few hold the certificates departments require, few are skilled, and first aid on site
    rests on a handful of people."""
    for p in data["participants"]:
        p["certificates"] = [c for c in p["certificates"] if rng.random() < SCARCE_CERTIFICATES]
        if rng.random() < FIRST_AID_SHARE:
            p["certificates"].append(FIRST_AID)
        p["skills"] = {d: level if level < 2 or rng.random() < SCARCE_SKILLED else 1
                       for d, level in p["skills"].items()}
    data["site_cover"] = [{"certificate": FIRST_AID, "min": FIRST_AID_COVER}]


def avoid(data: dict, rng: random.Random) -> None:
    """Many avoid pairs: a third of the people name one to three others."""
    ids = [p["id"] for p in data["participants"]]
    for p in data["participants"]:
        if rng.random() < AVOID_SHARE:
            others = [other for other in ids if other != p["id"]]
            p["avoid"] = rng.sample(others, rng.randint(*AVOID_PARTNERS))


def part_time(data: dict, rng: random.Random) -> None:
    """Mostly small contracts; staffing shrinks with the dayparts people can work, so the
    week is as tight as ours, only cut into smaller pieces."""
    before = _supply(data)
    for p in data["participants"]:
        p["dayparts_per_week"] = rng.choice(PART_TIME_CONTRACTS)
    _scale_staffing(data, _supply(data) / before)


def closures(data: dict, rng: random.Random) -> None:
    """Departments closed on some dayparts, staffing that moves on others, and some pins."""
    for d in data["departments"]:
        by_slot = {(o["day"], o["daypart"]): o for o in d["overrides"]}
        low, high = d["staffing"]["min"], d["staffing"]["max"]
        for day in data["days"]:
            for part in data["dayparts"]:
                draw = rng.random()
                if draw < CLOSED_SHARE:
                    by_slot[(day, part)] = {"day": day, "daypart": part, "min": 0, "max": 0}
                elif draw < CLOSED_SHARE + MOVED_SHARE:
                    factor = rng.uniform(*MOVE_RANGE)
                    moved = max(1, round(high * factor))
                    by_slot[(day, part)] = {"day": day, "daypart": part,
                                          "min": min(moved, round(low * factor)), "max": moved}
        d["overrides"] = list(by_slot.values())
    data["pinned"] = _pins(parse_problem(data), rng)


def short(data: dict, rng: random.Random) -> None:
    """Minimums above the people available in every daypart: understaffing is certain."""
    problem = parse_problem(data)
    factor = SHORT_DEMAND * max(_available(problem, slot) / max(1, _minimums(problem, slot))
                                for slot in problem.slots)
    _scale_staffing(data, factor)


FAMILIES: dict[str, Transform] = {
    "today": today, "scarce": scarce, "avoid": avoid, "part-time": part_time,
    "closures": closures, "short": short,
}


def _supply(data: dict) -> int:
    """Dayparts people can work in all: their contracts, as far as they are available."""
    return sum(min(p["dayparts_per_week"], len(p["available"])) for p in data["participants"])


def _available(problem: Problem, slot: Slot) -> int:
    return sum(slot in p.available for p in problem.participants)


def _minimums(problem: Problem, slot: Slot) -> int:
    return sum(d.staffing(slot)[0] for d in problem.departments)


def _scale_staffing(data: dict, factor: float) -> None:
    """Every department's usual minimum, maximum and detainee limit times `factor` (rounded
    up, as the generator keeps one person at least); overrides stay as they are."""
    for d in data["departments"]:
        low = math.ceil(d["staffing"]["min"] * factor)
        d["staffing"] = {"min": low, "max": max(low, math.ceil(d["staffing"]["max"] * factor))}
        d["max_detainees"] = math.ceil(d["max_detainees"] * factor)


def _pins(problem: Problem, rng: random.Random) -> list[dict]:
    """One daypart each for a few people, where they may work and their team stays within its
    maximum; no detainee (their own limit) and no one in an avoid pair, so that the pins
    never clash and the week stays feasible."""
    named = {other for p in problem.participants for other in p.avoid}
    people = [p for p in problem.participants
              if p.available and not p.is_detainee and not p.avoid and p.id not in named]
    pinned: Counter[tuple[str, Slot]] = Counter()
    pins = []
    for p in rng.sample(people, min(len(people), round(PINNED_SHARE * len(problem.participants)))):
        slot = rng.choice(sorted(p.available))
        open_here = [d for d in problem.departments
                     if may_work(p, d, slot) and pinned[(d.id, slot)] < d.staffing(slot)[1]]
        if not open_here:
            continue
        d = rng.choice(open_here)
        pinned[(d.id, slot)] += 1
        pins.append({"participant": p.id, "department": d.id, "day": slot[0], "daypart": slot[1]})
    return pins
