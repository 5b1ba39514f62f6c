"""The monthly invoice run per referrer: what each trajectory costs in a month.

Only the days of the month inside a trajectory's period are billed, never a day before its
start or after its end: per month, the tariff times the share of the month's days inside
the period (three decimals); per day present, each attended day inside the period; per
trajectory, the whole tariff once, in the month the trajectory starts. A trajectory-month
already on an invoice (and not credited) is skipped.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, select

from app.coaching.models import Attendance
from app.models import Participant
from app.money.amounts import cents
from app.money.hours import month_end
from app.money.invoices import Draft, DraftLine
from app.money.models import TrajectoryBilled, TrajectoryBilling

# Re-integration trajectories are billed with VAT at the standard rate.
REFERRER_VAT = Decimal("21.00")
SHARE = Decimal("0.001")


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def billable_period(trajectory: TrajectoryBilling, month: date) -> Period | None:
    """The part of the month inside the trajectory, or None when they do not meet."""
    start, end = max(trajectory.start_date, month), min(trajectory.end_date, month_end(month))
    return Period(start, end) if start <= end else None


def _days_present(db: Session, ids: list[int], month: date) -> dict[int, set[date]]:
    days: dict[int, set[date]] = defaultdict(set)
    rows = db.exec(
        select(Attendance.participant_id, Attendance.day).where(
            Attendance.participant_id.in_(ids),
            Attendance.day >= month,
            Attendance.day <= month_end(month),
            Attendance.status.in_(("present", "late")),
        )
    )
    for participant_id, day in rows:
        days[participant_id].add(day)
    return days


def referrer_drafts(db: Session, month: date) -> list[Draft]:
    """One draft invoice per referrer with anything to bill this month."""
    trajectories = db.exec(
        select(TrajectoryBilling).where(
            TrajectoryBilling.start_date <= month_end(month), TrajectoryBilling.end_date >= month
        )
    ).all()
    billed = set(
        db.exec(select(TrajectoryBilled.trajectory_id).where(TrajectoryBilled.month == month))
    )
    todo = [t for t in trajectories if t.id not in billed]
    people = {
        p.id: p
        for p in db.exec(
            select(Participant).where(Participant.id.in_([t.participant_id for t in todo]))
        )
    }
    present = _days_present(db, [t.participant_id for t in todo], month)
    drafts: dict[str, Draft] = {}
    for trajectory in sorted(todo, key=lambda t: (t.referrer, people[t.participant_id].last_name)):
        line = _line(trajectory, people[trajectory.participant_id], month, present)
        if line is None:
            continue
        draft = drafts.setdefault(
            trajectory.referrer,
            Draft("referrer", month, month_end(month), referrer=trajectory.referrer),
        )
        draft.lines.append(line)
    return list(drafts.values())


def _line(
    trajectory: TrajectoryBilling,
    participant: Participant,
    month: date,
    present: dict[int, set[date]],
) -> DraftLine | None:
    period = billable_period(trajectory, month)
    if period is None:
        return None
    tariff = Decimal(trajectory.tariff)
    if trajectory.tariff_kind == "month":
        whole = Period(month, month_end(month)).days
        quantity = (Decimal(period.days) / whole).quantize(SHARE, rounding=ROUND_HALF_UP)
        net = cents(tariff * period.days / whole)
        what = "maand"
    elif trajectory.tariff_kind == "day_present":
        days = [d for d in present.get(participant.id, ()) if period.start <= d <= period.end]
        if not days:
            return None
        quantity, net, what = Decimal(len(days)), cents(tariff * len(days)), "dagen aanwezig"
    else:
        if not month <= trajectory.start_date <= month_end(month):
            return None
        quantity, net, what = Decimal(1), cents(tariff), "traject"
    return DraftLine(
        description=f"{participant.full_name} ({participant.code}), {what}",
        quantity=quantity,
        unit_price=tariff,
        vat_rate=REFERRER_VAT,
        participant_id=participant.id,
        decision_number=trajectory.decision_number,
        billed_from=period.start,
        billed_to=period.end,
        trajectory_id=trajectory.id,
        net_override=net,
    )
