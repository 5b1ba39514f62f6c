"""The week view's content: who works where, staffing against min/max, group mix per department.

Staffing limits come from the same problem the solver gets, so the view shows the
minimum the orders raised, and a participant who fell ill after publishing shows as a gap.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import scheduler
from app.vocab import DAYPARTS, DAYS, ROSTER_GROUPS


@dataclass(frozen=True)
class Chip:
    code: str
    name: str
    group: str
    pinned: bool
    absent: bool


@dataclass
class Cell:
    department: str
    day: str
    daypart: str
    low: int
    high: int
    chips: list[Chip] = field(default_factory=list)

    # Cached: the page asks several times per cell, and `build_grid` has filled the cell
    # before anyone asks.
    @cached_property
    def present(self) -> int:
        return sum(not chip.absent for chip in self.chips)

    @cached_property
    def state(self) -> str:
        """'closed', 'under', 'over' or 'ok': styled, and always also written out."""
        if self.high == 0 and not self.chips:
            return "closed"
        if self.present < self.low:
            return "under"
        if self.present > self.high:
            return "over"
        return "ok"


@dataclass(frozen=True)
class MixShare:
    group: str
    actual: float
    target: float


@dataclass
class Row:
    department: scheduler.Department
    cells: list[Cell]
    mix: list[MixShare]


@dataclass(frozen=True)
class Gap:
    """An absent person still on the roster: who, and which daypart and department."""

    chip: Chip
    day: str
    daypart: str
    department: str


@dataclass
class Grid:
    rows: list[Row]
    gaps: list[Gap]
    people: dict[str, scheduler.Participant]


def build_grid(
    problem: scheduler.Problem, assignments: list[dict], names: dict[str, tuple[str, str]]
) -> Grid:
    """`names` maps every participant code in `assignments` to (name, roster group), for
    people who are no longer in this week's problem but still on a stored roster."""
    cells = {
        (d.id, day, part): Cell(d.id, day, part, *d.staffing((day, part)))
        for d in problem.departments
        for day in DAYS
        for part in DAYPARTS
    }
    gaps = []
    for a in sorted(assignments, key=lambda a: names.get(a["participant"], ("", ""))[0]):
        person = problem.participant(a["participant"])
        name, group = names.get(a["participant"], (a["participant"], "other"))
        absent = person is None or (a["day"], a["daypart"]) not in person.available
        chip = Chip(a["participant"], name, group, a.get("pinned", False), absent)
        cell = cells.get((a["department"], a["day"], a["daypart"]))
        if cell is not None:
            cell.chips.append(chip)
        if absent:
            gaps.append(Gap(chip, a["day"], a["daypart"], a["department"]))
    order = {slot: i for i, slot in enumerate((d, p) for d in DAYS for p in DAYPARTS)}
    gaps.sort(key=lambda g: (order.get((g.day, g.daypart), 99), g.chip.name))
    rows = [
        Row(
            d,
            [cells[(d.id, day, part)] for day in DAYS for part in DAYPARTS],
            _mix(d, [cells[(d.id, day, part)] for day in DAYS for part in DAYPARTS]),
        )
        for d in problem.departments
    ]
    return Grid(rows, gaps, {p.id: p for p in problem.participants})


def _mix(department: scheduler.Department, cells: list[Cell]) -> list[MixShare]:
    """Share of each group over the department's whole week next to its target share."""
    counts = Counter(chip.group for cell in cells for chip in cell.chips if not chip.absent)
    total = sum(counts.values())
    return [
        MixShare(group, counts[group] / total if total else 0.0, department.mix.get(group, 0.0))
        for group in ROSTER_GROUPS
        if group in department.mix or counts[group]
    ]
