"""The figures on each role's start page."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from app import clock
from app.coaching.access import caseload_ids
from app.models import Absence, Department, Participant, ProductionOrder
from inventory.models import Article


@dataclass
class ManagerOverview:
    active_participants: int
    by_group: list[tuple[str, int]]
    absent_today: list[tuple[Participant, Absence]]
    departments: list[Department]
    open_orders: int


def manager_overview(db: Session, today: date | None = None) -> ManagerOverview:
    today = today or clock.today()
    by_group = db.exec(
        select(Participant.target_group, func.count())
        .where(Participant.active)
        .group_by(Participant.target_group)
        .order_by(func.count().desc())
    ).all()
    absent = db.exec(
        select(Participant, Absence)
        .join(Absence, Absence.participant_id == Participant.id)
        .where(Absence.start_date <= today, Absence.end_date >= today)
        .order_by(Participant.last_name)
    ).all()
    open_orders = db.exec(
        select(func.count()).where(ProductionOrder.status.not_in(("shipped", "cancelled")))
    ).one()
    return ManagerOverview(
        active_participants=sum(count for _, count in by_group),
        by_group=list(by_group),
        absent_today=list(absent),
        departments=list(db.exec(select(Department).order_by(Department.sort_order)).all()),
        open_orders=open_orders,
    )


def coach_caseload(db: Session, coach_id: int) -> list[Participant]:
    """The participants this coach guides now: the only ones a coach may open."""
    return list(
        db.exec(
            select(Participant)
            .where(Participant.id.in_(caseload_ids(db, coach_id)))
            .order_by(Participant.last_name, Participant.first_name)
        ).all()
    )


def customer_orders(db: Session, customer_id: int) -> list[tuple[ProductionOrder, Article]]:
    return list(
        db.exec(
            select(ProductionOrder, Article)
            .join(Article, Article.id == ProductionOrder.article_id)
            .where(ProductionOrder.customer_id == customer_id)
            .order_by(ProductionOrder.due_date)
        ).all()
    )
