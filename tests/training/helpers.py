"""Arranging courses and people for the training and regime tests."""

from datetime import date

from sqlmodel import Session, select

from app.models import Participant
from app.training.models import TrainingSession
from app.training.sessions import create_session, enrol
from tests import dates

MONDAY = dates.MONDAY
WEDNESDAY = dates.demo_day(date(2026, 12, 2))
THURSDAY = dates.demo_day(date(2026, 12, 3))


def course(
    db: Session, dayparts: list[tuple[date, str]], *, certificate: str | None = "vca", **fields
) -> TrainingSession:
    values = {"name": "VCA Basis", "capacity": 12, "valid_months": 120} | fields
    row = create_session(
        db, TrainingSession(certificate=certificate, **values), dayparts, user_id=None
    )
    db.commit()
    return row


def person(db: Session, code: str) -> Participant:
    return db.exec(select(Participant).where(Participant.code == code)).one()


def enrolled(db: Session, row: TrainingSession, *people: Participant) -> None:
    for participant in people:
        enrol(db, row, participant, None, dates.TODAY)
    db.commit()


def rostered(solution, code: str) -> set[tuple[str, str]]:
    return {(a.day, a.daypart) for a in solution.assignments if a.participant == code}
