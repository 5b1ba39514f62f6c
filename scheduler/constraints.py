"""Hard rules 1-7 of roster-format.md, one function per rule family.

Rules 1 (availability), 3 (certificates) and 4 (clearance) are enforced by never creating
the variable (may_work); the others are constraints on the variables that do exist.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from scheduler.problem import Department, Participant, Slot

if TYPE_CHECKING:
    from scheduler.model import RosterModel


def may_work(p: Participant, d: Department, slot: Slot) -> bool:
    """Whether p could ever be in d at slot: available, certified, cleared, team open."""
    high = d.staffing(slot)[1]
    return (
        slot in p.available
        and d.requires <= p.certificates
        and not (d.outside and p.is_detainee and p.clearance == "inside")
        and high > 0
        and not (p.is_detainee and d.max_detainees == 0)
    )


def one_department_per_daypart(m: RosterModel) -> None:
    """Rule 1: at most one department per participant, day and daypart."""
    for choices in m.places.values():
        if len(choices) > 1:
            m.model.AddAtMostOne(choices.values())


def contract_maximum(m: RosterModel) -> None:
    """Rule 2: at most dayparts_per_week dayparts per participant."""
    worked = defaultdict(list)
    for (pid, _slot), choices in m.places.items():
        worked[pid].extend(choices.values())
    for p in m.problem.participants:
        if len(worked[p.id]) > p.dayparts_per_week:
            m.model.Add(sum(worked[p.id]) <= p.dayparts_per_week)


def department_capacity(m: RosterModel) -> None:
    """Rule 5: at most `max` people and at most `max_detainees` detainees per team."""
    for (did, slot), team in m.teams.items():
        department = m.problem.department(did)
        high = department.staffing(slot)[1]
        if len(team) > high:
            m.model.Add(sum(var for _, var in team) <= high)
        detainees = [var for p, var in team if p.is_detainee]
        if department.max_detainees is not None and len(detainees) > department.max_detainees:
            m.model.Add(sum(detainees) <= department.max_detainees)


def avoid_pairs(m: RosterModel) -> None:
    """Rule 6: two people who avoid each other never share a team (only real pairs)."""
    for first, second in sorted(m.problem.avoid_pairs()):
        for slot in m.problem.slots:
            mine = m.places.get((first, slot), {})
            theirs = m.places.get((second, slot), {})
            for did in sorted(mine.keys() & theirs.keys()):
                m.model.AddBoolOr([mine[did].Not(), theirs[did].Not()])


def pinned(m: RosterModel) -> None:
    """Rule 7: pins hold. explain.py has already proved that every pin's variable exists."""
    for pin in m.problem.pinned:
        m.model.Add(m.x[(pin.participant, pin.department, pin.slot)] == 1)


HARD_RULES = (
    one_department_per_daypart,
    contract_maximum,
    department_capacity,
    avoid_pairs,
    pinned,
)
