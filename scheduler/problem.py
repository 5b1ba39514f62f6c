"""The week's roster problem as plain data, parsed and validated from the JSON contract.

Everything downstream (model, checker, evaluator, explainer) trusts these dataclasses, so
all input checking happens here and every error names the offending key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

Slot = tuple[str, str]
DETAINEE = "detainee"
CLEARANCES = ("inside", "outside")
MODES = ("plan", "gap")


@dataclass(frozen=True)
class Cover:
    """At least `min` holders of `certificate` (per team that has anyone, or per daypart on
    the site): a warehouse team without a forklift driver cannot move a pallet."""

    certificate: str
    min: int


class ProblemError(ValueError):
    """Bad input, with the JSON path of the key at fault so a planner can find it."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


@dataclass(frozen=True, order=True)
class Assignment:
    participant: str
    department: str
    day: str
    daypart: str

    @property
    def slot(self) -> Slot:
        return (self.day, self.daypart)

    def to_json(self) -> dict[str, str]:
        return {
            "participant": self.participant,
            "department": self.department,
            "day": self.day,
            "daypart": self.daypart,
        }


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    outside: bool
    requires: frozenset[str]
    min: int
    max: int
    overrides: dict[Slot, tuple[int, int]]
    max_detainees: int | None
    mix: dict[str, float]
    cover: tuple[Cover, ...] = ()

    def staffing(self, slot: Slot) -> tuple[int, int]:
        """(min, max) for one day and daypart, after overrides."""
        return self.overrides.get(slot, (self.min, self.max))


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    group: str
    clearance: str
    certificates: frozenset[str]
    skills: dict[str, int]
    available: frozenset[Slot]
    dayparts_per_week: int
    prefers: frozenset[str]
    learning: frozenset[str]
    avoid: frozenset[str]

    @property
    def is_detainee(self) -> bool:
        return self.group == DETAINEE

    def skill(self, department: str) -> int:
        return self.skills.get(department, 0)

    def is_unskilled(self, department: str) -> bool:
        """Skill 0 there, and not sent there to learn."""
        return self.skill(department) == 0 and department not in self.learning

    def is_unpreferred(self, department: str) -> bool:
        """Outside the departments this person prefers, if they prefer any."""
        return bool(self.prefers) and department not in self.prefers

    def is_learner(self, department: str) -> bool:
        """Skill 1, or sent there to learn while not yet skilled (skill 2+ needs no support)."""
        skill = self.skill(department)
        return skill < 2 and (skill == 1 or department in self.learning)


@dataclass(frozen=True)
class Problem:
    week: str
    days: tuple[str, ...]
    dayparts: tuple[str, ...]
    groups: tuple[str, ...]
    departments: tuple[Department, ...]
    participants: tuple[Participant, ...]
    pinned: tuple[Assignment, ...] = ()
    previous: tuple[Assignment, ...] = ()
    site_cover: tuple[Cover, ...] = ()
    # "plan": a full plan, `previous` only weighs as stability; "gap": a re-plan after an
    # absence, where the fewest changes rank right after understaffing and cover.
    mode: str = "plan"
    _departments: dict[str, Department] = field(init=False, repr=False, compare=False)
    _participants: dict[str, Participant] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_departments", {d.id: d for d in self.departments})
        object.__setattr__(self, "_participants", {p.id: p for p in self.participants})

    @property
    def slots(self) -> list[Slot]:
        return [(day, part) for day in self.days for part in self.dayparts]

    @property
    def consecutive(self) -> list[tuple[Slot, Slot]]:
        """Each pair of dayparts that follow each other within one day."""
        return [((day, first), (day, second)) for day in self.days
                for first, second in zip(self.dayparts, self.dayparts[1:], strict=False)]

    def department(self, department_id: str) -> Department | None:
        return self._departments.get(department_id)

    def participant(self, participant_id: str) -> Participant | None:
        return self._participants.get(participant_id)

    def avoid_pairs(self) -> set[tuple[str, str]]:
        """Sorted id pairs where either side names the other; unknown ids are dropped."""
        return {
            tuple(sorted((p.id, other)))
            for p in self.participants
            for other in p.avoid
            if other != p.id and other in self._participants
        }

    def person(self, participant_id: str) -> str:
        """Name for messages: planners know people by name, ids only as fallback."""
        p = self.participant(participant_id)
        return p.name if p else participant_id

    def place(self, department_id: str) -> str:
        d = self.department(department_id)
        return d.name if d else department_id


def places_of(assignments: Iterable[Assignment]) -> dict[tuple[str, Slot], set[str]]:
    """The departments of each participant-daypart: how stability compares two rosters."""
    places: dict[tuple[str, Slot], set[str]] = {}
    for a in assignments:
        places.setdefault((a.participant, a.slot), set()).add(a.department)
    return places


