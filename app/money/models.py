"""Tables of the money area: approved hours, rates, trajectory billing and invoices.

Amounts are NUMERIC and handled as Decimal (see `app/money/amounts.py`); nothing here is a
float. Trajectory billing has its own table keyed by participant, apart from the
participant's registration, so billing terms can change without touching the file.
"""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Column, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models import fk
from app.money.vocab import INVOICE_KINDS, PAY_KINDS, RATE_UNITS, TARIFF_KINDS
from app.vocab import one_of
from inventory.models import utcnow


def money_column(*, nullable: bool = False) -> Column:
    return Column(Numeric(12, 2), nullable=nullable)


class HoursApproval(SQLModel, table=True):
    """A month whose attendance a manager approved: from then on it cannot change."""

    __tablename__ = "hours_approval"
    id: int | None = Field(default=None, primary_key=True)
    month: date = Field(unique=True)
    approved_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    approved_at: datetime = Field(default_factory=utcnow)


class HoursCorrection(SQLModel, table=True):
    """A correction to an approved day, booked as a new line in an open month."""

    __tablename__ = "hours_correction"
    __table_args__ = (CheckConstraint("minutes <> 0", name="minutes_not_zero"),)
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    department_id: int = Field(sa_column=fk("department.id"))
    day: date
    booked_month: date = Field(index=True)
    minutes: int
    reason: str = Field(max_length=300)
    created_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(default_factory=utcnow)


class PayRate(SQLModel, table=True):
    """The rate of one kind of pay from a date on; the latest one not after a day applies."""

    __tablename__ = "pay_rate"
    __table_args__ = (
        UniqueConstraint("kind", "valid_from"),
        one_of("kind", PAY_KINDS),
        one_of("unit", RATE_UNITS),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=30)
    unit: str = Field(max_length=10)
    amount: Decimal = Field(sa_column=money_column())
    valid_from: date


class PayProfile(SQLModel, table=True):
    """A participant whose pay differs from their target group's (a volunteer, or none)."""

    __tablename__ = "pay_profile"
    __table_args__ = (UniqueConstraint("participant_id"), one_of("kind", (*PAY_KINDS, "none")))
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    kind: str = Field(max_length=30)


class CommunityService(SQLModel, table=True):
    """A community service order (taakstraf): hours imposed and the deadline to do them by."""

    __tablename__ = "community_service"
    __table_args__ = (
        UniqueConstraint("participant_id"),
        CheckConstraint("hours_imposed > 0 AND hours_imposed <= 240", name="hours_imposed"),
        CheckConstraint("deadline >= start_date", name="deadline_after_start"),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    case_number: str = Field(max_length=50)
    hours_imposed: int
    start_date: date
    deadline: date


class TrajectoryBilling(SQLModel, table=True):
    """What a referrer pays for one participant's trajectory, and for which period."""

    __tablename__ = "trajectory_billing"
    __table_args__ = (
        UniqueConstraint("participant_id"),
        one_of("tariff_kind", TARIFF_KINDS),
        CheckConstraint("tariff >= 0", name="tariff_not_negative"),
        CheckConstraint("end_date >= start_date", name="end_after_start"),
    )
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(sa_column=fk("participant.id"))
    referrer: str = Field(max_length=200, index=True)
    decision_number: str = Field(max_length=50)
    tariff_kind: str = Field(max_length=20)
    tariff: Decimal = Field(sa_column=money_column())
    start_date: date
    end_date: date


class InvoiceCounter(SQLModel, table=True):
    """The last invoice number of a year, raised inside the transaction that uses it."""

    __tablename__ = "invoice_counter"
    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last_number: int = 0


class Invoice(SQLModel, table=True):
    __table_args__ = (
        # An invoice is credited at most once, even by two managers at the same moment.
        UniqueConstraint("credit_for_id"),
        one_of("kind", INVOICE_KINDS),
        CheckConstraint(
            "(kind = 'customer' AND customer_id IS NOT NULL)"
            " OR (kind = 'referrer' AND referrer IS NOT NULL)",
            name="addressee",
        ),
        CheckConstraint("period_end >= period_start", name="period"),
    )
    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=20, unique=True)
    kind: str = Field(max_length=10)
    customer_id: int | None = Field(
        default=None, sa_column=fk("customer.id", nullable=True, ondelete="RESTRICT")
    )
    referrer: str | None = Field(default=None, max_length=200, index=True)
    period_start: date
    period_end: date
    issued_on: date
    credit_for_id: int | None = Field(
        default=None, sa_column=fk("invoice.id", nullable=True, ondelete="RESTRICT")
    )
    net: Decimal = Field(sa_column=money_column())
    vat: Decimal = Field(sa_column=money_column())
    total: Decimal = Field(sa_column=money_column())
    created_by: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(default_factory=utcnow)


class InvoiceLine(SQLModel, table=True):
    __tablename__ = "invoice_line"
    id: int | None = Field(default=None, primary_key=True)
    invoice_id: int = Field(sa_column=fk("invoice.id"))
    description: str = Field(max_length=300)
    quantity: Decimal = Field(sa_column=Column(Numeric(12, 3), nullable=False))
    unit_price: Decimal = Field(sa_column=money_column())
    vat_rate: Decimal = Field(sa_column=Column(Numeric(5, 2), nullable=False))
    net: Decimal = Field(sa_column=money_column())
    vat: Decimal = Field(sa_column=money_column())
    participant_id: int | None = Field(
        default=None, sa_column=fk("participant.id", nullable=True, ondelete="SET NULL")
    )
    decision_number: str | None = Field(default=None, max_length=50)
    billed_from: date | None = None
    billed_to: date | None = None


class TrajectoryBilled(SQLModel, table=True):
    """The ledger guard: a trajectory's month is billed once; a credit note frees it again."""

    __tablename__ = "trajectory_billed"
    __table_args__ = (UniqueConstraint("trajectory_id", "month"),)
    id: int | None = Field(default=None, primary_key=True)
    trajectory_id: int = Field(sa_column=fk("trajectory_billing.id", ondelete="RESTRICT"))
    month: date
    invoice_id: int = Field(sa_column=fk("invoice.id"))


class CustomerBilled(SQLModel, table=True):
    """The ledger guard for customers: a customer's month is invoiced once (until credited)."""

    __tablename__ = "customer_billed"
    __table_args__ = (UniqueConstraint("customer_id", "month"),)
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(sa_column=fk("customer.id", ondelete="RESTRICT"))
    month: date
    invoice_id: int = Field(sa_column=fk("invoice.id"))


class ArticlePrice(SQLModel, table=True):
    __tablename__ = "article_price"
    __table_args__ = (
        UniqueConstraint("article_id", "valid_from"),
        CheckConstraint("unit_price >= 0", name="price_not_negative"),
    )
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=fk("article.id"))
    unit_price: Decimal = Field(sa_column=Column(Numeric(12, 4), nullable=False))
    vat_rate: Decimal = Field(sa_column=Column(Numeric(5, 2), nullable=False))
    valid_from: date


class StorageRate(SQLModel, table=True):
    """Price of one pallet stored for one day, from a date on, for every customer."""

    __tablename__ = "storage_rate"
    __table_args__ = (CheckConstraint("price_per_pallet_day >= 0", name="price_not_negative"),)
    id: int | None = Field(default=None, primary_key=True)
    price_per_pallet_day: Decimal = Field(sa_column=Column(Numeric(12, 4), nullable=False))
    vat_rate: Decimal = Field(sa_column=Column(Numeric(5, 2), nullable=False))
    valid_from: date = Field(unique=True)
