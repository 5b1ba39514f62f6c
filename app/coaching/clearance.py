"""A detainee's clearance: the prison decides, a manager records it, and it can lapse.

Only an "outside" decision that is still valid lets a detainee work outside; no decision,
an expired one or an "inside" one all mean inside, because a wrong "outside" is the one
mistake the workshop may not make.
"""

from datetime import date

from sqlmodel import Session

from app.audit import record
from app.models import Participant


def effective_clearance(participant: Participant, on: date) -> str:
    """What the roster may use on `on`: "outside" only while an outside decision holds."""
    if participant.clearance != "outside":
        return "inside"
    until = participant.clearance_valid_until
    return "outside" if until is None or until >= on else "inside"


def is_expired(participant: Participant, on: date) -> bool:
    until = participant.clearance_valid_until
    return participant.clearance is not None and until is not None and until < on


def record_clearance(
    db: Session,
    participant: Participant,
    *,
    clearance: str,
    decided_by: str,
    decided_on: date,
    valid_until: date | None,
    recorded_by: int,
) -> None:
    participant.clearance = clearance
    participant.clearance_decided_by = decided_by
    participant.clearance_decided_on = decided_on
    participant.clearance_valid_until = valid_until
    participant.clearance_recorded_by = recorded_by
    db.add(participant)
    until = valid_until.isoformat() if valid_until else "-"
    record(
        db,
        "update",
        f"vrijgave {clearance} (besluit {decided_by}, {decided_on.isoformat()}, tot {until})",
        participant.id,
    )
