"""Soft terms of roster-format.md as CP-SAT expressions, one function per named term.

Each function returns the term in its natural unit (persons, dayparts, assignments),
encoded exactly rather than as a one-sided bound, so the values read from any feasible
solution equal what evaluate.py computes for its roster.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from scheduler.problem import Participant, places_of

if TYPE_CHECKING:
    from scheduler.model import RosterModel

TERMS = (
    "understaffing",
    "uncovered",
    "below_contract",
    "mix",
    "unskilled",
    "unmet_preference",
    "unmet_learning",
    "unsupported_learner",
    "changes",
    "department_switch",
)

# Weight per unit of each term; the contract's priority tiers are what sets them.
# - understaffing is minimised first, on its own, and then fixed (phases.py), so it beats
#   all other terms whatever their size; its weight only scales it in the reported objective.
# - uncovered (a certificate holder short) ranks right below it: one holder more takes at
#   most one step-in, which moves two people's dayparts, so at most the tenth missing
#   daypart of a week of ten (10 * 1000) plus the lower terms of two assignments
#   (2 * 530) below it, < 20,000.
# - below_contract is fair: a person's k-th missing daypart counts k (fair_shortfall).
# - below_contract (per daypart) > any effect a single assignment can have on the lower
#   tiers: one person more in a team moves each group's count or its nearest whole counts
#   by at most one, so at most 4 groups * 100 of mix + 40 + 10 + 30 + 20 + 2 * 15 = 530
#   < 1000, and no lower term ever pays for leaving a daypart unfilled.
# - mix is per person outside the mix (a wrong-group person in a team costs 200: one too
#   many of their group, one too few of another), above any single learning, preference or
#   stability term.
# - learning, preferences and stability share the last tier: skill and support first,
#   then keeping the previous roster, switching departments and preferences.
WEIGHTS: dict[str, int] = {
    "understaffing": 1_000_000,
    "uncovered": 20_000,
    "below_contract": 1_000,
    "mix": 100,
    "unskilled": 40,
    "unmet_learning": 40,
    "unsupported_learner": 30,
    "changes": 20,
    "department_switch": 15,
    "unmet_preference": 10,
}


def resolve_weights(weights: dict[str, int] | None = None) -> dict[str, int]:
    """WEIGHTS with overrides applied; an unknown term name is an error, not a silent no-op."""
    unknown = set(weights or {}) - set(TERMS)
    if unknown:
        raise ValueError(f"unknown penalty term(s) in weights: {', '.join(sorted(unknown))}")
    return {**WEIGHTS, **(weights or {})}


def objective_value(penalties: dict[str, int], weights: dict[str, int] | None = None) -> int:
    resolved = resolve_weights(weights)
    return sum(resolved[term] * penalties.get(term, 0) for term in TERMS)


def mix_percent(shares: dict[str, float], group: str) -> int:
    """A group's target share in whole percents; groups a department does not list get 0."""
    return round(100 * shares.get(group, 0.0))


def understaffing(m: RosterModel) -> cp_model.LinearExprT:
    """Persons short of `min` per department and daypart."""
    shortages = []
    for d in m.problem.departments:
        for slot in m.problem.slots:
            low = d.staffing(slot)[0]
            if low == 0:
                continue
            short = m.model.NewIntVar(0, low, f"short[{d.id},{slot}]")
            m.model.Add(short >= low - sum(m.team(d.id, slot)))
            shortages.append(short)
    return sum(shortages)


def fair_shortfall(short: int) -> int:
    """A person `short` dayparts below contract costs 1 + 2 + ... + short: the k-th missing
    daypart costs k, so a shortfall is spread over people rather than left with a few."""
    return short * (short + 1) // 2


def shortfall_of(amount: int) -> int:
    """The dayparts short behind a fair_shortfall amount (its inverse)."""
    return (math.isqrt(8 * amount + 1) - 1) // 2


def open_dayparts(m: RosterModel) -> dict[str, int]:
    """Per participant, the dayparts they could work at all (where a variable exists)."""
    count: dict[str, int] = defaultdict(int)
    for (pid, _slot), choices in m.places.items():
        count[pid] += bool(choices)
    return count


def least_short(p: Participant, open_count: int) -> int:
    """The dayparts p is short whatever the roster: contract beyond the dayparts open."""
    return max(0, p.dayparts_per_week - open_count)


