"""Supervisors, the dayparts that need one, and each supervisor's week.

Supervisors are staff, not participants: they never enter the roster problem; their week
is kept beside it and checked against it before publishing.
"""

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models import fk
from app.vocab import DAYPARTS, DAYS, one_of


class Supervisor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    active: bool = True


class SupervisionNeed(SQLModel, table=True):
    """A department daypart, week in week out, that needs a supervisor on site."""

    __table_args__ = (
        UniqueConstraint("department_id", "day", "daypart"),
        one_of("day", DAYS),
        one_of("daypart", DAYPARTS),
    )
    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(sa_column=fk("department.id"))
    day: str = Field(max_length=3)
    daypart: str = Field(max_length=2)


class SupervisorShift(SQLModel, table=True):
    """A supervisor in a department for one daypart of one week: in one place at a time."""

    __table_args__ = (
        UniqueConstraint("supervisor_id", "week", "day", "daypart"),
        one_of("day", DAYS),
        one_of("daypart", DAYPARTS),
    )
    id: int | None = Field(default=None, primary_key=True)
    supervisor_id: int = Field(sa_column=fk("supervisor.id"))
    week: str = Field(max_length=8, index=True)
    department_id: int = Field(sa_column=fk("department.id"))
    day: str = Field(max_length=3)
    daypart: str = Field(max_length=2)
