"""Writing orders: numbering, and the checks a form cannot make on its own."""

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from app import clock
from app.models import Department, OrderStatusChange, ProductionOrder
from app.orders.pipeline import FINAL
from app.orders.production import Totals, totals_by_order
from inventory.guards import hold_numbering
from inventory.models import Article


class OrderRefused(Exception):
    """`reason` is a stable code the view turns into a message on one form field."""

    def __init__(self, field: str, reason: str, **params: object) -> None:
        self.field, self.reason, self.params = field, reason, params
        super().__init__(f"{field}: {reason}")


def next_number(session: Session, today: date | None = None) -> str:
    """ORD-<year>-<serial>, one higher than the highest number of the year."""
    year = (today or clock.today()).year
    prefix = f"ORD-{year}-"
    highest = session.exec(
        select(func.max(ProductionOrder.number)).where(ProductionOrder.number.startswith(prefix))
    ).one()
    serial = int(highest.removeprefix(prefix)) + 1 if highest and highest[-4:].isdigit() else 1
    return f"{prefix}{serial:04d}"


def number_taken(session: Session, number: str, except_id: int | None = None) -> bool:
    query = select(ProductionOrder.id).where(ProductionOrder.number == number)
    if except_id is not None:
        query = query.where(ProductionOrder.id != except_id)
    return session.exec(query).first() is not None


def save_order(
    session: Session,
    order: ProductionOrder | None,
    *,
    number: str | None,
    article_id: int,
    department_id: int,
    quantity: int,
    due_date: date,
    user_id: int | None,
) -> ProductionOrder:
    """Create an order (logging its first status) or update an open one."""
    article = session.get(Article, article_id)
    if article is None:
        raise OrderRefused("article_id", "unknown_article")
    if session.get(Department, department_id) is None:
        raise OrderRefused("department_id", "unknown_department")
    if order is None:
        # A new order's number, typed or not, must not be taken by a parallel request
        # between the check below and the insert.
        hold_numbering(session, ProductionOrder.__tablename__)
    number = (number or "").strip() or (order.number if order else next_number(session))
    if number_taken(session, number, order.id if order else None):
        raise OrderRefused("number", "number_taken", number=number)
    values = {
        "number": number,
        "customer_id": article.customer_id,
        "article_id": article.id,
        "department_id": department_id,
        "quantity": quantity,
        "due_date": due_date,
    }
    if order is None:
        order = ProductionOrder(**values)
        session.add(order)
        session.flush()
        session.add(OrderStatusChange(order_id=order.id, status=order.status, user_id=user_id))
        session.flush()
        return order
    if order.status in FINAL:
        raise OrderRefused("number", "order_closed")
    made = totals_by_order(session, [order.id]).get(order.id, Totals()).made
    if quantity < made:
        raise OrderRefused("quantity", "below_made", made=made)
    for name, value in values.items():
        setattr(order, name, value)
    session.add(order)
    session.flush()
    return order
