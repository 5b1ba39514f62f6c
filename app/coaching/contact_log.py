"""The log of contacts with the referrer: what was discussed with whom, kept per participant."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from app.audit import record
from app.coaching.models import ReferrerContact, ReferrerContactLog
from app.models import Participant, User


@dataclass
class LogLine:
    entry: ReferrerContactLog
    contact: ReferrerContact | None
    entered_by: str


def log_of(db: Session, participant_id: int) -> list[LogLine]:
    """Newest first, like the progress timeline: the last agreement is what a coach looks for."""
    rows = db.exec(
        select(ReferrerContactLog, ReferrerContact, User.name)
        .outerjoin(ReferrerContact, ReferrerContact.id == ReferrerContactLog.contact_id)
        .outerjoin(User, User.id == ReferrerContactLog.entered_by)
        .where(ReferrerContactLog.participant_id == participant_id)
        .order_by(ReferrerContactLog.day.desc(), ReferrerContactLog.id.desc())
    )
    return [LogLine(entry, contact, name or "") for entry, contact, name in rows]


def add_log_entry(
    db: Session,
    participant: Participant,
    day: date,
    contact: ReferrerContact | None,
    channel: str,
    summary: str,
    entered_by: int,
) -> ReferrerContactLog:
    entry = ReferrerContactLog(
        participant_id=participant.id,
        day=day,
        contact_id=contact.id if contact else None,
        channel=channel,
        summary=summary,
        entered_by=entered_by,
    )
    db.add(entry)
    with_whom = f" met {contact.name}" if contact else ""
    record(
        db,
        "create",
        f"contact verwijzer {day.isoformat()} ({channel}){with_whom}",
        participant.id,
    )
    return entry
