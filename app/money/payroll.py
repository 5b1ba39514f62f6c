"""The payroll of an approved month: one line per person, for their kind of pay.

A rate per hour pays each attended minute at the rate in force that day; per day, each day
with attendance; per month, the rate in force on the first attended day. Corrections add
or take away hours (and their pay at an hourly rate); they change no day counts. The
amount is rounded once per line, half-up to the cent. Kinds without a rate (SW hours are
usually paid by the SW company) carry hours and no amount.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from app.models import Participant
from app.money.amounts import cents, hours
from app.money.hours import month_end, worked
from app.money.models import HoursCorrection, PayProfile
from app.money.rates import RateBook, rate_book
from app.money.vocab import PAY_KIND_OF_GROUP


@dataclass
class PayLine:
    participant: Participant
    kind: str
    minutes: int = 0
    days: set[date] = field(default_factory=set)
    exact: Decimal = Decimal(0)
    rated: bool = False

    @property
    def hours(self) -> Decimal:
        return hours(self.minutes)

    @property
    def amount(self) -> Decimal | None:
        return cents(self.exact) if self.rated else None


def pay_kinds(db: Session, people: list[Participant]) -> dict[int, str]:
    """Each participant's kind of pay: their own profile, else their target group's."""
    profiles = {
        p.participant_id: p.kind
        for p in db.exec(
            select(PayProfile).where(PayProfile.participant_id.in_([p.id for p in people]))
        )
    }
    kinds = {}
    for person in people:
        kind = profiles.get(person.id) or PAY_KIND_OF_GROUP.get(person.target_group, "none")
        if kind != "none":
            kinds[person.id] = kind
    return kinds


def payroll(db: Session, month: date, book: RateBook | None = None) -> list[PayLine]:
    book = book or rate_book(db)
    items = worked(db, month, month_end(month))
    corrections = list(
        db.exec(select(HoursCorrection).where(HoursCorrection.booked_month == month))
    )
    ids = {i.participant_id for i in items} | {c.participant_id for c in corrections}
    people = list(db.exec(select(Participant).where(Participant.id.in_(ids))))
    kinds = pay_kinds(db, people)
    lines = {p.id: PayLine(p, kinds[p.id]) for p in people if p.id in kinds}
    per_day_minutes: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for item in items:
        if item.participant_id in lines:
            per_day_minutes[item.participant_id][item.day] += item.minutes
    for correction in corrections:
        if correction.participant_id in lines:
            line = lines[correction.participant_id]
            line.minutes += correction.minutes
            rate = book.on(line.kind, correction.day)
            if rate and rate.unit == "hour":
                line.exact += Decimal(correction.minutes) / 60 * rate.amount
                line.rated = True
    for pid, days in per_day_minutes.items():
        _pay_days(lines[pid], days, book)
    return sorted(
        lines.values(), key=lambda line: (line.participant.last_name, line.participant.first_name)
    )


def _pay_days(line: PayLine, days: dict[date, int], book: RateBook) -> None:
    line.days = set(days)
    line.minutes += sum(days.values())
    first = min(days)
    monthly = book.on(line.kind, first)
    if monthly and monthly.unit == "month":
        line.exact += monthly.amount
        line.rated = True
        return
    for day, minutes in days.items():
        rate = book.on(line.kind, day)
        if rate is None:
            continue
        line.rated = True
        if rate.unit == "hour":
            line.exact += Decimal(minutes) / 60 * rate.amount
        elif rate.unit == "day":
            line.exact += rate.amount
