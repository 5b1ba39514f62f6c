"""How much labour the customer orders need, in the roster's unit: person-dayparts.

A week's demand is a property of the week, not of the day it is looked at: an order's
units still to make when the week starts (its quantity less the good units registered
before that Monday), divided by its article's norm (units per person per hour) and the
productive hours of a daypart, give the person-dayparts it needs. That need is spread
evenly over the working days from the week's Monday to the due date, so the week gets the
share of those days it holds; the roster raises a department's minimum staffing to cover
it. See docs/labour-demand.md.
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from app.models import Department, ProductionOrder
from app.orders.production import Totals, totals_by_order
from inventory.models import Article

HOURS_PER_DAYPART = 3.5
DAYPARTS_PER_DAY = 2
ACTIVE_STATUSES = ("received", "planned", "in_production")


@dataclass(frozen=True)
class OrderNeed:
    order: ProductionOrder
    department_code: str
    person_dayparts: int
    in_week: float


def person_dayparts(units: int, norm_units_per_hour: float) -> int:
    if units <= 0:
        return 0
    return math.ceil(units / (norm_units_per_hour * HOURS_PER_DAYPART))


def working_days(start: date, end: date) -> int:
    """Weekdays from start to end, both included."""
    days = (end - start).days + 1
    if days <= 0:
        return 0
    full_weeks, rest = divmod(days, 7)
    extra = sum(1 for offset in range(rest) if (start + timedelta(days=offset)).weekday() < 5)
    return full_weeks * 5 + extra


def order_needs(session: Session, monday: date) -> list[OrderNeed]:
    """Each open order's need, and the part of it that falls in the week of `monday`."""
    friday = monday + timedelta(days=4)
    rows = session.exec(
        select(ProductionOrder, Article, Department)
        .join(Article, Article.id == ProductionOrder.article_id)
        .join(Department, Department.id == ProductionOrder.department_id)
        .where(ProductionOrder.status.in_(ACTIVE_STATUSES), ProductionOrder.due_date >= monday)
    ).all()
    made = totals_by_order(
        session, [order.id for order, _article, _department in rows], before=monday
    )
    needs = []
    for order, article, department in rows:
        remaining = _remaining(order, made.get(order.id, Totals()))
        need = person_dayparts(remaining, article.norm_units_per_hour)
        window = working_days(monday, order.due_date)
        in_week = working_days(monday, min(order.due_date, friday))
        share = need * in_week / window if window else 0.0
        needs.append(OrderNeed(order, department.code, need, share))
    return needs


def weekly_demand(session: Session, monday: date) -> dict[str, int]:
    """Person-dayparts per department code that the open orders need in this week."""
    demand: dict[str, float] = defaultdict(float)
    for need in order_needs(session, monday):
        demand[need.department_code] += need.in_week
    return {code: math.ceil(value) for code, value in demand.items()}


def remaining_units(session: Session, order: ProductionOrder) -> int:
    return _remaining(order, totals_by_order(session, [order.id]).get(order.id, Totals()))


def _remaining(order: ProductionOrder, totals: Totals) -> int:
    """Units still to make: good units reported lower the need, rejects do not."""
    return max(order.quantity - totals.made, 0)
