"""A warm start from network flows: a proven understaffing bound and a good first roster.

Leaving out rule 6 (avoid), staffing is a flow problem:
source -> participant (contract) -> participant-daypart (one department at a time)
-> team's group node (max_detainees for detainees) -> team (min, later max) -> sink.
Max flow with min cost, run to the minimums, gives in milliseconds the least understaffing
any roster can have; run again up to the maximums it fills contracts. Arc costs carry the
per-assignment soft terms, and each group reaches its team at no cost up to its share
(rounded up) and at the cost of a misplaced person beyond it, so the first roster is close
to a good one and the search starts from there. Flow assignments refused for an
avoid clash leave a gap that the next round refills with someone else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ortools.graph.python import min_cost_flow

from scheduler.evaluate import evaluate
from scheduler.model import RosterModel
from scheduler.penalties import assignment_cost, fair_shortfall, mix_percent, nearest_counts
from scheduler.problem import Assignment, Department, Problem, Slot, places_of
from scheduler.tuning import FLOW_ROUNDS, LP_REWARD, STEADY_ROUNDS

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


def rest_bound(m: RosterModel, weights: dict[str, int], staffed: bool) -> int:
    """A proven lower bound on the weighted terms after understaffing, from one min-cost
    flow: fast on any week, where CP-SAT's own bound waits for its root LP, which a large
    week may not finish in time.

    Rule 6 is left out (a relaxation), the dayparts a person does not work cost the fair
    shortfall (one arc from the person to the sink per daypart short, the k-th at k times
    `below_contract`: the flow takes the cheapest first), each assignment its skill and
    preference terms, and a group beyond its share of the team's maximum (rounded up)
    costs the mix of one person, which is never more than the mix it really costs. When
    every minimum is `staffed` (the least understaffing is 0 and fixed), each team has at
    least its minimum, so the flow must fill the minimums too, and a group below its share
    of the minimum (rounded down) costs the mix of each person it lacks. Terms the flow
    cannot see count as 0 (cover among them), except learning departments a person can
    never visit."""
    problem = m.problem

    def cost(a: Assignment) -> int:
        return assignment_cost(problem.participant(a.participant), a.department, weights)

    pinned = list(problem.pinned)
    net = _Network(m, pinned, set(), MAX, weights["mix"], lambda *_: 0, cost,
                   short=weights["mix"] if staffed else 0)
    # Filling a minimum earns more than all other arcs together can cost or save, and is
    # added back below.
    idle = weights["below_contract"] * sum(fair_shortfall(room) for room in net.rooms.values())
    most = sum(weights[t] for t in ("unskilled", "unmet_preference", "mix"))
    must = (most + weights["mix"]) * net.supply + idle + 1 if staffed else 0
    minimums = []
    for team, (low, high), size in net.teams():
        need = max(0, low - size) if staffed else 0
        minimums.append((net.flow.add_arc_with_capacity_and_unit_cost(
            team, net.sink, need, -must), need))
        net.flow.add_arc_with_capacity_and_unit_cost(team, net.sink, max(0, high - size - need), 0)
    for pid, room in net.rooms.items():
        for k in range(1, room + 1):
            net.flow.add_arc_with_capacity_and_unit_cost(
                net.node("person", pid), net.sink, 1, k * weights["below_contract"])
    if net.flow.solve() != net.flow.OPTIMAL:
        return 0
    if any(net.flow.flow(arc) < need for arc, need in minimums):
        return rest_bound(m, weights, staffed=False)
    needed = sum(need for _, need in minimums)
    reachable = {(pid, did) for pid, did, _ in m.x}
    never = sum(1 for p in problem.participants for did in p.learning
                if (p.id, did) not in reachable)
    return (net.flow.optimal_cost() + must * needed + net.constant
            + sum(cost(a) for a in pinned) + weights["unmet_learning"] * never)


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
    previous = set(problem.previous)

    def cost(a: Assignment) -> int:
        p = problem.participant(a.participant)
        return (
            assignment_cost(p, a.department, weights)
            + weights["unmet_learning"] * bool(p.learning and a.department not in p.learning)
            + weights["changes"] * bool(previous and a not in previous)
        )

    net = _Network(m, fixed, refused, level, 2 * weights["mix"], lambda *_: 0, cost,
                   fair=weights["below_contract"])
    demand = 0
    for team, (low, high), size in net.teams():
        need = max(0, (low, high)[level] - size)
        demand += need
        net.flow.add_arc_with_capacity_and_unit_cost(team, net.sink, need, 0)
    added = net.solve()
    return added, demand - net.flow.maximum_flow()


def follow_lp(m: RosterModel, weights: dict[str, int], values: dict[tuple, float],
              sizes: dict[tuple, int]) -> list[Assignment]:
    """A roster at `sizes` as close as a flow comes to the LP's solution there (dive.py,
    team_sizes.py): each assignment earns its LP value, so the flow picks the
    whole-numbered vertex nearest to it, and the network keeps the contracts, the one
    daypart at a time and the detainee caps that rounding each value alone would break.
    An assignment that breaks an avoid pair is refused and the whole flow runs again
    without it, so that others can move to make room: every team is full at its size, so
    refilling only the gap, as the warm start does, can lose a daypart."""
    problem = m.problem

    def cost(a: Assignment) -> int:
        return (assignment_cost(problem.participant(a.participant), a.department, weights)
                - round(LP_REWARD * values[(a.participant, a.department, a.slot)]))

    refused: set[Assignment] = set()
    for _ in range(FLOW_ROUNDS):
        roster = _Roster(problem)
        for a in problem.pinned:
            roster.add_if_valid(a)
        net = _Network(m, roster.assignments, refused, MAX, 2 * weights["mix"], lambda *_: 0,
                       cost, sizes=sizes)
        for team, (_, high), size in net.teams():
            net.flow.add_arc_with_capacity_and_unit_cost(team, net.sink, max(0, high - size), 0)
        clashes = {a for a in net.solve() if not roster.add_if_valid(a)}
        if not clashes:
            break
        refused |= clashes
    return _grow(m, roster.assignments, weights).assignments


def least_changes(m: RosterModel) -> tuple[list[Assignment], bool]:
    """For a re-plan: the roster with the least understaffing and, within it, the fewest
    changes against `previous`; and whether both are proven least.

    A change is a participant-daypart in another department than before (idle counts as
    one). The flow pays 1 for working where the person did not work before and 1 for
    another department than before, and earns 1 back for working a daypart worked before:
    each outcome then costs exactly its change. Covering a team's minimum earns more than
    all changes together, so coverage comes first. Unlike CP-SAT this also finds chains
    (someone moves to the gap, someone idle fills their place) in milliseconds.
    The flow leaves out rule 6 (avoid): a new assignment that puts a pair together is
    refused and the flow runs again. Without refusals, or when they cost nothing, the
    roster is proven. When clashes remain after STEADY_ROUNDS, the last roster without its
    clashing assignments comes back unproven (it may leave a team short)."""
    problem = m.problem
    kept, before = set(problem.previous), places_of(problem.previous)
    refused: set[Assignment] = set()
    least = None
    for _ in range(STEADY_ROUNDS):
        flowed = _steady_flow(m, before, refused)
        if least is None:
            least = _replan_rank(problem, flowed)
        roster = _Roster(problem)
        # The old roster's assignments go in first, so a clash refuses the new one.
        for a in sorted(flowed, key=lambda a: (a not in problem.pinned, a not in kept)):
            if not roster.add_if_valid(a):
                refused.add(a)
        if len(roster.assignments) == len(flowed):
            return roster.assignments, _replan_rank(problem, flowed) == least
    return roster.assignments, False


def _replan_rank(problem: Problem, roster: list[Assignment]) -> tuple[int, int]:
    penalties = evaluate(problem, roster).penalties
    return penalties["understaffing"], penalties["changes"]


def _steady_flow(m: RosterModel, before: dict[tuple, set[str]],
                 refused: set[Assignment]) -> list[Assignment]:
    problem = m.problem

    def reward(pid: str, slot: tuple) -> int:
        return -1 if (pid, slot) in before else 0

    def cost(a: Assignment) -> int:
        return 0 if before.get((a.participant, a.slot)) == {a.department} else 1

    net = _Network(m, problem.pinned, refused, MAX, 0, reward, cost)
    coverage = -(len(problem.participants) * len(problem.slots) + 1)
    for team, (low, high), size in net.teams():
        need = max(0, low - size)
        net.flow.add_arc_with_capacity_and_unit_cost(team, net.sink, need, coverage)
        net.flow.add_arc_with_capacity_and_unit_cost(
            team, net.sink, max(0, high - size - need), 0)
    net.flow.add_arc_with_capacity_and_unit_cost(net.source, net.sink, net.supply, 0)
    return [*problem.pinned, *net.solve()]


class _Network:
    """source -> participant (contract) -> participant-daypart (one department at a time)
    -> team's group node (max_detainees for detainees) -> team; the caller adds the arcs
    from teams to the sink. `fixed` assignments are already in place. With `sizes`, each
    team's minimum and maximum are its size there; with `fair`, the flow prices the fair
    shortfall on the arcs into each person."""

    def __init__(self, m: RosterModel, fixed: list[Assignment], refused: set[Assignment],
                 level: int, misplaced: int, reward: Callable[[str, tuple], int],
                 cost: Callable[[Assignment], int], short: int = 0,
                 sizes: dict[tuple, int] | None = None, fair: int = 0) -> None:
        problem = m.problem
        self.m, self.problem, self.sizes = m, problem, sizes
        self.nodes: dict[tuple, int] = {}
        self.flow = min_cost_flow.SimpleMinCostFlow()
        self.source, self.sink = self.node("source"), self.node("sink")
        busy = {(a.participant, a.slot) for a in fixed}
        worked = Counter(a.participant for a in fixed)
        self.members = Counter((a.department, a.slot, problem.participant(a.participant).group)
                               for a in fixed)
        self.constant = 0
        self._groups(level, misplaced, short)
        self.supply = 0
        self.rooms: dict[str, int] = {}
        for p in problem.participants:
            room = max(0, p.dayparts_per_week - worked[p.id])
            self.rooms[p.id] = room
            self.supply += room
            if not fair:
                self.flow.add_arc_with_capacity_and_unit_cost(
                    self.source, self.node("person", p.id), room, 0)
            # With `fair`, a person's k-th daypart more saves their daypart short then at
            # `fair` each (the fair shortfall), so the dayparts go to who is furthest short.
            for k in range(1, room + 1 if fair else 1):
                self.flow.add_arc_with_capacity_and_unit_cost(
                    self.source, self.node("person", p.id), 1, -fair * (room - k + 1))
        self.flow.set_node_supply(self.source, self.supply)
        self.flow.set_node_supply(self.sink, -self.supply)
        self.arcs = {}
        for (pid, did, slot) in m.x:
            a = Assignment(pid, did, *slot)
            if (pid, slot) in busy or a in refused:
                continue
            if ("place", pid, slot) not in self.nodes:
                self.flow.add_arc_with_capacity_and_unit_cost(
                    self.node("person", pid), self.node("place", pid, slot), 1, reward(pid, slot))
            group = self.node("group", did, slot, problem.participant(pid).group)
            arc = self.flow.add_arc_with_capacity_and_unit_cost(
                self.node("place", pid, slot), group, 1, cost(a))
            self.arcs[arc] = a

    def node(self, *key) -> int:
        return self.nodes.setdefault(key, len(self.nodes))

    def teams(self) -> Iterator[tuple[int, tuple[int, int], int]]:
        """(team node, (min, max), people already in it) for every team."""
        for d in self.problem.departments:
            for slot in self.problem.slots:
                size = sum(self.members[(d.id, slot, g)] for g in self.problem.groups)
                yield self.node("team", d.id, slot), self.staffing(d, slot), size

    def staffing(self, d: Department, slot: Slot) -> tuple[int, int]:
        if self.sizes is None:
            return d.staffing(slot)
        size = self.sizes.get((d.id, slot), 0)
        return size, size

    def _groups(self, level: int, misplaced: int, short: int) -> None:
        """Each group reaches its team at no cost up to its share (rounded up) of the
        level's staffing and at `misplaced` per person beyond it; detainees up to their cap.
        With `short`, each person a group has below its share (rounded down) of the team's
        minimum costs that much: a constant, and as much back for each who comes."""
        for d in self.problem.departments:
            for slot in self.problem.slots:
                staffing = self.staffing(d, slot)
                low, target = staffing[MIN], staffing[level]
                size = sum(self.members[(d.id, slot, g)] for g in self.problem.groups)
                for g in self.problem.groups:
                    there = self.members[(d.id, slot, g)]
                    room = max(0, target - size)
                    if g == "detainee" and d.max_detainees is not None:
                        room = max(0, d.max_detainees - there)
                    percent = mix_percent(d.mix, g)
                    share = nearest_counts(percent, target)[1] if d.mix else room
                    fair = min(room, max(0, share - there))
                    below = max(0, nearest_counts(percent, low)[0] - there) if short else 0
                    self.constant += short * below
                    group, team = self.node("group", d.id, slot, g), self.node("team", d.id, slot)
                    for capacity, unit in ((min(fair, below), -short),
                                           (fair - min(fair, below), 0),
                                           (room - fair, misplaced)):
                        self.flow.add_arc_with_capacity_and_unit_cost(group, team, capacity, unit)

    def solve(self) -> list[Assignment]:
        self.flow.solve_max_flow_with_min_cost()
        return [a for arc, a in self.arcs.items() if self.flow.flow(arc)]


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
