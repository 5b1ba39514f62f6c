"""The core tables: people, departments and what the roster needs to know about them.

Every categorical column is a plain string guarded by a CHECK constraint rather than a
database ENUM, so that SQLite and PostgreSQL share one schema and adding a value is a
one-line migration. The value lists live in `app/vocab.py`.
"""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import CheckConstraint, Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.vocab import (
    ABSENCE_KINDS,
    CERTIFICATE_KINDS,
    CERTIFICATE_STATUSES,
    CLEARANCES,
    DAYPARTS,
    DAYS,
    ORDER_STATUSES,
    PARTICIPANT_STATUSES,
    ROLES,
    ROSTER_GROUPS,
    TARGET_GROUPS,
    WISH_KINDS,
    one_of,
)
from inventory.models import Article, Customer, utcnow  # noqa: F401  (shared tables)


def fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column:
    """An indexed foreign key; most child rows belong to their parent and go with it."""
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


class User(SQLModel, table=True):
    __table_args__ = (
        one_of("role", ROLES),
        CheckConstraint("role != 'customer' OR customer_id IS NOT NULL", name="customer_user"),
        CheckConstraint(
            "role != 'referrer' OR referrer_organisation IS NOT NULL", name="referrer_user"
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=200, unique=True, index=True)
    name: str = Field(max_length=200)
    password_hash: str = Field(max_length=300)
    role: str = Field(max_length=20)
    customer_id: int | None = Field(
        default=None, sa_column=fk("customer.id", nullable=True, ondelete="RESTRICT")
    )
    # The organisation a referrer login speaks for: a participant's reports can be shared
    # only with logins of the participant's own referrer organisation.
    referrer_organisation: str | None = Field(default=None, max_length=200)
    active: bool = True
    locale: str | None = Field(default=None, max_length=5)
    created_at: datetime = Field(default_factory=utcnow)

    # What Flask-Login asks of a user object.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        return str(self.id)


class Department(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint("staffing_min >= 0 AND staffing_min <= staffing_max", name="staffing"),
        CheckConstraint("max_detainees >= 0", name="max_detainees"),
    )
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True, index=True)
    name: str = Field(max_length=100)
    outside: bool = False
    staffing_min: int = 0
    staffing_max: int = 10
    max_detainees: int = 0
    sort_order: int = 0
    # Archived departments leave the roster but stay for the rosters and orders naming them.
    archived: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class DepartmentCertificate(SQLModel, table=True):
    """A certificate everyone working in the department must hold."""

    __table_args__ = (UniqueConstraint("department_id", "kind"), one_of("kind", CERTIFICATE_KINDS))
    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(sa_column=fk("department.id"))
    kind: str = Field(max_length=20)


class StaffingOverride(SQLModel, table=True):
    """Staffing for one weekday and daypart that differs from the department's default."""

    __table_args__ = (
        UniqueConstraint("department_id", "day", "daypart"),
        one_of("day", DAYS),
        one_of("daypart", DAYPARTS),
        CheckConstraint("staffing_min >= 0 AND staffing_min <= staffing_max", name="staffing"),
    )
    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(sa_column=fk("department.id"))
    day: str = Field(max_length=3)
    daypart: str = Field(max_length=2)
    staffing_min: int = 0
    staffing_max: int = 0


class DepartmentClosure(SQLModel, table=True):
    """A date a department (or, with no department, the whole site) is closed: a public
    holiday or a machine down. The roster plans nobody there that day or daypart."""

    __table_args__ = (
        UniqueConstraint("department_id", "day", "daypart"),
        one_of("daypart", DAYPARTS, nullable=True),
    )
    id: int | None = Field(default=None, primary_key=True)
    # None: the whole site is closed.
    department_id: int | None = Field(default=None, sa_column=fk("department.id", nullable=True))
    day: date = Field(index=True)
    # None: the whole day.
    daypart: str | None = Field(default=None, max_length=2)
    reason: str = Field(max_length=200)
    created_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )


class DepartmentMix(SQLModel, table=True):
    """Target share of one group in a department: the mix of groups is the point of the workshop."""

    __table_args__ = (
        UniqueConstraint("department_id", "group"),
        one_of("group", ROSTER_GROUPS),
        CheckConstraint("share >= 0 AND share <= 1", name="share"),
    )
    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(sa_column=fk("department.id"))
    group: str = Field(max_length=20)
    share: float


