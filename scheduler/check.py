"""Independent checker of the hard rules (1-7), written without CP-SAT.

It is the second opinion on every solver result and the judge of manual edits in the web
app, so it reads the rules straight from the contract and reports every violation rather
than stopping at the first. Certificate cover (contract version 2) is soft: evaluate.py
counts it, and the `check` command lists it after the verdict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from scheduler.problem import Assignment, Problem

RULE_NUMBERS = {
    "unknown": 0,
    "double_booking": 1,
    "availability": 1,
    "contract": 2,
    "certificate": 3,
    "clearance": 4,
    "capacity": 5,
    "max_detainees": 5,
    "avoid": 6,
    "pinned": 7,
}


@dataclass(frozen=True)
class Violation:
    rule: str
    participant: str | None
    department: str | None
    day: str | None
    daypart: str | None
    message: str

    @property
    def number(self) -> int:
        """The rule's number in roster-format.md (0 for references to unknown ids)."""
        return RULE_NUMBERS[self.rule]


def check(problem: Problem, assignments: Iterable[Assignment]) -> list[Violation]:
    """Every broken hard rule in `assignments`, in rule order."""
    roster = list(dict.fromkeys(assignments))
    known = [a for a in roster if _is_known(problem, a)]
    return [
        *_unknown_references(problem, roster),
        *_double_bookings(problem, known),
        *_availability(problem, known),
        *_contracts(problem, known),
        *_certificates(problem, known),
        *_clearance(problem, known),
        *_capacity(problem, known),
        *_avoid(problem, known),
        *_pins(problem, roster),
    ]


def _is_known(problem: Problem, a: Assignment) -> bool:
    return (
        problem.participant(a.participant) is not None
        and problem.department(a.department) is not None
        and a.day in problem.days
        and a.daypart in problem.dayparts
    )


def _violation(rule: str, a: Assignment, message: str, participant: bool = True) -> Violation:
    return Violation(
        rule, a.participant if participant else None, a.department, a.day, a.daypart, message
    )


def _where(problem: Problem, a: Assignment) -> str:
    return f"{problem.place(a.department)} on {a.day} {a.daypart}"


def _unknown_references(problem: Problem, roster: list[Assignment]) -> list[Violation]:
    return [
        _violation("unknown", a, f"Assignment refers to an unknown participant, department, "
                   f"day or daypart: {a.participant} / {a.department} / {a.day} {a.daypart}")
        for a in roster
        if not _is_known(problem, a)
    ]


def _double_bookings(problem: Problem, roster: list[Assignment]) -> list[Violation]:
    places = defaultdict(list)
    for a in roster:
        places[(a.participant, a.slot)].append(a)
    return [
        _violation(
            "double_booking",
            same[0],
            f"{problem.person(same[0].participant)} is in "
            f"{', '.join(problem.place(a.department) for a in same)} at once on "
            f"{same[0].day} {same[0].daypart}",
        )
        for same in places.values()
        if len(same) > 1
    ]


def _availability(problem: Problem, roster: list[Assignment]) -> list[Violation]:
    return [
        _violation(
            "availability", a,
            f"{problem.person(a.participant)} works in {_where(problem, a)} but is not "
            "available then",
        )
        for a in roster
        if a.slot not in problem.participant(a.participant).available
    ]


def _contracts(problem: Problem, roster: list[Assignment]) -> list[Violation]:
    worked = defaultdict(set)
    for a in roster:
        worked[a.participant].add(a.slot)
    result = []
    for pid, slots in worked.items():
        limit = problem.participant(pid).dayparts_per_week
        if len(slots) > limit:
            result.append(Violation(
                "contract", pid, None, None, None,
                f"{problem.person(pid)} works {len(slots)} dayparts, more than the "
                f"{limit} per week",
            ))
    return result


def _certificates(problem: Problem, roster: list[Assignment]) -> list[Violation]:
    result = []
    for a in roster:
        missing = problem.department(a.department).requires - problem.participant(
            a.participant).certificates
        if missing:
            result.append(_violation(
                "certificate", a,
                f"{problem.person(a.participant)} works in {_where(problem, a)} without "
                f"certificate {', '.join(sorted(missing))}",
            ))
    return result


def _clearance(problem: Problem, roster: list[Assignment]) -> list[Violation]:
    return [
        _violation(
            "clearance", a,
            f"{problem.person(a.participant)} has inside clearance only but works in "
            f"{_where(problem, a)}, which is outside",
        )
        for a in roster
        if problem.department(a.department).outside
        and problem.participant(a.participant).is_detainee
        and problem.participant(a.participant).clearance == "inside"
    ]


def _capacity(problem: Problem, roster: list[Assignment]) -> list[Violation]:
    teams = defaultdict(list)
    for a in roster:
        teams[(a.department, a.slot)].append(a)
    result = []
    for (did, slot), team in teams.items():
        department = problem.department(did)
        high = department.staffing(slot)[1]
        where = _where(problem, team[0])
        if len(team) > high:
            result.append(_violation(
                "capacity", team[0], f"{where} has {len(team)} people, more than the maximum "
                f"of {high}", participant=False,
            ))
        detainees = sum(problem.participant(a.participant).is_detainee for a in team)
        if department.max_detainees is not None and detainees > department.max_detainees:
            result.append(_violation(
                "max_detainees", team[0], f"{where} has {detainees} detainees, more than the "
                f"maximum of {department.max_detainees}", participant=False,
            ))
    return result


def _avoid(problem: Problem, roster: list[Assignment]) -> list[Violation]:
    pairs = sorted(problem.avoid_pairs())
    teams = defaultdict(set)
    for a in roster:
        teams[(a.department, a.slot)].add(a.participant)
    result = []
    for (did, (day, part)), team in teams.items():
        for first, second in pairs:
            if first in team and second in team:
                result.append(Violation(
                    "avoid", first, did, day, part,
                    f"{problem.person(first)} and {problem.person(second)} avoid each other "
                    f"but both work in {problem.place(did)} on {day} {part}",
                ))
    return result


def _pins(problem: Problem, roster: list[Assignment]) -> list[Violation]:
    present = set(roster)
    return [
        _violation(
            "pinned", pin,
            f"Pinned assignment of {problem.person(pin.participant)} in "
            f"{_where(problem, pin)} is missing",
        )
        for pin in problem.pinned
        if pin not in present
    ]
