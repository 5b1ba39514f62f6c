"""A warm start from network flows: a proven understaffing bound and a good first roster.

Leaving out rule 6 (avoid), staffing is a flow problem:
source -> participant (contract) -> participant-daypart (one department at a time)
-> team's group node (max_detainees for detainees) -> team (min, later max) -> sink.
Max flow with min cost, run to the minimums, gives in milliseconds the least understaffing
any roster can have; run again up to the maximums it fills contracts. Arc costs carry the
per-assignment soft terms, and each group reaches its team at no cost up to its share
(rounded up) and at the cost of a misplaced person beyond it, so the first roster is close
to a good one and CP-SAT starts its search from there. Flow assignments refused for an
avoid clash leave a gap that the next round refills with someone else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ortools.graph.python import min_cost_flow

from scheduler.model import RosterModel
from scheduler.penalties import mix_percent, nearest_counts
from scheduler.problem import Assignment, Problem

FLOW_ROUNDS = 5
MIN, MAX = 0, 1


@dataclass
class Staffing:
    assignments: list[Assignment]
    understaffing: int
    lower_bound: int


def staff_minimums(m: RosterModel, weights: dict[str, int]) -> Staffing:
    """A valid roster that fills minimums, then contracts up to the maximums, starting from
    the pins and what `previous` allows to keep (so a re-plan stays near the old roster);
    plus the proven lower bound on understaffing."""
    problem = m.problem
    _, unmet = _flow(m, list(problem.pinned), set(), MIN, weights)
    roster = _grow(m, [*problem.pinned, *problem.previous], weights)
    if roster.understaffing() > unmet and problem.previous:
        # Keeping all of `previous` can block the only way to cover an absence; then
        # start from the pins alone, where the flow's change costs still favour `previous`.
        roster = min(roster, _grow(m, list(problem.pinned), weights),
                     key=lambda r: r.understaffing())
    return Staffing(roster.assignments, roster.understaffing(), unmet)


def _grow(m: RosterModel, seed: list[Assignment], weights: dict[str, int]) -> _Roster:
    """The seed's valid part, then flow rounds to the minimums and then to the maximums."""
    roster = _Roster(m.problem)
    for a in seed:
        if (a.participant, a.department, a.slot) in m.x:
            roster.add_if_valid(a)
    refused: set[Assignment] = set()
    for level in (MIN, MAX):
        for _ in range(FLOW_ROUNDS):
            filled, _ = _flow(m, roster.assignments, refused, level, weights)
            refused.update(a for a in filled if not roster.add_if_valid(a))
            if not refused.intersection(filled):
                break
    return roster


def _flow(
    m: RosterModel, fixed: list[Assignment], refused: set[Assignment], level: int,
    weights: dict[str, int],
) -> tuple[list[Assignment], int]:
    """Assignments added to `fixed` by a max flow of min cost towards the minimums (or
    maximums), never one of `refused`; and the demand left unmet."""
    problem = m.problem
    busy = {(a.participant, a.slot) for a in fixed}
    worked = Counter(a.participant for a in fixed)
    members = Counter((a.department, a.slot, problem.participant(a.participant).group)
                      for a in fixed)
    nodes: dict[tuple, int] = {}

    def node(*key) -> int:
        return nodes.setdefault(key, len(nodes))

    flow = min_cost_flow.SimpleMinCostFlow()
    source, sink = node("source"), node("sink")
    misplaced = 2 * weights["mix"]
    demand = 0
    for d in problem.departments:
        for slot in problem.slots:
            size = sum(members[(d.id, slot, g)] for g in problem.groups)
            target = d.staffing(slot)[level]
            need = max(0, target - size)
            demand += need
            flow.add_arc_with_capacity_and_unit_cost(node("team", d.id, slot), sink, need, 0)
            for g in problem.groups:
                room = need
                if g == "detainee" and d.max_detainees is not None:
                    room = max(0, d.max_detainees - members[(d.id, slot, g)])
                share = nearest_counts(mix_percent(d.mix, g), target)[1] if d.mix else room
                fair = min(room, max(0, share - members[(d.id, slot, g)]))
                group, team = node("group", d.id, slot, g), node("team", d.id, slot)
                flow.add_arc_with_capacity_and_unit_cost(group, team, fair, 0)
                flow.add_arc_with_capacity_and_unit_cost(group, team, room - fair, misplaced)
    supply = 0
    for p in problem.participants:
        room = max(0, p.dayparts_per_week - worked[p.id])
        supply += room
        flow.add_arc_with_capacity_and_unit_cost(source, node("person", p.id), room, 0)
    flow.set_node_supply(source, supply)
    flow.set_node_supply(sink, -supply)
    previous = set(problem.previous)
    arcs = {}
    for (pid, did, slot) in m.x:
        a = Assignment(pid, did, *slot)
        if (pid, slot) in busy or a in refused:
            continue
        p = problem.participant(pid)
        if ("place", pid, slot) not in nodes:
            flow.add_arc_with_capacity_and_unit_cost(
                node("person", pid), node("place", pid, slot), 1, 0)
        cost = (
            weights["unskilled"] * (p.skill(did) == 0 and did not in p.learning)
            + weights["unmet_preference"] * bool(p.prefers and did not in p.prefers)
            + weights["unmet_learning"] * bool(p.learning and did not in p.learning)
            + weights["changes"] * bool(previous and a not in previous)
        )
        arcs[flow.add_arc_with_capacity_and_unit_cost(
            node("place", pid, slot), node("group", did, slot, p.group), 1, cost)] = a
    flow.solve_max_flow_with_min_cost()
    added = [a for arc, a in arcs.items() if flow.flow(arc)]
    return added, demand - flow.maximum_flow()


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

    def add_if_valid(self, a: Assignment) -> bool:
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
            return False
        self.assignments.append(a)
        self.busy.add((a.participant, a.slot))
        self.worked[a.participant] += 1
        team.add(a.participant)
        return True

    def understaffing(self) -> int:
        return sum(
            max(0, d.staffing(slot)[0] - len(self.teams.get((d.id, slot), ())))
            for d in self.problem.departments
            for slot in self.problem.slots
        )
