"""How far each order is, when it will be done at the recent pace, and whether that is late.

The forecast uses only the last two weeks of output: an order that started slowly but now
runs at full speed should not look late because of its first days, and an order whose
crew was moved elsewhere should show that at once.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from app import clock
from app.models import ProductionOrder
from app.orders.labour import ACTIVE_STATUSES, person_dayparts, working_days
from app.orders.production import Totals, recent_output, totals_by_order
from inventory.models import Article

RATE_WINDOW_DAYS = 14
# Without recent output, an order due within this many working days is flagged.
UNSTARTED_HORIZON = 5


@dataclass(frozen=True)
class OrderProgress:
    order: ProductionOrder
    article: Article
    made: int
    rejected: int
    remaining: int
    rate_per_day: float | None
    forecast: date | None
    risk: str | None
    person_dayparts: int

    @property
    def percent(self) -> int:
        """Whole percent done, never shown as 100 before the last unit is made."""
        if self.remaining == 0:
            return 100
        return min(99, math.floor(100 * self.made / self.order.quantity))


def add_working_days(start: date, count: int) -> date:
    """The working day that is `count` working days after `start`."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def daily_rate(output: Sequence[tuple[date, int]]) -> float | None:
    """Good units per working day from the first to the last reported day.

    Working days in between without a report count as days without output, so a pace
    built on one good day in two weeks is not mistaken for a steady one.
    """
    if not output:
        return None
    days = working_days(output[0][0], output[-1][0]) or 1
    made = sum(units for _day, units in output)
    return made / days if made > 0 else None


def risk_of(
    order: ProductionOrder, remaining: int, forecast: date | None, today: date
) -> str | None:
    """`overdue`, `forecast_late`, `no_recent_output` or None when on track."""
    if order.status not in ACTIVE_STATUSES or remaining == 0:
        return None
    if order.due_date < today:
        return "overdue"
    if forecast is not None:
        return "forecast_late" if forecast > order.due_date else None
    if working_days(today, order.due_date) <= UNSTARTED_HORIZON:
        return "no_recent_output"
    return None


def progress_of(
    session: Session,
    rows: Sequence[tuple[ProductionOrder, Article]],
    today: date | None = None,
) -> list[OrderProgress]:
    """Progress of many orders with two queries, for lists as long as the order book."""
    today = today or clock.today()
    ids = [order.id for order, _article in rows]
    totals = totals_by_order(session, ids)
    output = recent_output(session, ids, today - timedelta(days=RATE_WINDOW_DAYS))
    result = []
    for order, article in rows:
        total = totals.get(order.id, Totals())
        remaining = max(order.quantity - total.made, 0)
        rate = daily_rate(output.get(order.id, []))
        forecast = None
        if remaining and rate and order.status in ACTIVE_STATUSES:
            forecast = add_working_days(today, math.ceil(remaining / rate))
        result.append(
            OrderProgress(
                order=order,
                article=article,
                made=total.made,
                rejected=total.rejected,
                remaining=remaining,
                rate_per_day=rate,
                forecast=forecast,
                risk=risk_of(order, remaining, forecast, today),
                person_dayparts=person_dayparts(remaining, article.norm_units_per_hour)
                if order.status in ACTIVE_STATUSES
                else 0,
            )
        )
    return result
