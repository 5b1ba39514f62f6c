"""Daily production registration and the sums progress is built from."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from app import clock
from app.models import ProductionOrder
from app.orders.models import ProductionRecord
from app.orders.pipeline import change_status

# Orders that may still receive production; a registration starts a received or planned one.
PRODUCING = ("received", "planned", "in_production")


class RegistrationRefused(Exception):
    """`reason` is a stable code: `order_closed` or `future_day`."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Totals:
    made: int = 0
    rejected: int = 0


def register_production(
    session: Session,
    order: ProductionOrder,
    day: date,
    units_made: int,
    units_rejected: int = 0,
    *,
    note: str = "",
    user_id: int | None = None,
    today: date | None = None,
) -> ProductionRecord:
    """Record a day's output; the first output puts the order in production.

    Moving the status here keeps the portal honest: a customer whose order is being made
    sees "in productie" without a manager having to remember the click.
    """
    if order.status not in PRODUCING:
        raise RegistrationRefused("order_closed")
    if day > (today or clock.today()):
        raise RegistrationRefused("future_day")
    while order.status != "in_production":
        following = "planned" if order.status == "received" else "in_production"
        change_status(session, order, following, user_id)
    record = ProductionRecord(
        order_id=order.id,
        day=day,
        units_made=units_made,
        units_rejected=units_rejected,
        note=note,
        user_id=user_id,
    )
    session.add(record)
    session.flush()
    return record


def totals_by_order(
    session: Session, order_ids: Iterable[int], before: date | None = None
) -> dict[int, Totals]:
    """Made and rejected units per order, in one query for a whole list; with `before`,
    only what was registered on earlier days."""
    ids = list(order_ids)
    if not ids:
        return {}
    query = select(
        ProductionRecord.order_id,
        func.sum(ProductionRecord.units_made),
        func.sum(ProductionRecord.units_rejected),
    ).where(ProductionRecord.order_id.in_(ids))
    if before is not None:
        query = query.where(ProductionRecord.day < before)
    rows = session.exec(query.group_by(ProductionRecord.order_id)).all()
    return {order_id: Totals(made, rejected) for order_id, made, rejected in rows}


def recent_output(
    session: Session, order_ids: Iterable[int], since: date
) -> dict[int, list[tuple[date, int]]]:
    """Good units per day since `since`, per order, oldest day first."""
    ids = list(order_ids)
    if not ids:
        return {}
    rows = session.exec(
        select(
            ProductionRecord.order_id, ProductionRecord.day, func.sum(ProductionRecord.units_made)
        )
        .where(ProductionRecord.order_id.in_(ids), ProductionRecord.day >= since)
        .group_by(ProductionRecord.order_id, ProductionRecord.day)
        .order_by(ProductionRecord.day)
    ).all()
    output: dict[int, list[tuple[date, int]]] = {}
    for order_id, day, made in rows:
        output.setdefault(order_id, []).append((day, made))
    return output


def records_of(session: Session, order_id: int) -> list[ProductionRecord]:
    return list(
        session.exec(
            select(ProductionRecord)
            .where(ProductionRecord.order_id == order_id)
            .order_by(ProductionRecord.day.desc(), ProductionRecord.id.desc())
        ).all()
    )
