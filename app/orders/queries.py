"""Reading orders for screens, the manager's and the customer's alike."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from app.models import Department, OrderStatusChange, ProductionOrder
from app.orders.progress import OrderProgress, progress_of
from inventory.models import Article, Customer


@dataclass(frozen=True)
class OrderLine:
    progress: OrderProgress
    customer: Customer
    department: Department

    @property
    def order(self) -> ProductionOrder:
        return self.progress.order


def order_lines(
    session: Session,
    *,
    customer_id: int | None = None,
    statuses: Sequence[str] | None = None,
    order_id: int | None = None,
    today: date | None = None,
) -> list[OrderLine]:
    """Orders with their progress, by due date; `customer_id` scopes to one customer."""
    query = (
        select(ProductionOrder, Article, Customer, Department)
        .join(Article, Article.id == ProductionOrder.article_id)
        .join(Customer, Customer.id == ProductionOrder.customer_id)
        .join(Department, Department.id == ProductionOrder.department_id)
        .order_by(ProductionOrder.due_date, ProductionOrder.number)
    )
    if customer_id is not None:
        query = query.where(ProductionOrder.customer_id == customer_id)
    if statuses:
        query = query.where(ProductionOrder.status.in_(list(statuses)))
    if order_id is not None:
        query = query.where(ProductionOrder.id == order_id)
    rows = session.exec(query).all()
    progress = progress_of(session, [(order, article) for order, article, _c, _d in rows], today)
    return [
        OrderLine(p, customer, department)
        for p, (_o, _a, customer, department) in zip(progress, rows, strict=True)
    ]


def order_line(
    session: Session, order_id: int, *, customer_id: int | None = None, today: date | None = None
) -> OrderLine | None:
    """One order, or None when it does not exist or is not this customer's."""
    lines = order_lines(session, order_id=order_id, customer_id=customer_id, today=today)
    return lines[0] if lines else None


def status_history(session: Session, order_id: int) -> list[OrderStatusChange]:
    return list(
        session.exec(
            select(OrderStatusChange)
            .where(OrderStatusChange.order_id == order_id)
            .order_by(OrderStatusChange.at, OrderStatusChange.id)
        ).all()
    )
