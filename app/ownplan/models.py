"""Tables of the participant's own plan.

Goals are the participant's words, dated when agreed, so the plan shows what they said
rather than the coach's summary in the intake.
"""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models import fk
from app.vocab import one_of
from inventory.models import utcnow

# The routes of the Inburgeringswet 2021: B1, education (onderwijsroute) and
# self-reliance (zelfredzaamheidsroute, "Z-route").
INBURGERING_ROUTES = ("b1", "education", "self_reliance")


class PlanGoal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    text: str = Field(max_length=500)
    agreed_on: date
    next_step: str = Field(default="", max_length=500)
    reached_on: date | None = None


class PlanDiscussion(SQLModel, table=True):
    """The coach went through the plan with the participant on this day."""

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    day: date
    coach_id: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    note: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow)


class Inburgering(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("participant_id"), one_of("route", INBURGERING_ROUTES))
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    route: str = Field(max_length=20)
    deadline: date | None = None
