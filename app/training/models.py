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
