"""Training sessions: a course on dates and dayparts, and the people enrolled in it.

An enrolment takes its session's dayparts out of the roster (app/regime/blocking.py); a
pass writes the certificate the course leads to into the core `Certificate` table, which
is what the roster reads.
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models import fk
from app.vocab import CERTIFICATE_KINDS, DAYPARTS, one_of
from inventory.models import utcnow

TRAINING_KINDS = ("course", "exam", "language", "test")
ENROLMENT_STATUSES = ("enrolled", "passed", "failed", "no_show")


class TrainingSession(SQLModel, table=True):
    __table_args__ = (
        one_of("kind", TRAINING_KINDS),
        one_of("certificate", CERTIFICATE_KINDS, nullable=True),
        CheckConstraint("capacity >= 1", name="capacity"),
        CheckConstraint("cost_cents >= 0", name="cost"),
        CheckConstraint("valid_months IS NULL OR valid_months >= 1", name="valid_months"),
    )
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    kind: str = Field(default="course", max_length=10)
    provider: str = Field(default="", max_length=200)
    # Outside the walls: a detainee cleared for inside work only cannot take part.
    outside: bool = False
    location: str = Field(default="", max_length=200)
    capacity: int = 12
    certificate: str | None = Field(default=None, max_length=20)
    valid_months: int | None = None
    cost_cents: int = 0
    created_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(default_factory=utcnow)


class TrainingDay(SQLModel, table=True):
    """One daypart the session meets; the roster loses it for everyone enrolled."""

    __table_args__ = (UniqueConstraint("session_id", "day", "daypart"), one_of("daypart", DAYPARTS))
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("trainingsession.id"))
    day: date = Field(index=True)
    daypart: str = Field(max_length=2)


class Enrolment(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("session_id", "participant_id"),
        one_of("status", ENROLMENT_STATUSES),
    )
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=fk("trainingsession.id"))
    participant_id: int = Field(sa_column=fk("participant.id"))
    status: str = Field(default="enrolled", max_length=10)
    enrolled_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    enrolled_at: datetime = Field(default_factory=utcnow)
    result_on: date | None = None
    certificate_id: int | None = Field(
        default=None, sa_column=fk("certificate.id", nullable=True, ondelete="SET NULL")
    )


ASSESSMENT_KINDS = ("language_meter", "competence_test", "career_test")
# The European framework's levels; the Dutch F-levels of a result are mapped onto them
# (app/training/language.py). Together they are the intake's LANGUAGE_LEVELS
# (app/coaching/vocab.py, held equal by a test), not imported from there: importing the
# coaching package registers its views, which reach back into the roster and this module.
CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
RESULT_LEVELS = (*CEFR_LEVELS, "1F", "2F", "3F", "4F")


class AssessmentResult(SQLModel, table=True):
    """A dated result of the language meter or the competence/career-choice test, so the
    history shows the climb instead of one value overwritten."""

    __table_args__ = (
        one_of("kind", ASSESSMENT_KINDS),
        one_of("level", RESULT_LEVELS, nullable=True),
        CheckConstraint("score IS NULL OR score BETWEEN 0 AND 100", name="score"),
        CheckConstraint("kind != 'language_meter' OR level IS NOT NULL", name="language_level"),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    kind: str = Field(max_length=20)
    day: date
    level: str | None = Field(default=None, max_length=2)
    score: int | None = None
    outcome: str = Field(default="", max_length=500)
    entered_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(default_factory=utcnow)


class DepartmentLanguage(SQLModel, table=True):
    """The least language level a department asks for (safety instructions, customers)."""

    __table_args__ = (UniqueConstraint("department_id"), one_of("min_level", CEFR_LEVELS))
    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(sa_column=fk("department.id"))
    min_level: str = Field(max_length=2)