def below_contract(m: RosterModel) -> cp_model.LinearExprT:
    """The fair shortfall, by ordered booleans: missing[k] says the k-th daypart below the
    contract is missing, missing[k] >= missing[k+1], and they sum to the shortfall, so
    sum k * missing[k] is exact for any roster (no products), and in the LP relaxation the
    convex hull of the shortfall's cost. The dayparts missing whatever happens (more
    contract than open dayparts) are a constant."""
    worked: dict[str, list] = defaultdict(list)
    for (pid, _slot), choices in m.places.items():
        worked[pid].extend(choices.values())
    opened = open_dayparts(m)
    cost = []
    for p in m.problem.participants:
        least = least_short(p, opened[p.id])
        cost.append(fair_shortfall(least))
        steps = range(least + 1, p.dayparts_per_week + 1)
        missing = [m.model.NewBoolVar(f"missing[{p.id},{k}]") for k in steps]
        for first, second in zip(missing, missing[1:], strict=False):
            m.model.AddImplication(second, first)
        if missing:
            m.model.Add(sum(worked[p.id]) + sum(missing) == p.dayparts_per_week - least)
            cost.extend(k * var for k, var in zip(steps, missing, strict=True))
    return sum(cost)


def assignment_cost(p: Participant, department: str, weights: dict[str, int]) -> int:
    """The weighted terms that belong to one assignment on its own (skill, preference):
    what the flows, the LP bound and the local search price per assignment."""
    return (weights["unskilled"] * p.is_unskilled(department)
            + weights["unmet_preference"] * p.is_unpreferred(department))


def nearest_counts(percent: int, size: int) -> tuple[int, int]:
    """The whole numbers of people nearest to a share of a team: a team of 8 at 20 % has
    1 or 2 of that group, and either is as close as 8 people can come."""
    return percent * size // 100, -(-percent * size // 100)


def outside_mix(percent: int, size: int, count: int) -> int:
    """Persons of one group below or above the nearest whole counts for its share."""
    low, high = nearest_counts(percent, size)
    return max(0, low - count, count - high)


def mix(m: RosterModel) -> cp_model.LinearExprT:
    """Persons outside the mix, per team and group (outside_mix).

    Measured against the nearest whole counts rather than the exact share: otherwise every
    team whose size is not a multiple of 5 would pay for rounding it cannot avoid, and the
    solver would bend sizes towards 5, 10 and 15 at the cost of skills and preferences.
    The nearest counts depend on the team's size, so each team gets one literal per size;
    in the LP they make a fractional size ask for the exact share, which is the bound the
    search needs."""
    outside = []
    for (did, slot), team in m.teams.items():
        department = m.problem.department(did)
        if not department.mix:
            continue
        sizes = range(min(len(team), department.staffing(slot)[1]) + 1)
        size_is = {k: m.model.NewBoolVar(f"size[{did},{slot},{k}]") for k in sizes}
        m.sizes[(did, slot)] = size_is
        m.model.AddExactlyOne(size_is.values())
        m.model.Add(sum(var for _, var in team) == sum(k * lit for k, lit in size_is.items()))
        for group in m.problem.groups:
            count = sum(var for p, var in team if p.group == group)
            percent = mix_percent(department.mix, group)
            if percent == 0:
                outside.append(count)
                continue
            low = sum(nearest_counts(percent, k)[0] * lit for k, lit in size_is.items())
            high = sum(nearest_counts(percent, k)[1] * lit for k, lit in size_is.items())
            persons = m.model.NewIntVar(0, len(team), f"mix[{did},{slot},{group}]")
            m.model.AddMaxEquality(persons, [0, low - count, count - high])
            outside.append(persons)
    return sum(outside)


def unskilled(m: RosterModel) -> cp_model.LinearExprT:
    """Assignments at skill 0 outside the participant's learning departments."""
    return sum(
        var
        for (did, _slot), team in m.teams.items()
        for p, var in team
        if p.is_unskilled(did)
    )


def unmet_preference(m: RosterModel) -> cp_model.LinearExprT:
    """Assignments outside the preferred departments of people who prefer some."""
    return sum(
        var
        for (did, _slot), team in m.teams.items()
        for p, var in team
        if p.is_unpreferred(did)
    )


