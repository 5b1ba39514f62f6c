"""Arranging attendance, rates and trajectories for the money tests."""

from datetime import date, time
from decimal import Decimal

from sqlmodel import select

from app.coaching.models import Attendance
from app.models import Department, Participant
from app.money.models import PayRate, TrajectoryBilling

NOVEMBER = date(2026, 11, 1)


def department(db, code: str = "packaging") -> Department:
    return db.exec(select(Department).where(Department.code == code)).one()


def of_group(db, group: str, count: int = 1) -> list[Participant]:
    people = db.exec(
        select(Participant).where(Participant.target_group == group).order_by(Participant.id)
    ).all()
    assert len(people) >= count, f"demo has fewer than {count} of {group}"
    return list(people[:count])


def attend(
    db,
    participant: Participant,
    day: date,
    start=time(8, 30),
    end=time(12, 0),
    status: str = "present",
    daypart: str = "am",
    code: str = "packaging",
) -> None:
    db.add(
        Attendance(
            participant_id=participant.id,
            department_id=department(db, code).id,
            day=day,
            daypart=daypart,
            status=status,
            start_time=start if status != "absent" else None,
            end_time=end if status != "absent" else None,
            reason="ziek" if status == "absent" else "",
        )
    )
    db.commit()


def rate(db, kind: str, amount: str, valid_from: date, unit: str = "hour") -> None:
    db.add(PayRate(kind=kind, unit=unit, amount=Decimal(amount), valid_from=valid_from))
    db.commit()


def trajectory(db, participant, kind, tariff, start, end, referrer="Gemeente Rotterdam"):
    row = TrajectoryBilling(
        participant_id=participant.id,
        referrer=referrer,
        decision_number=f"B-{participant.id}",
        tariff_kind=kind,
        tariff=Decimal(tariff),
        start_date=start,
        end_date=end,
    )
    db.add(row)
    db.commit()
    return row
