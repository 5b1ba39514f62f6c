"""Helpers for the coaching tests: whose participant is whose in the demo data."""


import pytest
from sqlmodel import select

from app.audit import AuditEntry
from app.models import CoachAssignment, Participant, User
from app.roster.problem import build_problem
from app.roster.weeks import week_of
from app.vocab import ROSTER_GROUP_OF
from tests import dates
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


def rows_for(db, table, participant_id: int) -> list:
    """The participant's rows of `table` as the database holds them now, oldest first."""
    db.expire_all()
    return list(
        db.exec(select(table).where(table.participant_id == participant_id).order_by(table.id))
    )


def audit_for(db, participant_id: int) -> list[AuditEntry]:
    return rows_for(db, AuditEntry, participant_id)


def rostered_participant(db, *, detainee: bool | None = None) -> tuple[Participant, str]:
    """An own participant of COACH who is in this week's roster problem (of a kind, if asked)."""
    week = week_of(dates.TODAY)
    in_problem = {p["id"] for p in build_problem(db, week)["participants"]}
    for pid in caseload_of(db, COACH):
        participant = db.get(Participant, pid)
        is_detainee = ROSTER_GROUP_OF[participant.target_group] == "detainee"
        if participant.code in in_problem and detainee in (None, is_detainee):
            return participant, week
    raise AssertionError("no such participant of the coach is rostered this week")
