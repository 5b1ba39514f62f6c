"""How much labour the customer orders need, in the roster's unit: person-dayparts.

An order's remaining units, divided by its article's norm (units per person per hour) and
the productive hours of a daypart, give the person-dayparts it still needs. That need is
spread evenly over the working days left until the due date, so a week gets the share of
the days it holds; the roster raises a department's minimum staffing to cover it.
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


def order_needs(session: Session, monday: date, today: date | None = None) -> list[OrderNeed]:
    """Each open order's need, and the part of it that falls in the week of `monday`."""
    today = today or date.today()
    friday = monday + timedelta(days=4)
    rows = session.exec(
        select(ProductionOrder, Article, Department)
        .join(Article, Article.id == ProductionOrder.article_id)
        .join(Department, Department.id == ProductionOrder.department_id)
        .where(ProductionOrder.status.in_(ACTIVE_STATUSES), ProductionOrder.due_date >= monday)
    ).all()
    made = totals_by_order(session, [order.id for order, _article, _department in rows])
    needs = []
    for order, article, department in rows:
        remaining = _remaining(order, made.get(order.id, Totals()))
        need = person_dayparts(remaining, article.norm_units_per_hour)
        start = max(today, monday) if today <= friday else monday
        window = working_days(start, order.due_date)
        in_week = working_days(start, min(order.due_date, friday))
        share = need * in_week / window if window else 0.0
        needs.append(OrderNeed(order, department.code, need, share))
    return needs


def weekly_demand(session: Session, monday: date, today: date | None = None) -> dict[str, int]:
    """Person-dayparts per department code that the open orders need in this week."""
    demand: dict[str, float] = defaultdict(float)
    for need in order_needs(session, monday, today):
        demand[need.department_code] += need.in_week
    return {code: math.ceil(value) for code, value in demand.items()}


def remaining_units(session: Session, order: ProductionOrder) -> int:
    return _remaining(order, totals_by_order(session, [order.id]).get(order.id, Totals()))


def _remaining(order: ProductionOrder, totals: Totals) -> int:
    """Units still to make: good units reported lower the need, rejects do not."""
    return max(order.quantity - totals.made, 0)
