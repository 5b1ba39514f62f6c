"""Approving a month's hours: after approval its attendance is locked for good."""

from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.money.models import HoursApproval


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def is_approved(db: Session, month: date) -> bool:
    return db.exec(select(HoursApproval.id).where(HoursApproval.month == month)).first() is not None


def approval_of(db: Session, month: date) -> HoursApproval | None:
    return db.exec(select(HoursApproval).where(HoursApproval.month == month)).first()


class ApprovalRefused(Exception):
    pass


def approve(db: Session, month: date, user_id: int, today: date) -> HoursApproval:
    """Lock a month that has ended; approving twice is refused, not doubled."""
    if next_month(month) > today:
        raise ApprovalRefused("not_ended")
    if is_approved(db, month):
        raise ApprovalRefused("already")
    approval = HoursApproval(month=month, approved_by=user_id)
    db.add(approval)
    try:
        db.flush()
    except IntegrityError as error:
        db.rollback()
        raise ApprovalRefused("already") from error
    return approval
