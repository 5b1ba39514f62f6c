"""Small moves of assignments, with exact incremental costs, before CP-SAT takes over.

CP-SAT is slow to find a good group mix by itself: its LP relaxation can match any share
with fractions of people and so gives its search no guidance. Five moves find most of
that improvement in a fraction of a second: inside a daypart two people swap teams, one
person moves to another team, or someone idle takes an assigned person's place; one
person works another daypart of the week instead (a shift); and two people working
different dayparts trade places (a trade, which needs no room in either team). Each
move keeps every hard rule and the number of dayparts worked in all (a replacement moves a
daypart from one person to another, which the fair shortfall prices), never raises the
understaffing (a move into a team below its minimum may lower it), and is kept only when
the weighted penalties, cover and fair shortfall included, do not get worse.
Before the moves, and whenever they stall, every daypart is placed anew at once
(daypart_flow), which finds the rotations of several people that no single move makes,
and then every pair of dayparts apart, where people trade which one they work.
CP-SAT then continues from the result, and proves what it can.
"""

from __future__ import annotations

import math
import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from scheduler.daypart_flow import best_dayparts
from scheduler.evaluate import evaluate
from scheduler.model import RosterModel
from scheduler.penalties import assignment_cost, fair_shortfall, mix_percent, nearest_counts
from scheduler.problem import Assignment, Participant, Slot, places_of
from scheduler.tuning import KICK_LEAST, KICK_SHARE, MOVE, SHIFT, STAGNATION, SWAP, TRADE

Team = tuple[str, Slot]
# One person's part of a move: the team left and the team joined (None: idle there).
Step = tuple[str, Team | None, Team | None]


@dataclass
class _Counts:
    """What a team's penalties depend on, kept up to date move by move."""

    # Each member's position in `order`, the list a random member is drawn from, so a
    # draw needs no sorted copy of a set and removal stays O(1).
    members: dict[str, int] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    groups: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    experts: int = 0
    learners: int = 0
    # Members holding each certificate some cover asks for (uncovered).
    holders: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, pid: str) -> None:
        self.members[pid] = len(self.order)
        self.order.append(pid)

    def discard(self, pid: str) -> None:
        """Swap the last member into pid's position, so removal stays O(1)."""
        position, last = self.members.pop(pid), self.order.pop()
        if last != pid:
            self.order[position] = last
            self.members[last] = position


