"""Arranging orders for tests: look-ups by the demo's numbers and codes."""

from sqlmodel import Session, select

from app.models import ProductionOrder, User
from inventory.models import Customer


def order_by_number(db: Session, number: str) -> ProductionOrder:
    db.expire_all()
    return db.exec(select(ProductionOrder).where(ProductionOrder.number == number)).one()


def customer_of(db: Session, email: str) -> Customer:
    user = db.exec(select(User).where(User.email == email)).one()
    return db.get(Customer, user.customer_id)


def orders_of(db: Session, customer_id: int) -> list[ProductionOrder]:
    return list(
        db.exec(select(ProductionOrder).where(ProductionOrder.customer_id == customer_id)).all()
    )
