"""Attendance per department and daypart, and the attendance rate of a participant.

Who is expected comes from the latest published roster of the week; anyone else is a
walk-in, added on purpose. A daypart nobody registered has no row: "not registered" is
never read as present. Registered hours are what pay and billing are computed from, so a
future day, or a day in a month a manager approved, cannot be registered.
"""

from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import func
from sqlmodel import Session, select

from app.audit import record
from app.coaching.models import Attendance, DepartmentHours
from app.models import Absence, Department, Participant
from app.money.approval import is_approved, month_start
from app.roster.models import RosterAssignment, RosterVersion
from app.roster.versions import last_published
from app.roster.weeks import week_of
from app.vocab import DAYS

# The daypart's hours when a department has not set its own.
DEFAULT_HOURS = {"am": (time(8, 30), time(12, 0)), "pm": (time(12, 30), time(16, 0))}
# The note of the absence a no-show opens in the roster; found again by it when the
# registration is changed back to present.
NO_SHOW_NOTE = "Niet verschenen (aanwezigheid)"
PRESENT = ("present", "late")


@dataclass
class ExpectedRow:
    participant: Participant
    status: str
    reason: str
    absence: Absence | None
    start: time | None = None
    end: time | None = None
    walk_in: bool = False


@dataclass(frozen=True)
class Entry:
    """What was registered for one participant; status "" means not registered."""

    status: str
    reason: str = ""
    start: time | None = None
    end: time | None = None
    walk_in: bool = False


class AttendanceRefused(Exception):
    """A registration that would make paid hours untrue; the message says why."""


def weekday_code(day: date) -> str | None:
    return DAYS[day.weekday()] if day.weekday() < len(DAYS) else None


def published_roster(db: Session, day: date) -> RosterVersion | None:
    return last_published(db, week_of(day))


def department_hours(db: Session, department: Department, daypart: str) -> tuple[time, time]:
    row = db.exec(
        select(DepartmentHours).where(
            DepartmentHours.department_id == department.id, DepartmentHours.daypart == daypart
        )
    ).first()
    return (row.start_time, row.end_time) if row else DEFAULT_HOURS[daypart]


def rostered_ids(db: Session, department: Department, day: date, daypart: str) -> set[int]:
    roster = published_roster(db, day)
    if roster is None:
        return set()
    return set(
        db.exec(
            select(RosterAssignment.participant_id).where(
                RosterAssignment.roster_id == roster.id,
                RosterAssignment.department_id == department.id,
                RosterAssignment.day == weekday_code(day),
                RosterAssignment.daypart == daypart,
            )
        ).all()
    )


def _saved(db: Session, department: Department, day: date, daypart: str) -> dict:
    return {
        a.participant_id: a
        for a in db.exec(
            select(Attendance).where(
                Attendance.department_id == department.id,
                Attendance.day == day,
                Attendance.daypart == daypart,
            )
        )
    }


def expected(
    db: Session,
    department: Department,
    day: date,
    daypart: str,
    walk_ins: set[int] = frozenset(),
    visible: set[int] | None = None,
) -> list[ExpectedRow]:
    """The rostered, the already registered and the walk-ins asked for, with what is known.

    `visible` limits the rows to the participants the user may register (a coach's caseload).
    """
    saved = _saved(db, department, day, daypart)
    rostered = rostered_ids(db, department, day, daypart)
    ids = rostered | saved.keys() | set(walk_ins)
    if visible is not None:
        ids &= visible
    people = db.exec(select(Participant).where(Participant.id.in_(ids))).all()
    absences = {
        a.participant_id: a
        for a in db.exec(
            select(Absence).where(
                Absence.participant_id.in_(ids),
                Absence.start_date <= day,
                Absence.end_date >= day,
                (Absence.daypart.is_(None)) | (Absence.daypart == daypart),
            )
        )
    }
    start, end = department_hours(db, department, daypart)
    rows = []
    for participant in sorted(people, key=lambda p: (p.last_name, p.first_name)):
        done = saved.get(participant.id)
        row = ExpectedRow(
            participant,
            "",
            "",
            absences.get(participant.id),
            start,
            end,
            walk_in=participant.id not in rostered,
        )
        if done:
            row.status, row.reason = done.status, done.reason
            row.start, row.end = done.start_time or start, done.end_time or end
        rows.append(row)
    return rows