@dataclass
class _Site:
    """Everyone at work in one daypart, and the holders among them (site_cover)."""

    working: int = 0
    holders: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class _State:
    def __init__(self, m: RosterModel, roster: list[Assignment], weights: dict[str, int]):
        problem = m.problem
        self.m, self.problem, self.w = m, problem, weights
        self.people = {p.id: p for p in problem.participants}
        self.pinned = {(a.participant, a.slot) for a in problem.pinned}
        self.partners: dict[str, set[str]] = defaultdict(set)
        for first, second in problem.avoid_pairs():
            self.partners[first].add(second)
            self.partners[second].add(first)
        self.shares = {
            d.id: {g: mix_percent(d.mix, g) for g in problem.groups}
            for d in problem.departments
            if d.mix
        }
        self.departments = {d.id: d for d in problem.departments}
        self.covered = ({c.certificate for d in problem.departments for c in d.cover}
                        | {c.certificate for c in problem.site_cover})
        self.window_cache: dict[tuple[str, int], list[tuple[str, int, int]]] = {}
        # What a person's week costs is recomputed after every move, so each week is also
        # kept as a list by daypart and its fixed parts are looked up, not worked out again.
        self.slots = problem.slots
        self.index = {slot: i for i, slot in enumerate(self.slots)}
        self.consecutive = [(self.index[a], self.index[b]) for a, b in problem.consecutive]
        self.alone = [(slot,) for slot in self.slots]
        self.apart = [(a, b) for i, a in enumerate(self.slots) for b in self.slots[i + 1:]
                      if (a, b) not in problem.consecutive and (b, a) not in problem.consecutive]
        self.change = weights["changes"] if problem.previous else 0
        previous = places_of(problem.previous)
        self.before = {pid: [previous.get((pid, slot), set()) for slot in self.slots]
                       for pid in self.people}
        self.prices: dict[str, dict[str, int]] = defaultdict(dict)
        for pid, did, _slot in m.x:
            self.prices[pid][did] = assignment_cost(self.people[pid], did, weights)
        # The most a kept move may raise the cost: 0 in the descent, unbounded in a kick.
        self.tolerance: float = 0
        self.reset(roster)

    def reset(self, roster: list[Assignment]) -> None:
        """Start over from `roster`, keeping what depends only on the week and the weights,
        so a restart after a kick needs no new lookups."""
        self.place: dict[tuple[str, Slot], str] = {}
        self.worked: dict[str, int] = defaultdict(int)
        self.teams: dict[Team, _Counts] = defaultdict(_Counts)
        # Everyone at work per daypart, with their holders of each certificate: site_cover.
        self.site: dict[Slot, _Site] = defaultdict(_Site)
        self.week = {pid: [None] * len(self.slots) for pid in self.people}
        for a in roster:
            self.assign(a.participant, a.department, a.slot)
        self.team_cost = {team: self.cost_of_team(team) for team in self.m.teams}
        self.person_cost = {pid: self.cost_of_person(pid) for pid in self.people}
        self.slot_cost = {slot: self.cost_of_slot(slot) for slot in self.slots}

    def assign(self, pid: str, did: str, slot: Slot) -> None:
        p, team = self.people[pid], self.teams[(did, slot)]
        self.place[(pid, slot)] = did
        self.week[pid][self.index[slot]] = did
        self.worked[pid] += 1
        team.add(pid)
        team.groups[p.group] += 1
        team.experts += p.skill(did) >= 2
        team.learners += p.is_learner(did)
        self._hold(p, team, slot, 1)

    def unassign(self, pid: str, slot: Slot) -> str:
        did = self.place.pop((pid, slot))
        self.week[pid][self.index[slot]] = None
        p, team = self.people[pid], self.teams[(did, slot)]
        self.worked[pid] -= 1
        team.discard(pid)
        team.groups[p.group] -= 1
        team.experts -= p.skill(did) >= 2
        team.learners -= p.is_learner(did)
        self._hold(p, team, slot, -1)
        return did

    def _hold(self, p: Participant, team: _Counts, slot: Slot, step: int) -> None:
        """Counts p in or out of the holders that a cover looks at."""
        if not self.covered:
            return
        site = self.site[slot]
        site.working += step
        for certificate in self.covered & p.certificates:
            team.holders[certificate] += step
            site.holders[certificate] += step

    def cost_of_team(self, team: Team) -> int:
        counts = self.teams[team]
        cost = 0 if counts.experts else self.w["unsupported_learner"] * counts.learners
        covers = self.departments[team[0]].cover
        if covers and counts.members:
            cost += self.w["uncovered"] * sum(max(0, c.min - counts.holders[c.certificate])
                                              for c in covers)
        if team[0] in self.shares:
            groups = counts.groups
            cost += self.w["mix"] * sum(
                max(0, low - groups[g], groups[g] - high)
                for g, low, high in self.windows(team[0], len(counts.members))
            )
        return cost

    def windows(self, did: str, size: int) -> list[tuple[str, int, int]]:
        """Each group's nearest counts (penalties.outside_mix) for a team of this size,
        worked out once per department and size: the search asks a million times."""
        key = (did, size)
        if key not in self.window_cache:
            self.window_cache[key] = [(g, *nearest_counts(share, size))
                                      for g, share in self.shares[did].items()]
        return self.window_cache[key]

    def cost_of_slot(self, slot: Slot) -> int:
        """Holders short of the site's covers in a daypart in which anyone works."""
        counts = self.site[slot]
        if not counts.working:
            return 0
        return self.w["uncovered"] * sum(max(0, c.min - counts.holders[c.certificate])
                                         for c in self.problem.site_cover)

    def cost_of_person(self, pid: str) -> int:
        week, prices, w = self.week[pid], self.prices[pid], self.w
        cost = sum(prices[did] for did in week if did)
        short = self.people[pid].dayparts_per_week - self.worked[pid]
        cost += w["below_contract"] * fair_shortfall(max(0, short))
        cost += w["unmet_learning"] * len(self.people[pid].learning.difference(week))
        for first, second in self.consecutive:
            here, there = week[first], week[second]
            if here and there and here != there:
                cost += w["department_switch"]
        if self.change:
            cost += self.change * sum(({did} if did else set()) != before
                                      for did, before in zip(week, self.before[pid], strict=True))
        return cost

    def fits(self, p: Participant, did: str, slot: Slot, leaving: str | None = None) -> bool:
        """Rules 1, 3-6 for p joining the team, given who leaves it at the same time."""
        if (p.id, did, slot) not in self.m.x:
            return False
        team = self.teams[(did, slot)]
        partners = self.partners.get(p.id)
        if partners and any(q in team.members and q != leaving for q in partners):
            return False
        department = self.departments[did]
        if p.is_detainee and department.max_detainees is not None:
            gone = bool(leaving) and self.people[leaving].is_detainee
            if team.groups["detainee"] - gone >= department.max_detainees:
                return False
        return True

    def rescore(self, teams: list[Team], people: list[str]) -> int:
        """Store the new costs of what a move touched; returns the change in total."""
        delta = 0
        for team in teams:
            new = self.cost_of_team(team)
            delta += new - self.team_cost[team]
            self.team_cost[team] = new
        for pid in people:
            new = self.cost_of_person(pid)
            delta += new - self.person_cost[pid]
            self.person_cost[pid] = new
        if self.problem.site_cover:
            for slot in {team[1] for team in teams}:
                new = self.cost_of_slot(slot)
                delta += new - self.slot_cost[slot]
                self.slot_cost[slot] = new
        return delta

    def cost(self) -> int:
        return (sum(self.team_cost.values()) + sum(self.person_cost.values())
                + sum(self.slot_cost.values()))

    def roster(self) -> list[Assignment]:
        return sorted(Assignment(pid, did, *slot) for (pid, slot), did in self.place.items())


