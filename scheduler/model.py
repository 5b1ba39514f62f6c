"""The CP-SAT model of one week, built step by step: variables, hard rules, penalty terms.

Variables exist only where rules 1, 3 and 4 allow the assignment at all (see
constraints.may_work), which keeps large weeks small; the remaining hard rules and the soft
terms work on aggregate counts per department and daypart rather than on pairs of people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler import constraints, penalties
from scheduler.problem import Participant, Problem, Slot

Key = tuple[str, str, Slot]


@dataclass
class RosterModel:
    problem: Problem
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: dict[Key, cp_model.IntVar] = field(default_factory=dict)
    teams: dict[tuple[str, Slot], list[tuple[Participant, cp_model.IntVar]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    places: dict[tuple[str, Slot], dict[str, cp_model.IntVar]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    terms: dict[str, cp_model.LinearExprT] = field(default_factory=dict)
    # Per team with a mix: one literal per size it may have (penalties.mix).
    sizes: dict[tuple[str, Slot], dict[int, cp_model.IntVar]] = field(default_factory=dict)

    def team(self, department: str, slot: Slot) -> list[cp_model.IntVar]:
        return [var for _, var in self.teams.get((department, slot), ())]

    def switch_chances(self) -> Iterator[tuple[str, Slot, Slot, dict, dict]]:
        """(participant, first, second, their places in each) for every two dayparts of one
        day where they could switch department: both open to them, in two departments or
        more between them. The CP-SAT term and the LP bound price the same chances."""
        for p in self.problem.participants:
            for first, second in self.problem.consecutive:
                here = self.places.get((p.id, first), {})
                there = self.places.get((p.id, second), {})
                if here and there and len(here.keys() | there.keys()) > 1:
                    yield p.id, first, second, here, there


def build_model(problem: Problem, terms: Iterable[str] = penalties.TERMS) -> RosterModel:
    """All hard rules plus the given penalty terms, without an objective: the phases
    (phases.py) choose how to weigh them, and leave out the terms a phase does not
    optimise."""
    m = RosterModel(problem)
    _create_variables(m)
    for rule in constraints.HARD_RULES:
        rule(m)
    m.terms = {name: penalties.TERM_FUNCTIONS[name](m) for name in terms}
    return m


def _create_variables(m: RosterModel) -> None:
    for p in m.problem.participants:
        for slot in m.problem.slots:
            for d in m.problem.departments:
                if constraints.may_work(p, d, slot):
                    var = m.model.NewBoolVar(f"x[{p.id},{d.id},{slot[0]},{slot[1]}]")
                    m.x[(p.id, d.id, slot)] = var
                    m.teams[(d.id, slot)].append((p, var))
                    m.places[(p.id, slot)][d.id] = var
