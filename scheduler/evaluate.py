"""Soft penalties of any roster, computed in plain Python without CP-SAT.

This is the reference reading of the soft rules: the web app uses it to explain a roster
item by item, and the tests hold the CP-SAT encoding in penalties.py to the same numbers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from scheduler.penalties import (
    TERMS,
    fair_shortfall,
    mix_percent,
    objective_value,
    outside_mix,
)
from scheduler.problem import Assignment, Cover, Problem, Slot, places_of


@dataclass(frozen=True)
class PenaltyItem:
    term: str
    department: str | None
    day: str | None
    daypart: str | None
    participant: str | None
    amount: int
    # The certificate an `uncovered` item lacks holders of.
    certificate: str | None = None

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Evaluation:
    penalties: dict[str, int]
    details: list[PenaltyItem]

    def objective(self, weights: dict[str, int] | None = None) -> int:
        return objective_value(self.penalties, weights)


def evaluate(problem: Problem, assignments: Iterable[Assignment]) -> Evaluation:
    """Penalty per term (unweighted units) and the items that cause them."""
    roster = _Roster(problem, assignments)
    details = [
        item
        for term in TERMS
        for item in TERM_ITEMS[term](problem, roster)
        if item.amount
    ]
    penalties = dict.fromkeys(TERMS, 0)
    for item in details:
        penalties[item.term] += item.amount
    return Evaluation(penalties, details)


class _Roster:
    """The assignments indexed the ways the terms look at them."""

    def __init__(self, problem: Problem, assignments: Iterable[Assignment]) -> None:
        self.assignments = [
            a for a in dict.fromkeys(assignments)
            if problem.participant(a.participant) and problem.department(a.department)
        ]
        self.teams: dict[tuple[str, Slot], list[str]] = defaultdict(list)
        self.places: dict[tuple[str, Slot], set[str]] = defaultdict(set)
        for a in self.assignments:
            self.teams[(a.department, a.slot)].append(a.participant)
            self.places[(a.participant, a.slot)].add(a.department)


def _item(term: str, amount: int, department: str | None = None, slot: Slot | None = None,
          participant: str | None = None, certificate: str | None = None) -> PenaltyItem:
    day, part = slot if slot else (None, None)
    return PenaltyItem(term, department, day, part, participant, amount, certificate)


def _team_slots(problem: Problem) -> Iterator[tuple[str, Slot]]:
    return ((d.id, slot) for d in problem.departments for slot in problem.slots)


def _understaffing(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """Persons short of the department's minimum, per department and daypart."""
    for did, slot in _team_slots(problem):
        low = problem.department(did).staffing(slot)[0]
        yield _item("understaffing", max(0, low - len(roster.teams[(did, slot)])), did, slot)


def _uncovered(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """Certificate holders short of a `cover`: per team with anyone in it, and per daypart
    in which anyone works (`site_cover`, department None)."""
    for did, slot in _team_slots(problem):
        team = roster.teams[(did, slot)]
        if team:
            for cover in problem.department(did).cover:
                yield _item("uncovered", _holders_short(problem, team, cover), did, slot,
                            certificate=cover.certificate)
    for slot in problem.slots:
        everyone = [pid for d in problem.departments for pid in roster.teams[(d.id, slot)]]
        if everyone:
            for cover in problem.site_cover:
                yield _item("uncovered", _holders_short(problem, everyone, cover), None, slot,
                            certificate=cover.certificate)


def _holders_short(problem: Problem, people: list[str], cover: Cover) -> int:
    holders = sum(cover.certificate in problem.participant(pid).certificates for pid in people)
    return max(0, cover.min - holders)


def _below_contract(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """The fair shortfall of each participant's dayparts_per_week: the k-th daypart short
    counts k (penalties.fair_shortfall)."""
    worked = defaultdict(int)
    for pid, _slot in roster.places:
        worked[pid] += 1
    for p in problem.participants:
        short = max(0, p.dayparts_per_week - worked[p.id])
        yield _item("below_contract", fair_shortfall(short), participant=p.id)


def _mix(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """Persons per team outside the nearest whole counts of each group's share."""
    for did, slot in _team_slots(problem):
        department = problem.department(did)
        if not department.mix:
            continue
        team = roster.teams[(did, slot)]
        counts = defaultdict(int)
        for pid in team:
            counts[problem.participant(pid).group] += 1
        size = len(team)
        amount = sum(outside_mix(mix_percent(department.mix, g), size, counts[g])
                     for g in problem.groups)
        yield _item("mix", amount, did, slot)


def _unskilled(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """Assignments at skill 0 that are not a learning goal."""
    for a in roster.assignments:
        p = problem.participant(a.participant)
        if p.is_unskilled(a.department):
            yield _item("unskilled", 1, a.department, a.slot, a.participant)


def _unmet_preference(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """Dayparts worked outside the departments a participant prefers (if they prefer any)."""
    for a in roster.assignments:
        p = problem.participant(a.participant)
        if p.is_unpreferred(a.department):
            yield _item("unmet_preference", 1, a.department, a.slot, a.participant)


def _unmet_learning(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """Learning departments a participant does not visit once this week."""
    visited = {(a.participant, a.department) for a in roster.assignments}
    for p in problem.participants:
        for did in sorted(p.learning):
            yield _item("unmet_learning", int((p.id, did) not in visited), did, participant=p.id)


def _unsupported_learner(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """Learners in a team without anyone of skill 2 or more."""
    for (did, slot), team in roster.teams.items():
        people = [problem.participant(pid) for pid in team]
        if not any(p.skill(did) >= 2 for p in people):
            yield _item("unsupported_learner", sum(p.is_learner(did) for p in people), did, slot)


def _changes(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """Participant-dayparts whose department differs from `previous` (none without one)."""
    if not problem.previous:
        return
    for (pid, slot), (before, after) in changed_places(problem.previous, roster.places).items():
        yield _item("changes", 1, min(after or before), slot, pid)


def changed_places(
    previous: Iterable[Assignment], places: dict[tuple[str, Slot], set[str]]
) -> dict[tuple[str, Slot], tuple[set[str], set[str]]]:
    """(before, after) departments of every participant-daypart that differs."""
    before = places_of(previous)
    return {
        key: (before.get(key, set()), places.get(key, set()))
        for key in sorted(before.keys() | {k for k, v in places.items() if v})
        if before.get(key, set()) != places.get(key, set())
    }


def _department_switch(problem: Problem, roster: _Roster) -> Iterator[PenaltyItem]:
    """Consecutive dayparts of one day worked in different departments."""
    for p in problem.participants:
        for first, second in problem.consecutive:
            here, there = roster.places.get((p.id, first)), roster.places.get((p.id, second))
            if here and there and here != there:
                yield _item("department_switch", 1, min(there), second, p.id)


# The items of each term, by name: tests hold these, penalties.TERM_FUNCTIONS and WEIGHTS
# to the same names as TERMS.
TERM_ITEMS = {
    "understaffing": _understaffing,
    "uncovered": _uncovered,
    "below_contract": _below_contract,
    "mix": _mix,
    "unskilled": _unskilled,
    "unmet_preference": _unmet_preference,
    "unmet_learning": _unmet_learning,
    "unsupported_learner": _unsupported_learner,
    "changes": _changes,
    "department_switch": _department_switch,
}
