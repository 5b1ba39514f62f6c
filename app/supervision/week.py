"""A week's supervision: who stands where, and which staffed dayparts have nobody."""

from collections import defaultdict
from dataclasses import dataclass

from sqlmodel import Session, delete, select

from app.audit import record
from app.models import Department
from app.roster import versions
from app.supervision.models import SupervisionNeed, Supervisor, SupervisorShift
from app.vocab import DAYPARTS, DAYS

Slot = tuple[int, str, str]  # department id, day, daypart


class DoubleBooked(Exception):
    """One supervisor in two departments in the same daypart."""

    def __init__(self, name: str, day: str, daypart: str) -> None:
        super().__init__(name, day, daypart)
        self.name, self.day, self.daypart = name, day, daypart


def needs(db: Session) -> set[Slot]:
    return {(n.department_id, n.day, n.daypart) for n in db.exec(select(SupervisionNeed))}


def set_needs(db: Session, wanted: set[Slot]) -> None:
    db.exec(delete(SupervisionNeed))
    db.add_all(SupervisionNeed(department_id=d, day=day, daypart=part) for d, day, part in wanted)
    record(db, "update", "werkmeester nodig")


def shifts(db: Session, week: str) -> dict[Slot, list[int]]:
    """Supervisor ids per department daypart of the week."""
    placed: dict[Slot, list[int]] = defaultdict(list)
    for s in db.exec(select(SupervisorShift).where(SupervisorShift.week == week)):
        placed[(s.department_id, s.day, s.daypart)].append(s.supervisor_id)
    return placed


def set_week(db: Session, week: str, placed: dict[Slot, int]) -> None:
    """Replace the week's shifts by `placed` (one supervisor per slot), refusing a
    supervisor in two places in one daypart."""
    seen: dict[tuple[int, str, str], int] = {}
    for (department_id, day, part), supervisor_id in placed.items():
        if (supervisor_id, day, part) in seen:
            raise DoubleBooked(db.get(Supervisor, supervisor_id).name, day, part)
        seen[(supervisor_id, day, part)] = department_id
    db.exec(delete(SupervisorShift).where(SupervisorShift.week == week))
    db.add_all(
        SupervisorShift(supervisor_id=sid, week=week, department_id=d, day=day, daypart=part)
        for (d, day, part), sid in placed.items()
    )
    record(db, "update", f"werkmeesters {week}")


@dataclass(frozen=True)
class Gap:
    department: str
    day: str
    daypart: str


def unsupervised(db: Session, week: str) -> list[Gap]:
    """Dayparts that need a supervisor, have people on the week's latest roster, and have
    no supervisor: what must be solved before the roster is published."""
    roster = versions.latest(db, week)
    if roster is None:
        return []
    staffed = {(r.department_id, r.day, r.daypart) for r in versions.rows_of(db, roster)}
    placed = shifts(db, week)
    names = dict(db.exec(select(Department.id, Department.name)).all())
    order = {(day, part): i for i, (day, part) in enumerate((d, p) for d in DAYS for p in DAYPARTS)}
    gaps = sorted(
        (slot for slot in needs(db) & staffed if not placed.get(slot)),
        key=lambda s: (order[(s[1], s[2])], names[s[0]]),
    )
    return [Gap(names[d], day, part) for d, day, part in gaps]