def unmet_learning(m: RosterModel) -> cp_model.LinearExprT:
    """Learning departments not visited at all this week."""
    visits = defaultdict(list)
    for (pid, did, _slot), var in m.x.items():
        visits[(pid, did)].append(var)
    unmet = []
    for p in m.problem.participants:
        for did in sorted(p.learning):
            chances = visits.get((p.id, did))
            if not chances:
                unmet.append(1)
                continue
            visited = m.model.NewBoolVar(f"visited[{p.id},{did}]")
            m.model.AddMaxEquality(visited, chances)
            unmet.append(1 - visited)
    return sum(unmet)


def unsupported_learner(m: RosterModel) -> cp_model.LinearExprT:
    """Learners in a team where nobody has skill 2 or more (learners and experts are disjoint)."""
    unsupported = []
    for (did, slot), team in m.teams.items():
        learners = [var for p, var in team if p.is_learner(did)]
        experts = [var for p, var in team if p.skill(did) >= 2]
        if not learners:
            continue
        if not experts:
            unsupported.append(sum(learners))
            continue
        supported = m.model.NewBoolVar(f"supported[{did},{slot}]")
        m.model.AddMaxEquality(supported, experts)
        alone = m.model.NewIntVar(0, len(learners), f"unsupported[{did},{slot}]")
        m.model.Add(alone == sum(learners)).OnlyEnforceIf(supported.Not())
        m.model.Add(alone == 0).OnlyEnforceIf(supported)
        unsupported.append(alone)
    return sum(unsupported)


def uncovered(m: RosterModel) -> cp_model.LinearExprT:
    """Certificate holders short: per team with anyone in it (department `cover`), and per
    daypart in which anyone works (`site_cover`). Exact: short = max(0, min * anyone -
    holders), with anyone the maximum of the members."""
    problem = m.problem
    short = []
    for (did, slot), team in sorted(m.teams.items(), key=lambda item: item[0]):
        covers = problem.department(did).cover
        if covers and team:
            short.extend(_short(m, f"{did},{slot}", covers, team))
    if problem.site_cover:
        for slot in problem.slots:
            everyone = [(p, var) for (_did, at), team in m.teams.items() if at == slot
                        for p, var in team]
            if everyone:
                short.extend(_short(m, f"site,{slot}", problem.site_cover, everyone))
    return sum(short)


def _short(m: RosterModel, name: str, covers, people: list) -> list:
    anyone = m.model.NewBoolVar(f"anyone[{name}]")
    m.model.AddMaxEquality(anyone, [var for _, var in people])
    short = []
    for cover in covers:
        holders = [var for p, var in people if cover.certificate in p.certificates]
        var = m.model.NewIntVar(0, cover.min, f"uncovered[{name},{cover.certificate}]")
        m.model.AddMaxEquality(var, [0, cover.min * anyone - sum(holders)])
        short.append(var)
    return short


def changes(m: RosterModel) -> cp_model.LinearExprT:
    """Participant-dayparts whose department differs from `previous` (0 without one)."""
    before = places_of(m.problem.previous)
    if not before:
        return 0
    changed = []
    for key in sorted(before.keys() | m.places.keys()):
        was = before.get(key, set())
        choices = m.places.get(key, {})
        if not was:
            changed.append(sum(choices.values()))
        elif len(was) == 1 and next(iter(was)) in choices:
            changed.append(1 - choices[next(iter(was))])
        else:
            changed.append(1)
    return sum(changed)


def department_switch(m: RosterModel) -> cp_model.LinearExprT:
    """Consecutive dayparts of one day in different departments; exact in both directions."""
    switches = []
    for pid, _first, second, here, there in m.switch_chances():
        switched = m.model.NewBoolVar(f"switch[{pid},{second}]")
        works_here, works_there = sum(here.values()), sum(there.values())
        m.model.Add(switched <= works_here)
        m.model.Add(switched <= works_there)
        for did in sorted(here.keys() | there.keys()):
            stay_here, stay_there = here.get(did, 0), there.get(did, 0)
            m.model.Add(switched >= stay_here + works_there - stay_there - 1)
            m.model.Add(switched <= 2 - stay_here - stay_there)
        switches.append(switched)
    return sum(switches)


TERM_FUNCTIONS = {
    "understaffing": understaffing,
    "uncovered": uncovered,
    "below_contract": below_contract,
    "mix": mix,
    "unskilled": unskilled,
    "unmet_preference": unmet_preference,
    "unmet_learning": unmet_learning,
    "unsupported_learner": unsupported_learner,
    "changes": changes,
    "department_switch": department_switch,
}
