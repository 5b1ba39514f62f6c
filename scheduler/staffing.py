"""Filling department minimums as a max flow: a proven bound and a warm start for CP-SAT.

Leaving out rule 6 (avoid), staffing the minimums is a flow problem:
source -> participant (contract) -> participant-daypart (one department at a time)
-> team, directly or through the team's detainee node (max_detainees) -> sink (min).
So the max flow gives, in milliseconds, the least understaffing any roster can have. The
flow's roster, minus the rare avoid clash, is a valid roster; when it reaches that bound
understaffing is proven minimal and CP-SAT only has to optimise the other terms.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ortools.graph.python import max_flow

from scheduler.model import RosterModel
from scheduler.problem import Assignment, Problem


@dataclass
class Staffing:
    assignments: list[Assignment]
    understaffing: int
    lower_bound: int


def staff_minimums(m: RosterModel) -> Staffing:
    """A valid roster filling minimums, starting from the pins and what `previous` allows
    to keep (so a re-plan starts next to the old roster), plus the proven lower bound."""
    problem = m.problem
    roster = _Roster(problem)
    for a in (*problem.pinned, *problem.previous):
        if (a.participant, a.department, a.slot) in m.x:
            roster.add_if_valid(a)
    filled, _ = _flow(m, roster.assignments)
    for a in filled:
        roster.add_if_valid(a)
    _, unmet = _flow(m, list(problem.pinned))
    return Staffing(roster.assignments, roster.understaffing(), unmet)


def _flow(m: RosterModel, fixed: list[Assignment]) -> tuple[list[Assignment], int]:
    """Assignments added to `fixed` by a max flow towards the minimums, and the demand left."""
    problem = m.problem
    busy = {(a.participant, a.slot) for a in fixed}
    worked = Counter(a.participant for a in fixed)
    team_size = Counter((a.department, a.slot) for a in fixed)
    team_detainees = Counter(
        (a.department, a.slot) for a in fixed if problem.participant(a.participant).is_detainee
    )
    nodes: dict[tuple, int] = {}

    def node(*key) -> int:
        return nodes.setdefault(key, len(nodes))

    flow = max_flow.SimpleMaxFlow()
    source, sink = node("source"), node("sink")
    demand = 0
    for d in problem.departments:
        for slot in problem.slots:
            need = max(0, d.staffing(slot)[0] - team_size[(d.id, slot)])
            demand += need
            flow.add_arc_with_capacity(node("team", d.id, slot), sink, need)
            if d.max_detainees is not None:
                flow.add_arc_with_capacity(
                    node("detainees", d.id, slot), node("team", d.id, slot),
                    max(0, d.max_detainees - team_detainees[(d.id, slot)]),
                )
    for p in problem.participants:
        flow.add_arc_with_capacity(source, node("person", p.id), p.dayparts_per_week - worked[p.id])
    arcs = {}
    for (pid, did, slot) in m.x:
        if (pid, slot) in busy:
            continue
        p, d = problem.participant(pid), problem.department(did)
        if ("place", pid, slot) not in nodes:
            flow.add_arc_with_capacity(node("person", pid), node("place", pid, slot), 1)
        via = "detainees" if p.is_detainee and d.max_detainees is not None else "team"
        arcs[flow.add_arc_with_capacity(node("place", pid, slot), node(via, did, slot), 1)] = (
            Assignment(pid, did, *slot)
        )
    flow.solve(source, sink)
    added = [a for arc, a in arcs.items() if flow.flow(arc)]
    return added, demand - flow.optimal_flow()


class _Roster:
    """A roster grown one assignment at a time, refusing any that breaks a hard rule."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.assignments: list[Assignment] = []
        self.busy: set[tuple] = set()
        self.worked: Counter = Counter()
        self.teams: dict[tuple, set[str]] = {}
        self.partners: dict[str, set[str]] = {}
        for first, second in problem.avoid_pairs():
            self.partners.setdefault(first, set()).add(second)
            self.partners.setdefault(second, set()).add(first)

    def add_if_valid(self, a: Assignment) -> None:
        p, d = self.problem.participant(a.participant), self.problem.department(a.department)
        team = self.teams.setdefault((a.department, a.slot), set())
        detainees = sum(self.problem.participant(q).is_detainee for q in team)
        if (
            (a.participant, a.slot) in self.busy
            or self.worked[a.participant] >= p.dayparts_per_week
            or len(team) >= d.staffing(a.slot)[1]
            or (p.is_detainee and d.max_detainees is not None and detainees >= d.max_detainees)
            or self.partners.get(a.participant, set()) & team
        ):
            return
        self.assignments.append(a)
        self.busy.add((a.participant, a.slot))
        self.worked[a.participant] += 1
        team.add(a.participant)

    def understaffing(self) -> int:
        return sum(
            max(0, d.staffing(slot)[0] - len(self.teams.get((d.id, slot), ())))
            for d in self.problem.departments
            for slot in self.problem.slots
        )
