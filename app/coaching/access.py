"""Who may open which participant file.

A coach sees only their current caseload (an assignment without end date); managers and
admins see everyone. The sensitive part of a file is narrower still: only the participant's
own coach and managers, because admins run the system, not trajectories.
"""

from flask import abort
from flask_login import current_user
from sqlmodel import Session, select

from app.audit import record
from app.models import CoachAssignment, Participant


def caseload_ids(db: Session, coach_id: int) -> set[int]:
    return set(
        db.exec(
            select(CoachAssignment.participant_id).where(
                CoachAssignment.coach_id == coach_id, CoachAssignment.end_date.is_(None)
            )
        ).all()
    )


def is_own_coach(db: Session, participant_id: int) -> bool:
    return current_user.role == "coach" and participant_id in caseload_ids(db, current_user.id)


def may_open(db: Session, participant_id: int) -> bool:
    return current_user.role in ("admin", "manager") or is_own_coach(db, participant_id)


def may_see_sensitive(db: Session, participant_id: int) -> bool:
    return current_user.role == "manager" or is_own_coach(db, participant_id)


def participant_or_abort(db: Session, participant_id: int) -> Participant:
    """The participant, or 404 when there is none and 403 when it is not the user's."""
    participant = db.get(Participant, participant_id)
    if participant is None:
        abort(404)
    if not may_open(db, participant_id):
        abort(403)
    return participant


def read_participant(db: Session, participant_id: int, what: str) -> Participant:
    """The participant for a page that shows their file, with the read logged and committed."""
    participant = participant_or_abort(db, participant_id)
    record(db, "view", what, participant.id)
    db.commit()
    return participant
