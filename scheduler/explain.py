"""Why a week cannot be planned: minimal sets of clashing pins and rules, in plain language.

Every hard rule other than pinning only forbids assignments, so leaving everyone else
unassigned never breaks one: a week is infeasible exactly when its pins alone break a
rule. That lets the explanation run on a tiny model of the pins only, with one assumption
literal per pin and per rule instance (a capacity of one team, one contract, one avoid
pair, ...). CP-SAT's sufficient assumptions give a core, deletion shrinks it to a minimal
one, and the rule found is then set aside to look for the next clash, so a planner sees
every clash at once rather than one per attempt.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from scheduler.problem import Assignment, Problem

MAX_CLASHES = 20


@dataclass(frozen=True)
class Clash:
    rule: str
    participants: tuple[str, ...]
    department: str | None
    day: str | None
    daypart: str | None
    text: str

    def to_json(self) -> dict:
        return {**self.__dict__, "participants": list(self.participants)}


@dataclass
class _Rule:
    """One instance of a hard rule over some pins, e.g. the capacity of one team."""

    code: str
    pins: list[int]
    limit: int
    literal: cp_model.IntVar | None = field(default=None)


def explain(problem: Problem) -> list[Clash]:
    """Minimal clashes among the pins and the hard rules; empty when the week is feasible."""
    pins = list(problem.pinned)
    if not pins:
        return []
    model = cp_model.CpModel()
    held = [model.NewBoolVar(f"pin{i}") for i in range(len(pins))]
    rules = _rule_instances(problem, pins)
    for i, rule in enumerate(rules):
        rule.literal = model.NewBoolVar(f"rule{i}")
        model.Add(sum(held[j] for j in rule.pins) <= rule.limit).OnlyEnforceIf(rule.literal)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    active = [lit.Index() for lit in (*held, *(rule.literal for rule in rules))]
    clashes = []
    while len(clashes) < MAX_CLASHES:
        core = _minimal_core(model, solver, active)
        if not core:
            break
        rule = next(r for r in rules if r.literal.Index() in core)
        involved = [pins[j] for j in rule.pins if held[j].Index() in core]
        clashes.append(_clash(problem, rule.code, involved, rule.limit))
        active.remove(rule.literal.Index())
    return clashes


def _minimal_core(
    model: cp_model.CpModel, solver: cp_model.CpSolver, active: list[int]
) -> set[int]:
    """A subset-minimal set of assumption indices that cannot all hold (empty if they can)."""
    core = _core(model, solver, active)
    for index in sorted(core):
        if index in core:
            core = _core(model, solver, [i for i in core if i != index]) or core
    return core


def _core(model: cp_model.CpModel, solver: cp_model.CpSolver, indices: list[int]) -> set[int]:
    model.ClearAssumptions()
    model.AddAssumptions([model.GetBoolVarFromProtoIndex(i) for i in indices])
    if solver.Solve(model) != cp_model.INFEASIBLE:
        return set()
    return set(solver.SufficientAssumptionsForInfeasibility())


def _rule_instances(problem: Problem, pins: list[Assignment]) -> list[_Rule]:
    """Each rule instance that constrains at least one pin; a limit of 0 forbids the pin."""
    rules = []
    by_place = defaultdict(list)
    by_person = defaultdict(list)
    by_team = defaultdict(list)
    for i, pin in enumerate(pins):
        p, d = problem.participant(pin.participant), problem.department(pin.department)
        by_place[(pin.participant, pin.slot)].append(i)
        by_person[pin.participant].append(i)
        by_team[(pin.department, pin.slot)].append(i)
        if pin.slot not in p.available:
            rules.append(_Rule("availability", [i], 0))
        if not d.requires <= p.certificates:
            rules.append(_Rule("certificate", [i], 0))
        if d.outside and p.is_detainee and p.clearance == "inside":
            rules.append(_Rule("clearance", [i], 0))
    for same_place in by_place.values():
        rules.append(_Rule("double_booking", same_place, 1))
    for pid, own in by_person.items():
        rules.append(_Rule("contract", own, problem.participant(pid).dayparts_per_week))
    for (did, slot), team in by_team.items():
        department = problem.department(did)
        rules.append(_Rule("capacity", team, department.staffing(slot)[1]))
        if department.max_detainees is not None:
            detainees = [i for i in team if problem.participant(pins[i].participant).is_detainee]
            rules.append(_Rule("max_detainees", detainees, department.max_detainees))
        members = {pins[i].participant: i for i in team}
        for first, second in sorted(problem.avoid_pairs()):
            if first in members and second in members:
                rules.append(_Rule("avoid", [members[first], members[second]], 1))
    return rules


def _clash(problem: Problem, code: str, pins: list[Assignment], limit: int) -> Clash:
    first = pins[0]
    who = problem.person(first.participant)
    where = problem.place(first.department)
    when = f"{first.day} {first.daypart}"
    department = problem.department(first.department)
    names = ", ".join(problem.person(pin.participant) for pin in pins)
    missing = department.requires - problem.participant(first.participant).certificates
    texts = {
        "availability": f"Pinned: {who} in {where} on {when}, but {who} is not available then",
        "certificate": f"Pinned: {who} in {where} on {when}, but {where} requires "
        f"{', '.join(sorted(missing))}, which {who} does not hold",
        "clearance": f"Pinned: {who} in {where} on {when}, but {where} works outside and {who} "
        "has inside clearance only",
        "double_booking": f"Pinned: {who} in both "
        f"{' and '.join(problem.place(pin.department) for pin in pins)} on {when}, but one "
        "person works in one department at a time",
        "contract": f"Pinned: {who} on {len(pins)} dayparts "
        f"({', '.join(f'{pin.day} {pin.daypart}' for pin in pins)}), but the contract allows "
        f"at most {limit} per week",
        "capacity": f"Pinned: {len(pins)} people in {where} on {when} ({names}), but at most "
        f"{limit} can work there then",
        "max_detainees": f"Pinned: {len(pins)} detainees in {where} on {when} ({names}), but at "
        f"most {limit} detainees may work there",
        "avoid": f"Pinned: {names} together in {where} on {when}, but they must not work "
        "together",
    }
    per_week = code == "contract"
    return Clash(
        rule=code,
        participants=tuple(dict.fromkeys(pin.participant for pin in pins)),
        department=None if per_week or code == "double_booking" else first.department,
        day=None if per_week else first.day,
        daypart=None if per_week else first.daypart,
        text=texts[code],
    )
