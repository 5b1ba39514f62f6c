"""Community service (taakstraf): hours imposed, hours done from attendance, what remains.

An order is at risk when the hours left exceed what the participant's contracted dayparts
can still hold before the deadline (3.5 hours a daypart), or when the deadline has passed.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlmodel import Session, select

from app.models import Participant
from app.money.amounts import hours
from app.money.hours import worked
from app.money.models import CommunityService

DAYPART_MINUTES = 210


@dataclass
class ServiceStatus:
    order: CommunityService
    participant: Participant
    minutes_done: int
    today: date

    @property
    def hours_done(self) -> Decimal:
        return hours(self.minutes_done)

    @property
    def minutes_left(self) -> int:
        return max(0, self.order.hours_imposed * 60 - self.minutes_done)

    @property
    def hours_left(self) -> Decimal:
        return hours(self.minutes_left)

    @property
    def completed(self) -> bool:
        return self.minutes_left == 0

    @property
    def overdue(self) -> bool:
        return not self.completed and self.today > self.order.deadline

    @property
    def at_risk(self) -> bool:
        if self.completed:
            return False
        if self.overdue:
            return True
        return self.minutes_left > capacity_minutes(
            self.participant, self.today, self.order.deadline
        )


def capacity_minutes(participant: Participant, today: date, deadline: date) -> int:
    """What the contracted dayparts still hold from tomorrow to the deadline."""
    workdays = sum(
        1
        for n in range(1, (deadline - today).days + 1)
        if (today + timedelta(days=n)).weekday() < 5
    )
    return workdays * participant.dayparts_per_week * DAYPART_MINUTES // 5


def statuses(db: Session, today: date, people: set[int] | None = None) -> list[ServiceStatus]:
    query = select(CommunityService, Participant).join(Participant)
    if people is not None:
        query = query.where(CommunityService.participant_id.in_(people))
    rows = db.exec(query).all()
    result = []
    for order, participant in rows:
        done = sum(item.minutes for item in worked(db, order.start_date, today, {participant.id}))
        result.append(ServiceStatus(order, participant, done, today))
    return sorted(result, key=lambda s: (not s.at_risk, s.order.deadline))
