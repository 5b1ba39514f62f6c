"""The roster's tables: versions of a week's roster, their assignments, and solver jobs.

A published version is frozen: changing it makes a new draft version, so what people were
told stays on record. `revision` is an optimistic lock: every change must name the
revision it was made against, and a stale one is refused rather than overwriting a
colleague's work.
"""

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, Column, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from app.models import fk
from app.vocab import CERTIFICATE_KINDS, DAYPARTS, DAYS, one_of
from inventory.models import utcnow

ROSTER_STATUSES = ("draft", "published")
JOB_STATUSES = ("queued", "running", "done", "failed")
JOB_KINDS = ("week", "gap")
# A job in one of these states still owns its week: at most one per week (an index says so).
JOB_ACTIVE = ("queued", "running")
_ACTIVE_JOB = text("status IN ('queued', 'running')")


class RosterVersion(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("week", "version"),
        one_of("status", ROSTER_STATUSES),
        CheckConstraint("version >= 1", name="version_positive"),
    )
    id: int | None = Field(default=None, primary_key=True)
    week: str = Field(max_length=8, index=True)
    version: int
    status: str = Field(default="draft", max_length=10)
    revision: int = 0
    note: str = Field(default="", max_length=200)
    created_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(default_factory=utcnow)
    published_at: datetime | None = None

    @property
    def is_published(self) -> bool:
        return self.status == "published"


class RosterAssignment(SQLModel, table=True):
    """One participant in one department for one daypart of the version's week."""

    __table_args__ = (
        UniqueConstraint("roster_id", "participant_id", "day", "daypart"),
        one_of("day", DAYS),
        one_of("daypart", DAYPARTS),
    )
    id: int | None = Field(default=None, primary_key=True)
    roster_id: int = Field(sa_column=fk("rosterversion.id"))
    participant_id: int = Field(sa_column=fk("participant.id"))
    department_id: int = Field(sa_column=fk("department.id"))
    day: str = Field(max_length=3)
    daypart: str = Field(max_length=2)
    pinned: bool = False


class CertificateCover(SQLModel, table=True):
    """Holders of a certificate needed in every daypart (the roster contract's `cover`): in
    a department, wherever anyone works there (a forklift driver in the warehouse); without
    a department, among everyone on the site (BHV)."""

    __table_args__ = (
        UniqueConstraint("department_id", "kind"),
        one_of("kind", CERTIFICATE_KINDS),
        CheckConstraint("minimum >= 1", name="minimum_positive"),
    )
    id: int | None = Field(default=None, primary_key=True)
    department_id: int | None = Field(default=None, sa_column=fk("department.id", nullable=True))
    kind: str = Field(max_length=20)
    minimum: int = 1


class SolverJob(SQLModel, table=True):
    """A planning run in a background thread; kept in the database so any web worker can
    report its progress and a crash leaves a trace instead of a silent spinner.

    A running job's worker writes `heartbeat_at` every few seconds; a job whose heartbeat
    stopped lost its worker and is taken over by the next plan of its week."""

    __table_args__ = (
        one_of("status", JOB_STATUSES),
        one_of("kind", JOB_KINDS),
        Index(
            "uq_solverjob_active_week",
            "week",
            unique=True,
            sqlite_where=_ACTIVE_JOB,
            postgresql_where=_ACTIVE_JOB,
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    week: str = Field(max_length=8, index=True)
    kind: str = Field(default="week", max_length=10)
    status: str = Field(default="queued", max_length=10)
    base_roster_id: int | None = Field(
        default=None, sa_column=fk("rosterversion.id", nullable=True, ondelete="SET NULL")
    )
    roster_id: int | None = Field(
        default=None, sa_column=fk("rosterversion.id", nullable=True, ondelete="SET NULL")
    )
    time_limit: float = 10.0
    created_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(default_factory=utcnow)
    started_at: datetime | None = None
    heartbeat_at: datetime | None = None
    finished_at: datetime | None = None
    elapsed: float = 0.0
    best_objective: float | None = None
    best_bound: float | None = None
    solver_status: str | None = Field(default=None, max_length=12)
    result: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    error: str = Field(default="", max_length=2000)
