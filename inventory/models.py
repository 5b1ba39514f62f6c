"""Warehouse tables, shared with the web app (which adds foreign keys to them).

Choices that hold for every table here:

* Timestamps are written as aware UTC (``utcnow``) into ``timestamptz``
  columns, which is exact on PostgreSQL whatever the session time zone;
  SQLite drops the zone and reads back naive values, which are UTC.
* Enum-like columns are plain strings guarded by a CHECK built from a
  ``StrEnum``; a native PostgreSQL ENUM would make every new value a migration.
* Quantities that must never go wrong (pallet units, place occupancy) are
  guarded by CHECK constraints as the last line of defence behind the
  conditional UPDATEs in ``inventory.stock``.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

_clock: Callable[[], datetime] | None = None


def use_clock(now: Callable[[], datetime]) -> None:
    """The package reads no wall clock: whoever uses it (the app, a bench) hands one in."""
    global _clock
    _clock = now


def utcnow() -> datetime:
    if _clock is None:
        raise RuntimeError("inventory has no clock: call inventory.models.use_clock(now) first")
    return _clock().astimezone(UTC)


def _one_of(table: str, column: str, choices: type[StrEnum]) -> CheckConstraint:
    values = ", ".join(f"'{choice.value}'" for choice in choices)
    return CheckConstraint(f"{column} IN ({values})", name=f"ck_{table}_{column}")


class LocationKind(StrEnum):
    FLOOR = "floor"
    RACK = "rack"
    COLD = "cold"


class PalletStatus(StrEnum):
    RECEIVED = "received"  # in the receiving area, no place yet
    STORED = "stored"  # on a place
    PICKED = "picked"  # on an open shipment (whole pallet), or emptied by picking or a count
    SHIPPED = "shipped"  # left the building


class MovementKind(StrEnum):
    RECEIPT = "receipt"
    PUT_AWAY = "put_away"
    MOVE = "move"
    PICK = "pick"
    SHIPMENT = "shipment"
    CORRECTION = "correction"


class CorrectionReason(StrEnum):
    COUNT_DIFFERENCE = "count_difference"
    DAMAGE = "damage"
    FOUND = "found"
    OTHER = "other"  # needs a note: nobody can audit "other" on its own


# Sign with which a movement's ``units`` changes stock on hand; see StockMovement.
STOCK_EFFECT: dict[MovementKind, int] = {
    MovementKind.RECEIPT: 1,
    MovementKind.PUT_AWAY: 0,
    MovementKind.MOVE: 0,
    MovementKind.PICK: -1,
    MovementKind.SHIPMENT: 0,
    MovementKind.CORRECTION: 1,
}


class Customer(SQLModel, table=True):
    __tablename__ = "customer"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    contact_name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    phone: str | None = Field(default=None, max_length=50)
    active: bool = True


class Article(SQLModel, table=True):
    __tablename__ = "article"
    __table_args__ = (
        UniqueConstraint("customer_id", "code", name="uq_article_customer_code"),
        CheckConstraint("units_per_pallet > 0", name="ck_article_units_per_pallet"),
        CheckConstraint("norm_units_per_hour > 0", name="ck_article_norm"),
    )

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    code: str = Field(max_length=50)
    name: str = Field(max_length=200)
    units_per_pallet: int
    # Units one person makes per hour in the department that makes this
    # article; production orders derive their labour hours from it.
    norm_units_per_hour: float


class Location(SQLModel, table=True):
    """A pallet place, coded hall-aisle-rack-level such as ``A-03-12-2``."""

    __tablename__ = "location"
    __table_args__ = (
        CheckConstraint("capacity >= 1", name="ck_location_capacity"),
        CheckConstraint("occupied >= 0 AND occupied <= capacity", name="ck_location_occupied"),
        _one_of("location", "kind", LocationKind),
        Index("ix_location_place", "hall", "aisle", "rack", "level"),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=20)
    hall: str = Field(max_length=10)
    aisle: int
    rack: int
    level: int
    capacity: int = 1
    kind: str = Field(default=LocationKind.RACK, max_length=10)
    occupied: int = 0


class Pallet(SQLModel, table=True):
    """A load carrier with units of one article of one customer."""

    __tablename__ = "pallet"
    __table_args__ = (
        CheckConstraint("units >= 0", name="ck_pallet_units"),
        _one_of("pallet", "status", PalletStatus),
        # Only a stored pallet has a place; anything else standing on one
        # would make ``location.occupied`` lie.
        CheckConstraint(
            "(status = 'stored' AND location_id IS NOT NULL)"
            " OR (status <> 'stored' AND location_id IS NULL)",
            name="ck_pallet_place",
        ),
        Index("ix_pallet_stock", "customer_id", "article_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    label: str = Field(unique=True, max_length=20)
    customer_id: int = Field(foreign_key="customer.id")
    article_id: int = Field(foreign_key="article.id")
    units: int
    location_id: int | None = Field(default=None, foreign_key="location.id", index=True)
    status: str = Field(default=PalletStatus.RECEIVED, max_length=10)
    received_at: datetime = Field(default_factory=utcnow)
    shipped_at: datetime | None = None


class StockMovement(SQLModel, table=True):
    """Append-only history of everything that happened to a pallet.

    ``units`` is the number of units the movement handled; its effect on stock
    on hand is ``units * STOCK_EFFECT[kind]``: receipts add, picks subtract
    (picked units leave stock for the shipment at once), put-away, move and
    shipment only change where units are. A correction stores the signed
    difference, so summing ``units * effect`` over a customer's history gives
    the stock the pallets hold now.
    """

    __tablename__ = "stock_movement"
    __table_args__ = (
        _one_of("stock_movement", "kind", MovementKind),
        Index("ix_stock_movement_customer_article", "customer_id", "article_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    kind: str = Field(max_length=12)
    pallet_id: int = Field(foreign_key="pallet.id", index=True)
    article_id: int = Field(foreign_key="article.id")
    customer_id: int = Field(foreign_key="customer.id")
    from_location_id: int | None = Field(default=None, foreign_key="location.id")
    to_location_id: int | None = Field(default=None, foreign_key="location.id")
    units: int
    reference: str | None = Field(default=None, max_length=100)
    user_label: str | None = Field(default=None, max_length=100)


class StockCorrection(SQLModel, table=True):
    """Why a ``correction`` movement changed a pallet: what was counted, and the reason.

    A table of its own rather than columns on ``stock_movement``, which every other kind
    would leave empty; the movement keeps the signed difference.
    """

    __tablename__ = "stock_correction"
    __table_args__ = (
        _one_of("stock_correction", "reason", CorrectionReason),
        CheckConstraint("counted_units >= 0", name="ck_stock_correction_counted"),
        CheckConstraint("reason <> 'other' OR note IS NOT NULL", name="ck_stock_correction_note"),
    )

    id: int | None = Field(default=None, primary_key=True)
    movement_id: int = Field(foreign_key="stock_movement.id", unique=True)
    reason: str = Field(max_length=20)
    note: str | None = Field(default=None, max_length=500)
    counted_units: int


class Shipment(SQLModel, table=True):
    """An outbound shipment; open while ``shipped_at`` is null."""

    __tablename__ = "shipment"

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(unique=True, max_length=30)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    reference: str | None = Field(default=None, max_length=100)
    created_at: datetime = Field(default_factory=utcnow)
    shipped_at: datetime | None = None


class ShipmentLine(SQLModel, table=True):
    """One packing-list line: a whole pallet, or units picked off a pallet."""

    __tablename__ = "shipment_line"
    __table_args__ = (CheckConstraint("units > 0", name="ck_shipment_line_units"),)

    id: int | None = Field(default=None, primary_key=True)
    shipment_id: int = Field(foreign_key="shipment.id", index=True)
    article_id: int = Field(foreign_key="article.id")
    pallet_id: int | None = Field(default=None, foreign_key="pallet.id")
    whole_pallet: bool = False
    units: int


class SerialLock(SQLModel, table=True):
    """One row per numbered kind (pallet labels, shipment and order numbers): whoever hands
    out the next number holds it until their transaction ends; see ``guards.next_serial``."""

    __tablename__ = "serial_lock"

    name: str = Field(primary_key=True, max_length=30)


TABLES = [
    model.__table__
    for model in (
        Customer,
        Article,
        Location,
        Pallet,
        StockMovement,
        StockCorrection,
        Shipment,
        ShipmentLine,
        SerialLock,
    )
]
