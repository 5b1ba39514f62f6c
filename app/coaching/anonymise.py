"""Archiving: after the retention period nothing identifying of a participant remains.

The participant row stays (outflow figures and attendance counts still add up), but names
are replaced by the code, and every free-text note, sensitive field and file is deleted.
"""

from datetime import date, timedelta

from sqlmodel import Session, select

from app import clock
from app.audit import record
from app.coaching.models import (
    Intake,
    Outcome,
    PortfolioStep,
    ProgressNote,
    ReferrerContact,
    ReferrerContactLog,
    ReportSummary,
    SensitiveInfo,
)
from app.coaching.progress import delete_attachment_files
from app.models import Absence, Participant

ANONYMOUS = "geanonimiseerd"


def due_for_anonymising(db: Session, older_than_days: int, today: date | None = None) -> list:
    """Participants whose trajectory ended more than the retention period ago."""
    cutoff = (today or clock.today()) - timedelta(days=older_than_days)
    return list(
        db.exec(
            select(Participant)
            .join(Outcome, Outcome.participant_id == Participant.id)
            .where(
                Outcome.ended_on < cutoff,
                Participant.active.is_(False),
                Participant.last_name != ANONYMOUS,
            )
        )
    )


def anonymise(db: Session, participant: Participant) -> None:
    files = delete_attachment_files(db, participant.id)
    # Reports go with the shares that opened them to referrers (a cascade in the database).
    tables = (
        SensitiveInfo,
        ProgressNote,
        ReportSummary,
        Intake,
        PortfolioStep,
        ReferrerContactLog,
        ReferrerContact,
    )
    for table in tables:
        for row in db.exec(select(table).where(table.participant_id == participant.id)):
            db.delete(row)
    for absence in db.exec(select(Absence).where(Absence.participant_id == participant.id)):
        absence.note = ""
        db.add(absence)
    outcome = db.exec(select(Outcome).where(Outcome.participant_id == participant.id)).one()
    outcome.note = ""
    participant.first_name = participant.code
    participant.last_name = ANONYMOUS
    db.add_all([outcome, participant])
    record(db, "anonymise", f"geanonimiseerd, {files} bijlagen verwijderd", participant.id)


def anonymise_due(db: Session, older_than_days: int, today: date | None = None) -> int:
    due = due_for_anonymising(db, older_than_days, today)
    for participant in due:
        anonymise(db, participant)
    return len(due)