def improve(
    m: RosterModel,
    roster: list[Assignment],
    weights: dict[str, int],
    seconds: float,
    kicks: bool = True,
    target: float = -math.inf,
    stop: Callable[[], bool] = lambda: False,
) -> list[Assignment]:
    """A roster at least as good as `roster` under `weights`, found within `seconds`.
    Without kicks it ends at the first roster that neither the moves nor the flow improve,
    leaving the rest of the time to CP-SAT. It ends as soon as its roster's objective is
    at `target` (a lower bound: nothing better is there to find), or `stop` says so."""
    deadline = time.perf_counter() + seconds
    state = _State(m, roster, weights)
    if target > -math.inf:
        # The state leaves out what no move changes (understaffing).
        target -= evaluate(m.problem, roster).objective(weights) - state.cost()
    _place_all(state, deadline)
    rng = random.Random(1)
    candidates = {team: [p.id for p, _ in members] for team, members in m.teams.items()}
    by_slot: dict[Slot, list[Team]] = defaultdict(list)
    for team in candidates:
        by_slot[team[1]].append(team)
    slots = [slot for slot in m.problem.slots if len(by_slot[slot]) > 0]
    best, best_cost = state.roster(), state.cost()
    idle = 0
    while slots and time.perf_counter() < deadline and best_cost > target and not stop():
        if idle >= STAGNATION:
            _place_all(state, deadline)
            cost = state.cost()
            if cost < best_cost:
                best, best_cost = state.roster(), cost
            elif not kicks:
                break
            else:
                state.reset(best)
                _kick(state, rng, slots, by_slot, candidates)
            idle = 0
        for _ in range(200):
            idle = 0 if _random_try(state, rng, slots, by_slot, candidates) else idle + 1
        if target > -math.inf and (cost := state.cost()) < best_cost and cost <= target:
            best, best_cost = state.roster(), cost
    return state.roster() if state.cost() < best_cost else best


def _place_all(state: _State, deadline: float) -> None:
    """Each daypart alone, then every pair of dayparts that do not follow each other at once,
    so that people also trade which of them they work: a rotation that neither a single
    daypart's flow nor a pair of moves makes."""
    _place_dayparts(state, state.alone, deadline)
    _place_dayparts(state, state.apart, deadline)


def _place_dayparts(state: _State, groups: list[tuple[Slot, ...]], deadline: float) -> None:
    """Each group of dayparts placed anew by the daypart flow, kept where the week's cost
    does not rise: the flow leaves out unsupported learners, which the incremental cost
    counts. It stops at the deadline between groups: a whole pass takes seconds on a large
    week, and would run a short solve past its limit."""
    for slots in groups:
        if time.perf_counter() >= deadline:
            return
        placed = best_dayparts(state.m, state.w, state.place, slots)
        if placed is None:
            continue
        steps = []
        for slot in slots:
            for pid in state.people:
                before, after = state.place.get((pid, slot)), placed.get((pid, slot))
                if before != after:
                    steps.append((pid, before and (before, slot), after and (after, slot)))
        if steps:
            _attempt(state, steps)


def _kick(state: _State, rng: random.Random, slots: list[Slot],
          by_slot: dict[Slot, list[Team]], candidates: dict[Team, list[str]]) -> None:
    """Random moves kept whatever they cost, to leave a local optimum of both the moves
    and the daypart flow; the search goes on from there and falls back on the best."""
    state.tolerance = math.inf
    for _ in range(max(KICK_LEAST, int(KICK_SHARE * len(state.place)))):
        _random_try(state, rng, slots, by_slot, candidates)
    state.tolerance = 0


