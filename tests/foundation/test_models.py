from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from app.models import (
    Absence,
    AvoidPair,
    Certificate,
    Department,
    Participant,
    SkillLevel,
    User,
)


def _participant(db) -> Participant:
    return db.exec(select(Participant).order_by(Participant.id)).first()


@pytest.mark.parametrize(
    "row",
    [
        lambda p, d: SkillLevel(participant_id=p.id, department_id=d.id + 1000, level=1),
        lambda p, d: Absence(
            participant_id=p.id, start_date=date(2026, 12, 2), end_date=date(2026, 12, 1)
        ),
        lambda p, d: Certificate(participant_id=p.id, kind="diploma"),
        lambda p, d: User(email="x@fabriek.test", name="X", password_hash="x", role="customer"),
        lambda p, d: User(email="y@fabriek.test", name="Y", password_hash="x", role="superuser"),
        lambda p, d: AvoidPair(first_id=p.id + 1, second_id=p.id),
        lambda p, d: Department(code="x", name="X", staffing_min=5, staffing_max=2),
    ],
    ids=[
        "unknown-department",
        "end-before-start",
        "unknown-certificate",
        "customer-without-customer",
        "unknown-role",
        "unordered-avoid-pair",
        "min-above-max",
    ],
)
def test_database_refuses_inconsistent_rows(db, row):
    department = db.exec(select(Department)).first()
    db.add(row(_participant(db), department))
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()


def test_skill_level_must_be_between_0_and_3(db):
    participant = _participant(db)
    skill = db.exec(select(SkillLevel).where(SkillLevel.participant_id == participant.id)).first()
    skill.level = 4
    db.add(skill)
    with pytest.raises(IntegrityError):
        db.commit()


def test_deleting_a_participant_removes_their_dependent_rows(db):
    participant = _participant(db)
    db.delete(participant)
    db.commit()
    assert (
        db.exec(select(SkillLevel).where(SkillLevel.participant_id == participant.id)).all() == []
    )


@pytest.mark.parametrize(
    ("status", "obtained", "expires", "valid"),
    [
        ("obtained", date(2025, 1, 1), date(2027, 1, 1), True),
        ("obtained", date(2025, 1, 1), date(2026, 1, 1), False),
        ("planned", None, None, False),
        ("obtained", date(2027, 1, 1), None, False),
    ],
)
def test_certificate_counts_only_while_valid(status, obtained, expires, valid):
    certificate = Certificate(
        participant_id=1, kind="vca", status=status, obtained_on=obtained, expires_on=expires
    )
    assert certificate.valid_on(date(2026, 12, 1)) is valid
