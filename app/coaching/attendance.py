"""Attendance per department and daypart, and the attendance rate of a participant.

Who is expected comes from the latest published roster of the week; without one, it is
everyone active who is available that daypart and has a skill in the department.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from app.audit import record
from app.coaching.models import Attendance
from app.models import Absence, Availability, Department, Participant, SkillLevel
from app.roster.models import RosterAssignment, RosterVersion
from app.roster.versions import last_published
from app.roster.weeks import week_of
from app.vocab import DAYS


@dataclass
class ExpectedRow:
    participant: Participant
    status: str
    reason: str
    absence: Absence | None


def weekday_code(day: date) -> str | None:
    return DAYS[day.weekday()] if day.weekday() < len(DAYS) else None


def published_roster(db: Session, day: date) -> RosterVersion | None:
    return last_published(db, week_of(day))


def _candidates(db: Session, department: Department, day: date, daypart: str):
    weekday = weekday_code(day)
    roster = published_roster(db, day)
    if roster is not None:
        return (
            select(Participant)
            .join(RosterAssignment, RosterAssignment.participant_id == Participant.id)
            .where(
                RosterAssignment.roster_id == roster.id,
                RosterAssignment.department_id == department.id,
                RosterAssignment.day == weekday,
                RosterAssignment.daypart == daypart,
            )
        )
    return (
        select(Participant)
        .join(SkillLevel, SkillLevel.participant_id == Participant.id)
        .join(Availability, Availability.participant_id == Participant.id)
        .where(
            Participant.active,
            SkillLevel.department_id == department.id,
            SkillLevel.level > 0,
            Availability.day == weekday,
            Availability.daypart == daypart,
        )
    )


def expected(db: Session, department: Department, day: date, daypart: str) -> list[ExpectedRow]:
    """Participants to register, with what is already known: saved status or an absence."""
    saved = {
        a.participant_id: a
        for a in db.exec(
            select(Attendance).where(
                Attendance.department_id == department.id,
                Attendance.day == day,
                Attendance.daypart == daypart,
            )
        )
    }
    people = {p.id: p for p in db.exec(_candidates(db, department, day, daypart))}
    for participant_id in saved.keys() - people.keys():
        people[participant_id] = db.get(Participant, participant_id)
    absences = {
        a.participant_id: a
        for a in db.exec(
            select(Absence).where(
                Absence.participant_id.in_(people.keys()),
                Absence.start_date <= day,
                Absence.end_date >= day,
                (Absence.daypart.is_(None)) | (Absence.daypart == daypart),
            )
        )
    }
    rows = []
    for participant in sorted(people.values(), key=lambda p: (p.last_name, p.first_name)):
        done = saved.get(participant.id)
        absence = absences.get(participant.id)
        if done:
            status, reason = done.status, done.reason
        elif absence:
            status, reason = "absent", absence.note or absence.kind
        else:
            status, reason = "present", ""
        rows.append(ExpectedRow(participant, status, reason, absence))
    return rows


def register(
    db: Session,
    department: Department,
    day: date,
    daypart: str,
    entries: dict[int, tuple[str, str]],
    user_id: int,
) -> None:
    """Save one department's daypart at once; registering again overwrites, never doubles."""
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
    for participant_id, (status, reason) in entries.items():
        row = existing.get(participant_id) or Attendance(
            participant_id=participant_id, day=day, daypart=daypart
        )
        row.department_id = department.id
        row.status = status
        row.reason = reason
        row.recorded_by = user_id
        db.add(row)
        record(
            db,
            "update" if participant_id in existing else "create",
            f"aanwezigheid {day.isoformat()} {daypart} {department.code}: {status}",
            participant_id,
        )


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
