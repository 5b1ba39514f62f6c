"""Tables of the coaching area: what a coach records next to the core participant rows.

Skills, certificates, availability, absences and learning goals are NOT here: they live in
the core tables of `app/models.py` that the roster is built from, and coaches edit those.
"""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Column, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.coaching.vocab import (
    ATTENDANCE_STATUSES,
    COMPETENCES,
    CONTACT_CHANNELS,
    LANGUAGE_LEVELS,
    OUTCOME_KINDS,
    REFERRER_CONTACT_KINDS,
    TRAJECTORY_GOALS,
)
from app.models import fk
from app.vocab import DAYPARTS, one_of
from inventory.models import utcnow


class Intake(SQLModel, table=True):
    """The intake of a trajectory; dates and referrer organisation stay on Participant."""

    __table_args__ = (
        UniqueConstraint("participant_id"),
        one_of("trajectory_goal", TRAJECTORY_GOALS, nullable=True),
        one_of("language_level", LANGUAGE_LEVELS, nullable=True),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    referrer_contact: str = Field(default="", max_length=200)
    trajectory_goal: str | None = Field(default=None, max_length=20)
    competences: str = Field(default="", max_length=2000)
    skills: str = Field(default="", max_length=2000)
    drives: str = Field(default="", max_length=2000)
    language_level: str | None = Field(default=None, max_length=2)
    own_goals: str = Field(default="", max_length=2000)
    next_steps: str = Field(default="", max_length=2000)
    updated_at: datetime = Field(default_factory=utcnow)


class SensitiveInfo(SQLModel, table=True):
    """Kept apart so no list or export can pick it up by accident."""

    __table_args__ = (UniqueConstraint("participant_id"),)
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    offence: str = Field(default="", max_length=2000)
    detention_details: str = Field(default="", max_length=2000)
    health_notes: str = Field(default="", max_length=2000)
    updated_at: datetime = Field(default_factory=utcnow)


class LadderStep(SQLModel, table=True):
    """One rung of the Participatieladder on a date; the rows together show the climb."""

    __table_args__ = (CheckConstraint("step BETWEEN 1 AND 6", name="step"),)
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    step: int
    day: date
    note: str = Field(default="", max_length=500)


class ProgressNote(SQLModel, table=True):
    __table_args__ = tuple(
        CheckConstraint(f"{name} IS NULL OR {name} BETWEEN 1 AND 5", name=name)
        for name in COMPETENCES
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    author_id: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    day: date
    text: str = Field(max_length=5000)
    punctuality: int | None = None
    cooperation: int | None = None
    quality: int | None = None
    independence: int | None = None
    created_at: datetime = Field(default_factory=utcnow)


class Attachment(SQLModel, table=True):
    """A file to a note, stored under UPLOAD_FOLDER by a random name, never in the web root."""

    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(sa_column=fk("progressnote.id"))
    participant_id: int = Field(sa_column=fk("participant.id"))
    filename: str = Field(max_length=200)
    stored_name: str = Field(max_length=100, unique=True)
    content_type: str = Field(max_length=100)
    size: int


class Attendance(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("participant_id", "day", "daypart"),
        one_of("daypart", DAYPARTS),
        one_of("status", ATTENDANCE_STATUSES),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    department_id: int = Field(sa_column=fk("department.id"))
    day: date = Field(index=True)
    daypart: str = Field(max_length=2)
    status: str = Field(max_length=10)
    reason: str = Field(default="", max_length=300)
    recorded_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )


class ReportSummary(SQLModel, table=True):
    """The coach's own words for the referrer, per participant and report period."""

    __table_args__ = (
        UniqueConstraint("participant_id", "period_start", "period_end"),
        CheckConstraint("period_end >= period_start", name="period"),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    period_start: date
    period_end: date
    text: str = Field(default="", max_length=5000)


class ReportShare(SQLModel, table=True):
    """One report opened to one referrer login: the only way a referrer ever sees a report.

    Sharing names a login, not an organisation, so a referrer sees exactly what was shared
    with them and a colleague at the same organisation nothing more. The share holds the
    report as it was rendered when shared (page and PDF), never the file's live data, and
    only for the organisation that referred the participant then (app/coaching/sharing.py).
    """

    __table_args__ = (UniqueConstraint("report_id", "user_id"),)
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = Field(sa_column=fk("reportsummary.id"))
    user_id: int = Field(sa_column=fk("user.id"))
    shared_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    shared_at: datetime = Field(default_factory=utcnow)
    organisation: str = Field(max_length=200)
    html: str = Field(sa_column=Column(Text, nullable=False))
    pdf: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class ReferrerContact(SQLModel, table=True):
    """Someone at a referring organisation who follows this trajectory, and how to reach them."""

    __table_args__ = (one_of("kind", REFERRER_CONTACT_KINDS),)
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    kind: str = Field(max_length=30)
    name: str = Field(max_length=200)
    organisation: str = Field(default="", max_length=200)
    email: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=30)


class ReferrerContactLog(SQLModel, table=True):
    """One contact with the referrer about this trajectory: when, with whom, how and what.

    The contact person is optional (a call to the municipality's front desk has none) and
    removing a contact person keeps the log entry: what was agreed stays on file.
    """

    __table_args__ = (one_of("channel", CONTACT_CHANNELS),)
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    day: date
    contact_id: int | None = Field(
        default=None, sa_column=fk("referrercontact.id", nullable=True, ondelete="SET NULL")
    )
    channel: str = Field(max_length=10)
    summary: str = Field(max_length=1000)
    entered_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(default_factory=utcnow)


class Outcome(SQLModel, table=True):
    """How and where a trajectory ended; one per participant."""

    __table_args__ = (UniqueConstraint("participant_id"), one_of("kind", OUTCOME_KINDS))
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    ended_on: date = Field(index=True)
    kind: str = Field(max_length=20)
    destination: str = Field(default="", max_length=200)
    note: str = Field(default="", max_length=1000)


class PortfolioStep(SQLModel, table=True):
    """One step toward a practice statement (praktijkverklaring): what, when, confirmed by whom."""

    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    description: str = Field(max_length=300)
    day: date
    confirmed_by: str = Field(max_length=200)
