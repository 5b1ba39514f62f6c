"""A trajectory from registration to its end, and who coaches it.

registered (waiting list) -> intake -> active <-> paused -> ended (outcome, in outcomes.py).
`Participant.active` is what the roster and the caseload read: set from active until the
end; registered and intake are the waiting list. A pause is also an absence over its dates,
so the roster leaves the gap that absences leave.
"""

from datetime import date, timedelta

from sqlmodel import Session, func, select

from app.audit import record
from app.models import Absence, CoachAssignment, Participant, User

NEXT = {
    "registered": ("intake",),
    "intake": ("active",),
    "active": ("paused",),
    "paused": ("active",),
}
PAUSE_NOTE = "traject gepauzeerd"


def next_code(db: Session) -> str:
    """The next free participant code (p001, p002, ...): codes tell namesakes apart."""
    number = db.exec(select(func.count()).select_from(Participant)).one() + 1
    taken = set(db.exec(select(Participant.code)).all())
    while f"p{number:03d}" in taken:
        number += 1
    return f"p{number:03d}"


def register(db: Session, values: dict, *, coach_id: int | None, today: date) -> Participant:
    """A new participant on the waiting list; a coach who registers becomes their coach."""
    participant = Participant(code=next_code(db), status="registered", active=False, **values)
    db.add(participant)
    db.flush()
    if coach_id is not None:
        db.add(CoachAssignment(coach_id=coach_id, participant_id=participant.id, start_date=today))
    record(db, "create", f"aanmelding {participant.code}", participant.id)
    return participant


def move(db: Session, participant: Participant, status: str) -> bool:
    """Intake, active or back from a pause; False when the step is not allowed from here."""
    if status not in NEXT.get(participant.status, ()) or status == "paused":
        return False
    participant.status, participant.active = status, status == "active"
    if status == "active":
        participant.paused_from = participant.paused_until = None
    db.add(participant)
    record(db, "update", f"traject: {status}", participant.id)
    return True


def pause(db: Session, participant: Participant, start: date, end: date) -> bool:
    if participant.status != "active":
        return False
    participant.status = "paused"
    participant.paused_from, participant.paused_until = start, end
    db.add(participant)
    db.add(
        Absence(
            participant_id=participant.id,
            start_date=start,
            end_date=end,
            kind="other",
            note=PAUSE_NOTE,
        )
    )
    record(
        db, "update", f"traject gepauzeerd {start.isoformat()}–{end.isoformat()}", participant.id
    )
    return True


def resume(db: Session, participant: Participant, today: date) -> bool:
    """Back to active; the part of the pause's absence from today on is taken away."""
    if participant.status != "paused":
        return False
    absence = db.exec(
        select(Absence).where(
            Absence.participant_id == participant.id,
            Absence.note == PAUSE_NOTE,
            Absence.start_date == participant.paused_from,
            Absence.end_date == participant.paused_until,
        )
    ).first()
    if absence is not None and absence.end_date >= today:
        if absence.start_date >= today:
            db.delete(absence)
        else:
            absence.end_date = today - timedelta(days=1)
            db.add(absence)
    return move(db, participant, "active")


def coaches_of(db: Session, participant_id: int) -> list[tuple[User, CoachAssignment]]:
    return list(
        db.exec(
            select(User, CoachAssignment)
            .join(CoachAssignment, CoachAssignment.coach_id == User.id)
            .where(
                CoachAssignment.participant_id == participant_id,
                CoachAssignment.end_date.is_(None),
            )
            .order_by(CoachAssignment.co_coach, User.name)
        ).all()
    )


def assign_coach(
    db: Session, participant: Participant, coach: User, *, co_coach: bool, today: date
) -> None:
    """A new main coach ends the previous main assignment; a co-coach is added beside it."""
    current = coaches_of(db, participant.id)
    for user, assignment in current:
        same_person = user.id == coach.id
        if same_person or (not co_coach and not assignment.co_coach):
            assignment.end_date = today
            db.add(assignment)
    db.add(
        CoachAssignment(
            coach_id=coach.id, participant_id=participant.id, start_date=today, co_coach=co_coach
        )
    )
    kind = "co-coach" if co_coach else "coach"
    record(db, "update", f"{kind}: {coach.name}", participant.id)


def end_assignment(db: Session, participant: Participant, assignment_id: int, today: date) -> bool:
    assignment = db.get(CoachAssignment, assignment_id)
    if assignment is None or assignment.participant_id != participant.id or assignment.end_date:
        return False
    assignment.end_date = today
    db.add(assignment)
    record(db, "update", f"begeleiding {assignment.coach_id} beëindigd", participant.id)
    return True