def check_open(db: Session, day: date, today: date) -> None:
    """Refuse a day that has not happened yet or lies in an approved month."""
    if day > today:
        raise AttendanceRefused("future")
    if is_approved(db, month_start(day)):
        raise AttendanceRefused("approved")


def register(
    db: Session,
    department: Department,
    day: date,
    daypart: str,
    entries: dict[int, Entry],
    user_id: int,
    today: date,
) -> int:
    """Save one department's daypart at once; again overwrites, never doubles.

    Returns how many participants are now registered. An absent participant without a
    reported absence gets one, so the published week shows the gap.
    """
    check_open(db, day, today)
    existing = {
        a.participant_id: a
        for a in db.exec(
            select(Attendance).where(
                Attendance.participant_id.in_(entries.keys()),
                Attendance.day == day,
                Attendance.daypart == daypart,
            )
        )
    }
    registered = 0
    for participant_id, entry in entries.items():
        row = existing.get(participant_id)
        if not entry.status:
            if row is not None:
                db.delete(row)
                _close_no_show(db, participant_id, day, daypart)
                record(db, "delete", _what(day, daypart, department, "-"), participant_id)
            continue
        registered += 1
        if row is None:
            row = Attendance(participant_id=participant_id, day=day, daypart=daypart)
        row.department_id = department.id
        row.status = entry.status
        row.reason = entry.reason
        present = entry.status in PRESENT
        row.start_time = entry.start if present else None
        row.end_time = entry.end if present else None
        row.walk_in = entry.walk_in
        row.recorded_by = user_id
        db.add(row)
        if present:
            _close_no_show(db, participant_id, day, daypart)
        else:
            _open_no_show(db, participant_id, day, daypart)
        record(
            db,
            "update" if participant_id in existing else "create",
            _what(day, daypart, department, entry.status),
            participant_id,
        )
    return registered


def _what(day: date, daypart: str, department: Department, status: str) -> str:
    return f"aanwezigheid {day.isoformat()} {daypart} {department.code}: {status}"


def _covering_absence(db: Session, participant_id: int, day: date, daypart: str):
    return db.exec(
        select(Absence).where(
            Absence.participant_id == participant_id,
            Absence.start_date <= day,
            Absence.end_date >= day,
            (Absence.daypart.is_(None)) | (Absence.daypart == daypart),
        )
    ).first()


def _open_no_show(db: Session, participant_id: int, day: date, daypart: str) -> None:
    if _covering_absence(db, participant_id, day, daypart) is None:
        db.add(
            Absence(
                participant_id=participant_id,
                start_date=day,
                end_date=day,
                daypart=daypart,
                kind="other",
                note=NO_SHOW_NOTE,
            )
        )


def _close_no_show(db: Session, participant_id: int, day: date, daypart: str) -> None:
    """Only the absence a no-show opened goes; one a coach reported stays."""
    for absence in db.exec(
        select(Absence).where(
            Absence.participant_id == participant_id,
            Absence.start_date == day,
            Absence.end_date == day,
            Absence.daypart == daypart,
            Absence.note == NO_SHOW_NOTE,
        )
    ):
        db.delete(absence)


@dataclass
class AttendanceSummary:
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def registered(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> float | None:
        """Present or late counts as attended; None when nothing was registered."""
        if not self.registered:
            return None
        return (self.counts.get("present", 0) + self.counts.get("late", 0)) / self.registered


def attendance_summary(
    db: Session, participant_id: int, start: date | None = None, end: date | None = None
) -> AttendanceSummary:
    query = (
        select(Attendance.status, func.count())
        .where(Attendance.participant_id == participant_id)
        .group_by(Attendance.status)
    )
    if start:
        query = query.where(Attendance.day >= start)
    if end:
        query = query.where(Attendance.day <= end)
    return AttendanceSummary(counts=dict(db.exec(query).all()))


def rostered_this_week(db: Session, participant_id: int, day: date) -> list[tuple[str, str, str]]:
    """(day, daypart, department name) of the participant in the week's published roster."""
    roster = published_roster(db, day)
    if roster is None:
        return []
    order = {code: i for i, code in enumerate(DAYS)}
    rows = db.exec(
        select(RosterAssignment.day, RosterAssignment.daypart, Department.name)
        .join(Department, Department.id == RosterAssignment.department_id)
        .where(
            RosterAssignment.roster_id == roster.id,
            RosterAssignment.participant_id == participant_id,
        )
    ).all()
    return sorted(rows, key=lambda row: (order[row[0]], row[1]))
