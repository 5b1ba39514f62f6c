"""Hours per participant and month, from attendance, and the corrections booked on them.

A registered present or late daypart counts its start-to-end time; rows saved before times
were kept count the department's hours for the daypart. An approved month never changes:
a correction to one of its days is a new line booked in the current, open month.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from app.coaching.attendance import DEFAULT_HOURS
from app.coaching.models import Attendance, DepartmentHours
from app.models import Department, Participant
from app.money.approval import is_approved, month_start, next_month
from app.money.models import HoursCorrection

PRESENT = ("present", "late")


@dataclass
class HoursLine:
    participant: Participant
    department: Department
    minutes: int
    dayparts: int
    correction: HoursCorrection | None = None


@dataclass(frozen=True)
class Worked:
    """One attended daypart: who, where, which day and how long."""

    participant_id: int
    department_id: int
    day: date
    minutes: int


def _minutes(start, end) -> int:
    moment = datetime(2000, 1, 1)
    return int(
        (datetime.combine(moment, end) - datetime.combine(moment, start)).total_seconds() // 60
    )


def worked(db: Session, start: date, end: date, people: set[int] | None = None) -> list[Worked]:
    """Every attended daypart from start to end inclusive (of `people`, when given)."""
    defaults = {
        (h.department_id, h.daypart): (h.start_time, h.end_time)
        for h in db.exec(select(DepartmentHours))
    }
    query = select(Attendance).where(
        Attendance.day >= start, Attendance.day <= end, Attendance.status.in_(PRESENT)
    )
    if people is not None:
        query = query.where(Attendance.participant_id.in_(people))
    rows = db.exec(query)
    result = []
    for row in rows:
        begin, finish = row.start_time, row.end_time
        if begin is None or finish is None:
            begin, finish = defaults.get(
                (row.department_id, row.daypart), DEFAULT_HOURS[row.daypart]
            )
        result.append(
            Worked(row.participant_id, row.department_id, row.day, _minutes(begin, finish))
        )
    return result


def month_end(month: date) -> date:
    return next_month(month) - timedelta(days=1)


def month_hours(db: Session, month: date) -> list[HoursLine]:
    """Attended hours per participant and department, then the corrections booked this month."""
    totals: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for item in worked(db, month, month_end(month)):
        total = totals[(item.participant_id, item.department_id)]
        total[0] += item.minutes
        total[1] += 1
    corrections = list(
        db.exec(
            select(HoursCorrection)
            .where(HoursCorrection.booked_month == month)
            .order_by(HoursCorrection.id)
        )
    )
    people = _by_id(
        db, Participant, {p for p, _d in totals} | {c.participant_id for c in corrections}
    )
    departments = _by_id(
        db, Department, {d for _p, d in totals} | {c.department_id for c in corrections}
    )
    lines = [
        HoursLine(people[p], departments[d], minutes, dayparts)
        for (p, d), (minutes, dayparts) in totals.items()
    ]
    lines.sort(
        key=lambda line: (
            line.participant.last_name,
            line.participant.first_name,
            line.department.sort_order,
        )
    )
    lines += [
        HoursLine(people[c.participant_id], departments[c.department_id], c.minutes, 0, c)
        for c in corrections
    ]
    return lines


def _by_id(db: Session, table, ids: set[int]) -> dict:
    if not ids:
        return {}
    return {row.id: row for row in db.exec(select(table).where(table.id.in_(ids)))}


def totals_by(lines: list[HoursLine], key) -> list[tuple[str, int]]:
    """Minutes summed per key (a target group, a department name), largest first."""
    sums: dict[str, int] = defaultdict(int)
    for line in lines:
        sums[key(line)] += line.minutes
    return sorted(sums.items(), key=lambda item: -item[1])


class CorrectionRefused(Exception):
    pass


def add_correction(
    db: Session,
    participant_id: int,
    department_id: int,
    day: date,
    minutes: int,
    reason: str,
    user_id: int,
    today: date,
) -> HoursCorrection:
    """A signed number of minutes for a day of an approved month, booked in this month."""
    if day > today:
        raise CorrectionRefused("future")
    if not is_approved(db, month_start(day)):
        raise CorrectionRefused("open")
    booked = month_start(today)
    if is_approved(db, booked):
        raise CorrectionRefused("booked_closed")
    correction = HoursCorrection(
        participant_id=participant_id,
        department_id=department_id,
        day=day,
        booked_month=booked,
        minutes=minutes,
        reason=reason,
        created_by=user_id,
    )
    db.add(correction)
    return correction
