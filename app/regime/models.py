"""The prison's regime: court dates, transport, visits, leave and lock-downs.

An event with a participant blocks that detainee's dayparts; a lock-down has none and
blocks every detainee on its dates (app/regime/blocking.py).
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from app.models import fk
from app.vocab import DAYPARTS, one_of
from inventory.models import utcnow

REGIME_KINDS = ("court", "transport", "visit", "leave", "lockdown")
REGIME_SOURCES = ("manual", "import")


class RegimeEvent(SQLModel, table=True):
    __table_args__ = (
        one_of("kind", REGIME_KINDS),
        one_of("daypart", DAYPARTS, nullable=True),
        one_of("source", REGIME_SOURCES),
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        CheckConstraint(
            "(kind = 'lockdown') = (participant_id IS NULL)", name="lockdown_has_no_participant"
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=10)
    participant_id: int | None = Field(default=None, sa_column=fk("participant.id", nullable=True))
    start_date: date = Field(index=True)
    end_date: date
    # None: the whole day.
    daypart: str | None = Field(default=None, max_length=2)
    note: str = Field(default="", max_length=300)
    source: str = Field(default="manual", max_length=10)
    created_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(default_factory=utcnow)
