"""One daypart at a time, everyone in it placed anew at once by a min-cost flow.

The local search's moves change one or two people, and it ends in a roster that no such
move improves but that a rotation of several people would; one pass of this flow finds
such rotations in every daypart in a fraction of a second. With the other
dayparts held, a daypart's best placement is a transportation problem: people (those
working it, and idle ones below their contract) flow to (team, group) nodes, those to teams
of their present size. Each person's arc carries everything that depends on them alone,
given the rest of their week (skill, preference, a learning visit, a department switch
with the daypart before or after, a change against `previous`); the group mix is convex in
each group's count, so parallel arcs price it exactly. The fair shortfall is convex in the
dayparts a person works too: their k-th seat here saves what their k-th daypart short
costs, one arc per seat. Every team keeps its size, so understaffing does not move.

Several dayparts, none next to another, can be placed at once the same way: each person
then has a seat per daypart and flows through as many as they work among them (or more,
up to their contract), so people also trade which of those dayparts they work, which no
single daypart's flow can do.

Three things stay outside the flow: unsupported learners and certificate cover (team-level
and daypart-level all-or-nothing) and avoid pairs; people with an avoid partner, and pinned
people, keep their place. The local search keeps a daypart's new placement only when its
incremental cost of the whole week, which counts learners and cover, falls.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ortools.graph.python import min_cost_flow

from scheduler.model import RosterModel
from scheduler.penalties import assignment_cost, mix_percent, nearest_counts
from scheduler.problem import DETAINEE, Participant, Slot, places_of
from scheduler.tuning import FORCED

Place = dict[tuple[str, Slot], str]


def best_dayparts(m: RosterModel, weights: dict[str, int], place: Place,
                  slots: tuple[Slot, ...]) -> Place | None:
    """The flow's placement of these dayparts, the others held, with every team at its
    present size; None when nobody works them. For one daypart it is exact for every term
    but unsupported learners, for the people it may move. Several at once let people also
    trade which of them they work; none of them may follow another (a switch between two
    would not be linear), and a learning visit made in two of them counts twice, so the
    caller judges the result."""
    return _Dayparts(m, weights, place, slots).solve()


@dataclass
class _Dayparts:
    m: RosterModel
    weights: dict[str, int]
    place: Place
    slots: tuple[Slot, ...]

    def solve(self) -> Place | None:
        sizes = Counter((did, slot) for (_pid, slot), did in self.place.items()
                        if slot in self.slots)
        if not sizes:
            return None
        self.flow = min_cost_flow.SimpleMinCostFlow()
        self.nodes: dict[tuple, int] = {}
        self.neighbours = {slot: [other for pair in self.m.problem.consecutive if slot in pair
                                  for other in pair if other != slot]
                           for slot in self.slots}
        people = self._people(set(sizes))
        self._teams(sizes)
        total = sum(sizes.values())
        self.flow.set_node_supply(self.node("source"), total)
        self.flow.set_node_supply(self.node("sink"), -total)
        if self.flow.solve() != self.flow.OPTIMAL:
            return None
        placed = {key: did for key, did in self.place.items() if key[1] not in self.slots}
        for arc, (pid, did, slot) in people.items():
            if self.flow.flow(arc):
                placed[(pid, slot)] = did
        return placed

    def node(self, *key) -> int:
        return self.nodes.setdefault(key, len(self.nodes))

    def _people(self, teams: set[tuple[str, Slot]]) -> dict[int, tuple[str, str, Slot]]:
        """Arcs from each person who may take part, through one seat per daypart, to the
        teams they may join: as many dayparts as they work among these, or more up to
        their contract."""
        problem, place = self.m.problem, self.place
        pinned = {(a.participant, a.slot): a.department for a in problem.pinned}
        held = {pid for pair in problem.avoid_pairs() for pid in pair}
        worked = Counter(pid for pid, _slot in place)
        previous = places_of(problem.previous)
        arcs = {}
        for p in problem.participants:
            mine = sum((p.id, slot) in place for slot in self.slots)
            room = mine if p.id in held else min(
                len(self.slots), mine + max(0, p.dayparts_per_week - worked[p.id]))
            if not room:
                continue
            rest = {place.get((p.id, other)) for other in problem.slots
                    if other not in self.slots}
            person = self.node("person", p.id)
            # Short of the contract without these dayparts: the k-th seat saves the
            # (short - k + 1)-th daypart short (penalties.fair_shortfall).
            short = p.dayparts_per_week - (worked[p.id] - mine)
            for k in range(1, room + 1):
                self.flow.add_arc_with_capacity_and_unit_cost(
                    self.node("source"), person, 1,
                    -(short - k + 1) * self.weights["below_contract"])
            for slot in self.slots:
                here = place.get((p.id, slot))
                keep = pinned.get((p.id, slot)) or (here if p.id in held else None)
                if p.id in held and here is None:
                    continue
                choices = [keep] if keep else [d for d in self.m.places.get((p.id, slot), {})
                                               if (d, slot) in teams]
                if not choices:
                    continue
                seat = self.node("seat", p.id, slot)
                self.flow.add_arc_with_capacity_and_unit_cost(
                    person, seat, 1, FORCED if keep else 0)
                for did in choices:
                    cost = self._cost(p, did, slot, rest, previous)
                    arc = self.flow.add_arc_with_capacity_and_unit_cost(
                        seat, self.node("group", did, slot, p.group), 1, cost)
                    arcs[arc] = (p.id, did, slot)
        return arcs

    def _cost(self, p: Participant, did: str, slot: Slot, rest: set,
              previous: dict[tuple[str, Slot], set[str]]) -> int:
        """What placing p in did adds, given p's other dayparts: the learning visit it
        makes, the switches with the dayparts next to it, and a change against previous
        (relative to leaving p idle here, which is what the constant part absorbs)."""
        w = self.weights
        cost = assignment_cost(p, did, w)
        cost -= w["unmet_learning"] * (did in p.learning and did not in rest)
        for next_to in self.neighbours[slot]:
            other = self.place.get((p.id, next_to))
            cost += w["department_switch"] * (other is not None and other != did)
        if self.m.problem.previous:
            before = previous.get((p.id, slot), set())
            cost += w["changes"] * (({did} != before) - bool(before))
        return cost

    def _teams(self, sizes: Counter) -> None:
        """(team, group) -> team arcs priced by the mix, team -> sink at the team's size."""
        problem = self.m.problem
        for (did, slot), size in sizes.items():
            department = problem.department(did)
            team = self.node("team", did, slot)
            self.flow.add_arc_with_capacity_and_unit_cost(team, self.node("sink"), size, 0)
            for group in problem.groups:
                cap = size
                if group == DETAINEE and department.max_detainees is not None:
                    cap = min(cap, department.max_detainees)
                source = self.node("group", did, slot, group)
                if not department.mix:
                    self.flow.add_arc_with_capacity_and_unit_cost(source, team, cap, 0)
                    continue
                low, high = nearest_counts(mix_percent(department.mix, group), size)
                for width, cost in ((low, -self.weights["mix"]), (high - low, 0),
                                    (size - high, self.weights["mix"])):
                    width = min(width, cap)
                    cap -= width
                    if width > 0:
                        self.flow.add_arc_with_capacity_and_unit_cost(source, team, width, cost)
