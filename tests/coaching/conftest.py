"""Helpers for the coaching tests: whose participant is whose in the demo data."""

import pytest
from sqlmodel import select

from app.audit import AuditEntry
from app.models import CoachAssignment, User
from tests.conftest import COACH, OTHER_COACH


def caseload_of(db, email: str) -> list[int]:
    coach = db.exec(select(User).where(User.email == email)).one()
    return sorted(
        db.exec(
            select(CoachAssignment.participant_id).where(
                CoachAssignment.coach_id == coach.id, CoachAssignment.end_date.is_(None)
            )
        ).all()
    )


@pytest.fixture
def own_id(db) -> int:
    return caseload_of(db, COACH)[0]


@pytest.fixture
def foreign_id(db) -> int:
    return caseload_of(db, OTHER_COACH)[0]


def audit_for(db, participant_id: int) -> list[AuditEntry]:
    db.expire_all()
    return list(
        db.exec(
            select(AuditEntry)
            .where(AuditEntry.participant_id == participant_id)
            .order_by(AuditEntry.id)
        )
    )
