"""The operations dashboard: occupancy, hours, revenue and billable trajectories per month.

Occupancy is attended dayparts against capacity: each department's maximum staffing on
every workday's two dayparts.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlmodel import Session, func, select

from app.models import Department, Participant
from app.money.amounts import ZERO, hours
from app.money.approval import month_start, next_month
from app.money.hours import month_end, worked
from app.money.models import Invoice, TrajectoryBilling
from app.vocab import DAYPARTS, ROSTER_GROUP_OF
from inventory.models import Customer


@dataclass
class MonthFigures:
    month: date
    hours: Decimal
    occupancy: int  # percent
    revenue: Decimal
    trajectories: int


@dataclass
class Dashboard:
    months: list[MonthFigures]
    departments: list[tuple[str, int, int]]  # name, attended dayparts, capacity
    groups: list[tuple[str, int]]  # roster group, attended dayparts
    customers: list[tuple[str, Decimal]]  # revenue this year, largest first


def workdays(month: date) -> int:
    end = month_end(month)
    return sum(
        1 for n in range((end - month).days + 1) if (month + timedelta(days=n)).weekday() < 5
    )


def dashboard(db: Session, today: date) -> Dashboard:
    current = month_start(today)
    months = [current]
    for _ in range(11):
        months.insert(0, month_start(months[0] - timedelta(days=1)))
    items = worked(db, months[0], month_end(current))
    departments = db.exec(select(Department).order_by(Department.sort_order)).all()
    capacity_per_day = sum(d.staffing_max for d in departments) * len(DAYPARTS)
    minutes, dayparts = Counter(), Counter()
    for item in items:
        minutes[month_start(item.day)] += item.minutes
        dayparts[month_start(item.day)] += 1
    revenue = defaultdict(lambda: ZERO)
    for period, net in db.exec(
        select(Invoice.period_start, Invoice.net).where(Invoice.period_start >= months[0])
    ):
        revenue[month_start(period)] += net
    trajectories = db.exec(select(TrajectoryBilling.start_date, TrajectoryBilling.end_date)).all()
    figures = [
        MonthFigures(
            month,
            hours(minutes[month]),
            round(100 * dayparts[month] / (capacity_per_day * workdays(month) or 1)),
            revenue[month],
            sum(1 for start, end in trajectories if start < next_month(month) and end >= month),
        )
        for month in months
    ]
    this_month = [i for i in items if i.day >= current]
    per_department = Counter(i.department_id for i in this_month)
    groups_of = dict(
        db.exec(
            select(Participant.id, Participant.target_group).where(
                Participant.id.in_({i.participant_id for i in this_month})
            )
        ).all()
    )
    per_group = Counter(ROSTER_GROUP_OF[groups_of[i.participant_id]] for i in this_month)
    year_start = date(today.year, 1, 1)
    customers = db.exec(
        select(Customer.name, func.sum(Invoice.net))
        .join(Invoice, Invoice.customer_id == Customer.id)
        .where(Invoice.period_start >= year_start)
        .group_by(Customer.name)
    ).all()
    return Dashboard(
        figures,
        [
            (d.name, per_department[d.id], d.staffing_max * len(DAYPARTS) * workdays(current))
            for d in departments
        ],
        sorted(per_group.items(), key=lambda item: -item[1]),
        sorted(((name, Decimal(total)) for name, total in customers), key=lambda c: -c[1]),
    )


def bars(values: list[Decimal | int], height: int = 80) -> list[tuple[int, int]]:
    """(y, bar height) of each value on a chart `height` high; negatives show as nothing."""
    top = max([v for v in values if v > 0], default=0)
    result = []
    for value in values:
        size = int(height * value / top) if top and value > 0 else 0
        result.append((height - size, size))
    return result