def parse_problem(data: Any) -> Problem:
    """Build a Problem from contract JSON, raising ProblemError(key, message) on bad input.

    Ids that refer to people or departments outside this week (in `avoid`, `skills`,
    `prefers`, `learning`, `previous`) are ignored: they come from longer-lived records.
    Pins are instructions for this week, so an unknown id there is an error.
    """
    _expect(data, dict, "problem")
    days = _names(_get(data, "days", "days"), "days")
    dayparts = _names(_get(data, "dayparts", "dayparts"), "dayparts")
    groups = _names(_get(data, "groups", "groups"), "groups")
    week = data.get("week", "")
    _expect(week, str, "week")
    slots = {(d, p) for d in days for p in dayparts}
    departments = tuple(
        _department(item, f"departments[{i}]", slots, groups)
        for i, item in enumerate(_get_list(data, "departments", "departments"))
    )
    _unique([d.id for d in departments], "departments")
    known_departments = {d.id for d in departments}
    participants = tuple(
        _participant(item, f"participants[{i}]", slots, groups, known_departments)
        for i, item in enumerate(_get_list(data, "participants", "participants"))
    )
    _unique([p.id for p in participants], "participants")
    known_participants = {p.id for p in participants}
    pinned = parse_assignments(data.get("pinned", []), "pinned", days, dayparts)
    for i, pin in enumerate(pinned):
        if pin.participant not in known_participants:
            raise ProblemError(
                f"pinned[{i}].participant", f"unknown participant {pin.participant!r}"
            )
        if pin.department not in known_departments:
            raise ProblemError(
                f"pinned[{i}].department", f"unknown department {pin.department!r}"
            )
    previous = [
        a
        for a in parse_assignments(data.get("previous", []), "previous", days, dayparts)
        if a.participant in known_participants and a.department in known_departments
    ]
    mode = data.get("mode", "plan")
    if mode not in MODES:
        raise ProblemError("mode", f"must be 'plan' or 'gap', got {mode!r}")
    return Problem(
        week=week,
        mode=mode,
        site_cover=_covers(data.get("site_cover", []), "site_cover"),
        days=days,
        dayparts=dayparts,
        groups=groups,
        departments=departments,
        participants=participants,
        pinned=tuple(dict.fromkeys(pinned)),
        previous=tuple(dict.fromkeys(previous)),
    )


def parse_assignments(
    data: Any,
    key: str,
    days: tuple[str, ...] | None = None,
    dayparts: tuple[str, ...] | None = None,
) -> list[Assignment]:
    """Parse an assignment list; ids are checked by the caller, days/dayparts here if given."""
    _expect(data, list, key)
    result = []
    for i, item in enumerate(data):
        path = f"{key}[{i}]"
        _expect(item, dict, path)
        values = [_get_str(item, k, f"{path}.{k}") for k in Assignment.__dataclass_fields__]
        assignment = Assignment(*values)
        if days is not None and assignment.day not in days:
            raise ProblemError(f"{path}.day", f"unknown day {assignment.day!r}")
        if dayparts is not None and assignment.daypart not in dayparts:
            raise ProblemError(f"{path}.daypart", f"unknown daypart {assignment.daypart!r}")
        result.append(assignment)
    return result


def _department(data: Any, path: str, slots: set[Slot], groups: tuple[str, ...]) -> Department:
    _expect(data, dict, path)
    staffing = _get(data, "staffing", f"{path}.staffing")
    _expect(staffing, dict, f"{path}.staffing")
    low, high = _bounds(staffing, f"{path}.staffing")
    overrides = {}
    for i, item in enumerate(_get_list(data, "overrides", f"{path}.overrides")
                                  if "overrides" in data else []):
        where = f"{path}.overrides[{i}]"
        _expect(item, dict, where)
        slot = _slot(item, where, slots)
        high_here = item.get("max", high)
        defaults = {"min": min(low, high_here) if isinstance(high_here, int) else low, "max": high}
        overrides[slot] = _bounds(defaults | item, where)
    max_detainees = data.get("max_detainees")
    if max_detainees is not None:
        max_detainees = _count(max_detainees, f"{path}.max_detainees")
    mix = data.get("mix", {})
    _expect(mix, dict, f"{path}.mix")
    for group, share in mix.items():
        if group not in groups:
            raise ProblemError(f"{path}.mix.{group}", f"unknown group {group!r}")
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise ProblemError(
                f"{path}.mix.{group}", f"share must be between 0 and 1, got {share!r}"
            )
    department_id = _get_str(data, "id", f"{path}.id")
    name = data.get("name", department_id)
    _expect(name, str, f"{path}.name")
    outside = data.get("outside", False)
    _expect(outside, bool, f"{path}.outside")
    return Department(
        id=department_id,
        name=name,
        outside=outside,
        requires=frozenset(_names(data.get("requires", []), f"{path}.requires")),
        min=low,
        max=high,
        overrides=overrides,
        max_detainees=max_detainees,
        mix={g: float(s) for g, s in mix.items()},
        cover=_covers(data.get("cover", []), f"{path}.cover"),
    )