def _random_try(state: _State, rng: random.Random, slots: list[Slot],
                by_slot: dict[Slot, list[Team]], candidates: dict[Team, list[str]]) -> bool:
    """One move in a random team of a random daypart; whether it lowered the cost."""
    slot = _pick(rng, slots)
    team = _pick(rng, by_slot[slot])
    return bool(state.teams[team].members) and _try(
        state, rng, team, by_slot[slot], candidates[team])


def _pick(rng: random.Random, items: list | tuple):
    """random.choice without its bit-by-bit draw: the local search makes a million of these."""
    return items[int(rng.random() * len(items))]


def _try(
    state: _State, rng: random.Random, team: Team, teams: list[Team], candidates: list[str]
) -> bool:
    """One random move; whether it lowered the cost."""
    did, slot = team
    pid = _pick(rng, state.teams[team].order)
    if (pid, slot) in state.pinned:
        return False
    kind = rng.random()
    if kind < SWAP:
        other = _pick(rng, teams)
        if other == team or not state.teams[other].members:
            return False
        qid = _pick(rng, state.teams[other].order)
        return (qid, slot) not in state.pinned and _swap(state, pid, qid, team, other)
    if kind < MOVE:
        return _move(state, pid, team, _pick(rng, teams))
    if kind < SHIFT:
        return _shift(state, rng, pid, team)
    if kind < TRADE:
        return _trade(state, rng, pid, team)
    qid = _pick(rng, candidates)
    q = state.people[qid]
    return (
        (qid, slot) not in state.place
        and state.worked[qid] < q.dayparts_per_week
        and _replace(state, pid, qid, team)
    )


def _swap(state: _State, pid: str, qid: str, team: Team, other: Team) -> bool:
    p, q, slot = state.people[pid], state.people[qid], team[1]
    if not state.fits(p, other[0], slot, leaving=qid):
        return False
    if not state.fits(q, team[0], slot, leaving=pid):
        return False
    return _attempt(state, [(pid, team, other), (qid, other, team)])


def _move(state: _State, pid: str, team: Team, other: Team) -> bool:
    """p leaves `team` for `other`, in the same daypart or (a shift) another one."""
    p = state.people[pid]
    if other == team or not state.fits(p, other[0], other[1]):
        return False
    low_here, _ = state.departments[team[0]].staffing(team[1])
    low_there, high_there = state.departments[other[0]].staffing(other[1])
    size_here, size_there = len(state.teams[team].members), len(state.teams[other].members)
    if size_there >= high_there or (size_here <= low_here and size_there >= low_there):
        return False
    return _attempt(state, [(pid, team, other)])


def _shift(state: _State, rng: random.Random, pid: str, team: Team) -> bool:
    """p works another daypart of the week instead, where free and allowed."""
    other = _elsewhere(state, rng, pid)
    return other is not None and _move(state, pid, team, other)


def _trade(state: _State, rng: random.Random, pid: str, team: Team) -> bool:
    """p and someone working another daypart trade places: p takes theirs there, they take
    p's here. Unlike a shift it needs no room in either team."""
    other = _elsewhere(state, rng, pid)
    if other is None or not state.teams[other].members:
        return False
    qid = _pick(rng, state.teams[other].order)
    if (qid, other[1]) in state.pinned or (qid, team[1]) in state.place:
        return False
    if not state.fits(state.people[qid], team[0], team[1], leaving=pid):
        return False
    if not state.fits(state.people[pid], other[0], other[1], leaving=qid):
        return False
    return _attempt(state, [(pid, team, other), (qid, other, team)])


def _elsewhere(state: _State, rng: random.Random, pid: str) -> Team | None:
    """A random team of a random daypart that p does not work yet and may work."""
    slot = _pick(rng, state.problem.slots)
    choices = state.m.places.get((pid, slot))
    if not choices or (pid, slot) in state.place:
        return None
    return _pick(rng, sorted(choices)), slot


def _replace(state: _State, pid: str, qid: str, team: Team) -> bool:
    q, slot = state.people[qid], team[1]
    if not state.fits(q, team[0], slot, leaving=pid):
        return False
    return _attempt(state, [(pid, team, None), (qid, None, team)])


def _attempt(state: _State, steps: list[Step]) -> bool:
    """Make the steps and undo them if the cost rose; whether the cost fell."""
    teams = list(dict.fromkeys(team for _, *ends in steps for team in ends if team))
    people = [pid for pid, _, _ in steps]
    _make(state, steps)
    delta = state.rescore(teams, people)
    if delta > state.tolerance:
        _make(state, [(pid, joined, left) for pid, left, joined in reversed(steps)])
        state.rescore(teams, people)
    return delta < 0


def _make(state: _State, steps: list[Step]) -> None:
    for pid, left, joined in steps:
        if left:
            state.unassign(pid, left[1])
        if joined:
            state.assign(pid, joined[0], joined[1])