class Participant(SQLModel, table=True):
    __table_args__ = (
        one_of("target_group", TARGET_GROUPS),
        one_of("clearance", CLEARANCES, nullable=True),
        one_of("status", PARTICIPANT_STATUSES),
        CheckConstraint("dayparts_per_week BETWEEN 0 AND 10", name="dayparts_per_week"),
        CheckConstraint(
            "expected_end_date IS NULL OR expected_end_date >= start_date", name="end_after_start"
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True, index=True)
    first_name: str = Field(max_length=100)
    last_name: str = Field(max_length=100)
    target_group: str = Field(max_length=30, index=True)
    referrer_organisation: str = Field(default="", max_length=200)
    start_date: date
    expected_end_date: date | None = None
    dayparts_per_week: int = 6
    clearance: str | None = Field(default=None, max_length=10)
    # The prison decides a detainee's clearance; a manager records who decided, when, and
    # until when. An expired decision counts as inside (app/coaching/clearance.py).
    clearance_decided_by: str = Field(default="", max_length=200)
    clearance_decided_on: date | None = None
    clearance_valid_until: date | None = None
    clearance_recorded_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    # Where the trajectory stands (registered = on the waiting list); `active` says whether
    # the roster may plan the participant and follows the status (app/coaching/lifecycle.py).
    status: str = Field(
        default="active", max_length=10, sa_column_kwargs={"server_default": "active"}
    )
    referral_date: date | None = None
    decision_number: str = Field(default="", max_length=50)
    decision_start: date | None = None
    decision_end: date | None = None
    paused_from: date | None = None
    paused_until: date | None = None
    active: bool = Field(default=True, index=True)
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class Availability(SQLModel, table=True):
    """A weekday and daypart the participant can work, week in week out."""

    __table_args__ = (
        UniqueConstraint("participant_id", "day", "daypart"),
        one_of("day", DAYS),
        one_of("daypart", DAYPARTS),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    day: str = Field(max_length=3)
    daypart: str = Field(max_length=2)


class Absence(SQLModel, table=True):
    __table_args__ = (
        one_of("kind", ABSENCE_KINDS),
        one_of("daypart", DAYPARTS, nullable=True),
        CheckConstraint("end_date >= start_date", name="end_after_start"),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    start_date: date
    end_date: date
    daypart: str | None = Field(default=None, max_length=2)
    kind: str = Field(default="sick", max_length=20)
    note: str = Field(default="", max_length=500)
    created_at: datetime = Field(default_factory=utcnow)


class SkillLevel(SQLModel, table=True):
    """0 = not trained, 1 = learning, 2 = independent, 3 = can teach others."""

    __table_args__ = (
        UniqueConstraint("participant_id", "department_id"),
        CheckConstraint("level BETWEEN 0 AND 3", name="level"),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    department_id: int = Field(sa_column=fk("department.id"))
    level: int = 0


class Certificate(SQLModel, table=True):
    __table_args__ = (
        one_of("kind", CERTIFICATE_KINDS),
        one_of("status", CERTIFICATE_STATUSES),
        CheckConstraint(
            "expires_on IS NULL OR obtained_on IS NULL OR expires_on >= obtained_on",
            name="expires_after_obtained",
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    kind: str = Field(max_length=20)
    status: str = Field(default="obtained", max_length=10)
    detail: str = Field(default="", max_length=100)
    planned_on: date | None = None
    obtained_on: date | None = None
    expires_on: date | None = None

    def valid_on(self, day: date) -> bool:
        """A certificate counts for the roster only once obtained and while not expired."""
        return (
            self.status == "obtained"
            and (self.obtained_on is None or self.obtained_on <= day)
            and (self.expires_on is None or self.expires_on >= day)
        )


class DepartmentWish(SQLModel, table=True):
    """A participant's preference, or a department the coach wants them to learn."""

    __table_args__ = (
        UniqueConstraint("participant_id", "department_id", "kind"),
        one_of("kind", WISH_KINDS),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    department_id: int = Field(sa_column=fk("department.id"))
    kind: str = Field(max_length=10)


class AvoidPair(SQLModel, table=True):
    """Two participants who must not work side by side; stored once, lowest id first."""

    __table_args__ = (
        UniqueConstraint("first_id", "second_id"),
        CheckConstraint("first_id < second_id", name="ordered_pair"),
    )
    id: int | None = Field(default=None, primary_key=True)
    first_id: int = Field(sa_column=fk("participant.id"))
    second_id: int = Field(sa_column=fk("participant.id"))
    reason: str = Field(default="", max_length=300)


class CoachAssignment(SQLModel, table=True):
    """Which coach guides a participant; ended rows keep the history of who did when."""

    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
    )
    id: int | None = Field(default=None, primary_key=True)
    coach_id: int = Field(sa_column=fk("user.id", ondelete="RESTRICT"))
    participant_id: int = Field(sa_column=fk("participant.id"))
    start_date: date
    end_date: date | None = None
    # A co-coach shares the caseload (and access) but is not the one who answers for it.
    co_coach: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class ProductionOrder(SQLModel, table=True):
    __table_args__ = (
        one_of("status", ORDER_STATUSES),
        CheckConstraint("quantity > 0", name="quantity_positive"),
    )
    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=30, unique=True, index=True)
    customer_id: int = Field(sa_column=fk("customer.id", ondelete="RESTRICT"))
    article_id: int = Field(sa_column=fk("article.id", ondelete="RESTRICT"))
    department_id: int = Field(sa_column=fk("department.id", ondelete="RESTRICT"))
    quantity: int
    due_date: date
    status: str = Field(default="received", max_length=20, index=True)
    created_at: datetime = Field(default_factory=utcnow)


class OrderStatusChange(SQLModel, table=True):
    """Every step of an order's pipeline, timestamped, so the customer sees when things moved."""

    __table_args__ = (one_of("status", ORDER_STATUSES),)
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(sa_column=fk("productionorder.id"))
    status: str = Field(max_length=20)
    at: datetime = Field(default_factory=utcnow)
    user_id: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
