"""Read-only views for screens: stock, the occupancy map and movement history."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from inventory.models import Article, Customer, Location, Pallet, StockCorrection, StockMovement
from inventory.stock import IN_STOCK


@dataclass(frozen=True)
class StockLine:
    customer_id: int
    customer_name: str
    article_id: int
    article_code: str
    article_name: str
    units: int
    pallets: int


@dataclass(frozen=True)
class AisleOccupancy:
    hall: str
    aisle: int
    places: int
    capacity: int
    occupied: int

    @property
    def ratio(self) -> float:
        return self.occupied / self.capacity


@dataclass(frozen=True)
class MovementRow:
    id: int
    at: datetime
    kind: str
    pallet_id: int
    pallet_label: str
    customer_id: int
    article_code: str
    from_location: str | None
    to_location: str | None
    units: int
    reference: str | None
    user_label: str | None
    reason: str | None = None  # corrections only: a CorrectionReason code
    note: str | None = None


@dataclass(frozen=True)
class Page:
    items: list[MovementRow]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def stock(
    session: Session, customer_id: int | None = None, article_id: int | None = None
) -> list[StockLine]:
    """Units and pallets in the building per customer and article.

    Summed from the pallets, not from the movement history: there are far
    fewer pallets than movements, and picked units are already off them.
    """
    query = (
        select(
            Customer.id,
            Customer.name,
            Article.id,
            Article.code,
            Article.name,
            func.sum(Pallet.units),
            func.count(Pallet.id),
        )
        .join(Article, Article.id == Pallet.article_id)
        .join(Customer, Customer.id == Pallet.customer_id)
        .where(Pallet.status.in_(IN_STOCK))
        .group_by(Customer.id, Customer.name, Article.id, Article.code, Article.name)
        .order_by(Customer.name, Article.code)
    )
    if customer_id is not None:
        query = query.where(Pallet.customer_id == customer_id)
    if article_id is not None:
        query = query.where(Pallet.article_id == article_id)
    return [StockLine(*row) for row in session.exec(query).all()]


def occupancy_by_aisle(session: Session, hall: str | None = None) -> list[AisleOccupancy]:
    """Filled pallet places per hall and aisle, to colour the warehouse map."""
    query = (
        select(
            Location.hall,
            Location.aisle,
            func.count(Location.id),
            func.sum(Location.capacity),
            func.sum(Location.occupied),
        )
        .group_by(Location.hall, Location.aisle)
        .order_by(Location.hall, Location.aisle)
    )
    if hall is not None:
        query = query.where(Location.hall == hall)
    return [AisleOccupancy(*row) for row in session.exec(query).all()]


def movement_history(
    session: Session,
    *,
    customer_id: int | None = None,
    article_id: int | None = None,
    pallet_id: int | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Page:
    """Newest first, one page at a time, so a long history never loads whole."""
    filters = [
        column == value
        for column, value in (
            (StockMovement.customer_id, customer_id),
            (StockMovement.article_id, article_id),
            (StockMovement.pallet_id, pallet_id),
        )
        if value is not None
    ]
    total = session.exec(select(func.count(StockMovement.id)).where(*filters)).one()
    origin, target = aliased(Location), aliased(Location)
    rows = session.exec(
        select(
            StockMovement,
            Pallet.label,
            Article.code,
            origin.code,
            target.code,
            StockCorrection.reason,
            StockCorrection.note,
        )
        .join(Pallet, Pallet.id == StockMovement.pallet_id)
        .join(Article, Article.id == StockMovement.article_id)
        .join(origin, origin.id == StockMovement.from_location_id, isouter=True)
        .join(target, target.id == StockMovement.to_location_id, isouter=True)
        .join(StockCorrection, StockCorrection.movement_id == StockMovement.id, isouter=True)
        .where(*filters)
        .order_by(StockMovement.at.desc(), StockMovement.id.desc())
        .offset((max(page, 1) - 1) * per_page)
        .limit(per_page)
    ).all()
    items = [
        MovementRow(
            id=movement.id,
            at=movement.at,
            kind=movement.kind,
            pallet_id=movement.pallet_id,
            pallet_label=label,
            customer_id=movement.customer_id,
            article_code=code,
            from_location=from_code,
            to_location=to_code,
            units=movement.units,
            reference=movement.reference,
            user_label=movement.user_label,
            reason=reason,
            note=note,
        )
        for movement, label, code, from_code, to_code, reason, note in rows
    ]
    return Page(items=items, total=total, page=page, per_page=per_page)
