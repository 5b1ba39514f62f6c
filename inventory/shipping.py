"""Outbound shipments: open one, ship it, print its packing list."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, select

from inventory.errors import ShipmentAlreadyShipped, ShipmentEmpty
from inventory.guards import fetch, next_serial
from inventory.models import (
    Article,
    Customer,
    MovementKind,
    Pallet,
    PalletStatus,
    Shipment,
    ShipmentLine,
    utcnow,
)
from inventory.stock import record, transition


@dataclass(frozen=True)
class PackingLine:
    article_code: str
    article_name: str
    units: int
    pallet_label: str | None
    whole_pallet: bool


@dataclass(frozen=True)
class PackingList:
    number: str
    customer_name: str
    reference: str | None
    created_at: datetime
    shipped_at: datetime | None
    lines: list[PackingLine]

    @property
    def total_units(self) -> int:
        return sum(line.units for line in self.lines)

    @property
    def pallet_count(self) -> int:
        return sum(line.whole_pallet for line in self.lines)


def create_shipment(
    session: Session,
    customer_id: int,
    *,
    number: str | None = None,
    reference: str | None = None,
) -> Shipment:
    """Open a shipment; without a number it gets ``UIT-<year>-<serial>``."""
    fetch(session, Customer, customer_id)
    if number is None:
        number = f"UIT-{utcnow():%Y}-{next_serial(session, Shipment):05d}"
    shipment = Shipment(number=number, customer_id=customer_id, reference=reference)
    session.add(shipment)
    session.flush()
    return shipment


def open_shipment(session: Session, shipment_id: int) -> Shipment:
    """The shipment, still open, and held so that nobody ships it before this transaction ends.

    A pick and a shipment of the same shipment used to overlap: the pick read "open", the
    shipment closed it, and the pick's line landed on a shipment already gone (its pallet
    picked for ever, on a packing list that had left). The guarded no-op write locks the
    shipment's row (PostgreSQL) or the database (SQLite): whoever comes second waits, then
    finds the shipment shipped, or ships with the pick's line on it.
    """
    shipment = fetch(session, Shipment, shipment_id)
    held = session.execute(
        update(Shipment)
        .where(Shipment.id == shipment.id, Shipment.shipped_at.is_(None))
        .values(number=Shipment.number),
        execution_options={"synchronize_session": False},
    )
    session.expire(shipment)
    if held.rowcount != 1:
        raise ShipmentAlreadyShipped(shipment=shipment.number)
    return shipment


def ship(session: Session, shipment_id: int, *, user: str | None = None) -> PackingList:
    """Close a shipment: its whole pallets leave the building.

    The lines are read only once the shipment is held, after any pick still booking onto
    it has committed, so every line that is on it leaves with it.
    Picked units already left stock when they were picked; the ``shipment``
    movements record the departure without changing stock again.
    """
    shipment = open_shipment(session, shipment_id)
    lines = session.exec(select(ShipmentLine).where(ShipmentLine.shipment_id == shipment.id)).all()
    if not lines:
        raise ShipmentEmpty(shipment=shipment.number)
    now = utcnow()
    session.execute(
        update(Shipment).where(Shipment.id == shipment.id).values(shipped_at=now),
        execution_options={"synchronize_session": False},
    )
    session.expire(shipment)
    for line in lines:
        pallet = fetch(session, Pallet, line.pallet_id)
        if line.whole_pallet:
            transition(
                session,
                pallet,
                (PalletStatus.PICKED,),
                status=PalletStatus.SHIPPED,
                shipped_at=now,
            )
        record(
            session, MovementKind.SHIPMENT, pallet, line.units, reference=shipment.number, user=user
        )
    session.flush()
    return packing_list(session, shipment.id)


def packing_list(session: Session, shipment_id: int) -> PackingList:
    """Everything a driver and the customer need to check the load."""
    shipment = fetch(session, Shipment, shipment_id)
    customer = fetch(session, Customer, shipment.customer_id)
    rows = session.exec(
        select(ShipmentLine, Article, Pallet)
        .join(Article, Article.id == ShipmentLine.article_id)
        .join(Pallet, Pallet.id == ShipmentLine.pallet_id, isouter=True)
        .where(ShipmentLine.shipment_id == shipment.id)
        .order_by(Article.code, ShipmentLine.id)
    ).all()
    return PackingList(
        number=shipment.number,
        customer_name=customer.name,
        reference=shipment.reference,
        created_at=shipment.created_at,
        shipped_at=shipment.shipped_at,
        lines=[
            PackingLine(
                article_code=article.code,
                article_name=article.name,
                units=line.units,
                pallet_label=pallet.label if pallet else None,
                whole_pallet=line.whole_pallet,
            )
            for line, article, pallet in rows
        ],
    )