def _covers(data: Any, path: str) -> tuple[Cover, ...]:
    """A cover list: [{"certificate": "forklift", "min": 1}], one entry per certificate."""
    _expect(data, list, path)
    covers = []
    for i, item in enumerate(data):
        where = f"{path}[{i}]"
        _expect(item, dict, where)
        covers.append(Cover(_get_str(item, "certificate", f"{where}.certificate"),
                            _count(item.get("min", 1), f"{where}.min")))
    _unique([c.certificate for c in covers], path)
    return tuple(c for c in covers if c.min > 0)


def _participant(
    data: Any, path: str, slots: set[Slot], groups: tuple[str, ...], departments: set[str]
) -> Participant:
    _expect(data, dict, path)
    participant_id = _get_str(data, "id", f"{path}.id")
    group = _get_str(data, "group", f"{path}.group")
    if group not in groups:
        raise ProblemError(f"{path}.group", f"unknown group {group!r}")
    clearance = data.get("clearance", "inside")
    if clearance not in CLEARANCES:
        raise ProblemError(f"{path}.clearance", f"must be 'inside' or 'outside', got {clearance!r}")
    available = []
    for i, item in enumerate(_get_list(data, "available", f"{path}.available")):
        where = f"{path}.available[{i}]"
        if not (isinstance(item, list) and len(item) == 2):
            raise ProblemError(where, "must be a [day, daypart] pair")
        available.append(_slot({"day": item[0], "daypart": item[1]}, where, slots))
    skills = data.get("skills", {})
    _expect(skills, dict, f"{path}.skills")
    for dept, level in skills.items():
        if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 3:
            raise ProblemError(f"{path}.skills.{dept}", f"level must be 0 to 3, got {level!r}")
    name = data.get("name", participant_id)
    _expect(name, str, f"{path}.name")
    return Participant(
        id=participant_id,
        name=name,
        group=group,
        clearance=clearance,
        certificates=frozenset(_names(data.get("certificates", []), f"{path}.certificates")),
        skills={d: level for d, level in skills.items() if d in departments},
        available=frozenset(available),
        dayparts_per_week=_count(
            _get(data, "dayparts_per_week", f"{path}.dayparts_per_week"),
            f"{path}.dayparts_per_week",
        ),
        prefers=frozenset(_names(data.get("prefers", []), f"{path}.prefers")) & departments,
        learning=frozenset(_names(data.get("learning", []), f"{path}.learning")) & departments,
        avoid=frozenset(_names(data.get("avoid", []), f"{path}.avoid")),
    )


def _slot(item: dict, path: str, slots: set[Slot]) -> Slot:
    day = _get_str(item, "day", f"{path}.day")
    daypart = _get_str(item, "daypart", f"{path}.daypart")
    if not any(d == day for d, _ in slots):
        raise ProblemError(path, f"unknown day {day!r}")
    if (day, daypart) not in slots:
        raise ProblemError(path, f"unknown daypart {daypart!r}")
    return (day, daypart)


def _bounds(item: dict, path: str) -> tuple[int, int]:
    low = _count(_get(item, "min", f"{path}.min"), f"{path}.min")
    high = _count(_get(item, "max", f"{path}.max"), f"{path}.max")
    if low > high:
        raise ProblemError(f"{path}.min", f"min {low} is above max {high}")
    return low, high


def _get(data: dict, key: str, path: str) -> Any:
    if key not in data:
        raise ProblemError(path, "missing required key")
    return data[key]


def _get_list(data: dict, key: str, path: str) -> list:
    value = _get(data, key, path)
    _expect(value, list, path)
    return value


def _get_str(data: dict, key: str, path: str) -> str:
    value = _get(data, key, path)
    if not isinstance(value, str) or not value:
        raise ProblemError(path, f"must be a non-empty string, got {value!r}")
    return value


def _names(value: Any, path: str) -> tuple[str, ...]:
    _expect(value, list, path)
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item:
            raise ProblemError(f"{path}[{i}]", f"must be a non-empty string, got {item!r}")
    _unique(value, path)
    return tuple(value)


def _count(value: Any, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProblemError(path, f"must be a whole number of 0 or more, got {value!r}")
    return value


def _unique(ids: list[str], path: str) -> None:
    seen = set()
    for i, item in enumerate(ids):
        if item in seen:
            raise ProblemError(f"{path}[{i}]", f"duplicate {item!r}")
        seen.add(item)


_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}


def _expect(value: Any, kind: type, path: str) -> None:
    if not isinstance(value, kind):
        raise ProblemError(path, f"must be {_TYPE_NAMES[kind]}, got {type(value).__name__}")
