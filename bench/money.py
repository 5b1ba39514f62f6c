"""Month-end benchmark: a month's payroll and invoices for 100 participants and 5 customers.

Builds a SQLite file in a temporary folder: 100 participants of every target group who
each attend about 35 dayparts in November, pay rates of every kind, a billed trajectory
for each of 80 of them at the three tariff kinds (four referrers), 5 customers with 10
articles each, 1,000 pallets over the month and 200 shipments. Then times, on a fresh
database each round, the payroll of the approved month and both invoice runs.
Target: under 2 s together.

Run from the repository root: ``python -m bench.money``.
"""

import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session

import app.tables  # noqa: F401  (registers every table)
from app import clock  # noqa: F401  (hands the warehouse tables their clock)
from app.coaching.models import Attendance
from app.db import create_all, make_engine
from app.models import Department, Participant
from app.money.models import (
    ArticlePrice,
    HoursApproval,
    PayRate,
    StorageRate,
    TrajectoryBilling,
)
from app.money.payroll import payroll
from app.money.runs import run_month
from app.vocab import TARGET_GROUPS
from inventory.models import Article, Customer, Pallet, Shipment, ShipmentLine

MONTH = date(2026, 11, 1)
TODAY = date(2026, 12, 2)
PARTICIPANTS = 100
CUSTOMERS = 5
ROUNDS = 5
TARGET_S = 2.0


def _workdays() -> list[date]:
    days = [MONTH + timedelta(days=n) for n in range(30)]
    return [d for d in days if d.weekday() < 5]


def build(db: Session, rng: random.Random) -> None:
    db.execute(
        insert(Department),
        [
            {
                "id": n,
                "code": f"afd{n}",
                "name": f"Afdeling {n}",
                "staffing_min": 0,
                "staffing_max": 30,
                "max_detainees": 10,
                "sort_order": n,
                "outside": False,
            }
            for n in range(1, 6)
        ],
    )
    db.execute(
        insert(Participant),
        [
            {
                "id": n,
                "code": f"p{n:03d}",
                "first_name": "Deelnemer",
                "last_name": f"{n:03d}",
                "target_group": TARGET_GROUPS[n % len(TARGET_GROUPS)],
                "referrer_organisation": "",
                "start_date": date(2026, 1, 1),
                "dayparts_per_week": 8,
                "active": True,
                "created_at": datetime(2026, 1, 1, tzinfo=UTC),
            }
            for n in range(1, PARTICIPANTS + 1)
        ],
    )
    attendance = []
    for pid in range(1, PARTICIPANTS + 1):
        for day in _workdays():
            for part, start, end in (("am", (8, 30), (12, 0)), ("pm", (12, 30), (16, 0))):
                if rng.random() < 0.8:
                    attendance.append(
                        {
                            "participant_id": pid,
                            "department_id": 1 + pid % 5,
                            "day": day,
                            "daypart": part,
                            "status": rng.choice(("present",) * 9 + ("late",)),
                            "reason": "",
                            "start_time": clock_time(*start),
                            "end_time": clock_time(*end),
                            "walk_in": False,
                        }
                    )
    db.execute(insert(Attendance), attendance)
    db.execute(
        insert(PayRate),
        [
            {
                "kind": "labour_pay",
                "unit": "hour",
                "amount": Decimal("3.25"),
                "valid_from": date(2026, 1, 1),
            },
            {
                "kind": "labour_pay",
                "unit": "hour",
                "amount": Decimal("3.40"),
                "valid_from": date(2026, 11, 16),
            },
            {
                "kind": "participation_allowance",
                "unit": "day",
                "amount": Decimal("2.50"),
                "valid_from": date(2026, 1, 1),
            },
            {
                "kind": "sw_hours",
                "unit": "hour",
                "amount": Decimal("0"),
                "valid_from": date(2026, 1, 1),
            },
        ],
    )
    db.execute(
        insert(TrajectoryBilling),
        [
            {
                "participant_id": pid,
                "referrer": f"Gemeente {pid % 4}",
                "decision_number": f"B-{pid}",
                "tariff_kind": ("month", "day_present", "trajectory")[pid % 3],
                "tariff": Decimal("1234.56") if pid % 3 != 1 else Decimal("61.73"),
                "start_date": date(2026, 11, 1 + pid % 20),
                "end_date": date(2027, 6, 30),
            }
            for pid in range(1, 81)
        ],
    )
    db.add(HoursApproval(month=MONTH))
    db.add(
        StorageRate(
            price_per_pallet_day=Decimal("0.4500"),
            vat_rate=Decimal("21"),
            valid_from=date(2026, 1, 1),
        )
    )
    db.execute(insert(Customer), [{"id": c, "name": f"Klant {c}"} for c in range(1, CUSTOMERS + 1)])
    articles = [(c, a) for c in range(1, CUSTOMERS + 1) for a in range(10)]
    db.execute(
        insert(Article),
        [
            {
                "id": i + 1,
                "customer_id": c,
                "code": f"A{c}-{a}",
                "name": "Doos",
                "units_per_pallet": 100,
                "norm_units_per_hour": 60.0,
            }
            for i, (c, a) in enumerate(articles)
        ],
    )
    db.execute(
        insert(ArticlePrice),
        [
            {
                "article_id": i + 1,
                "unit_price": Decimal("0.1234"),
                "vat_rate": Decimal("21"),
                "valid_from": date(2026, 1, 1),
            }
            for i in range(len(articles))
        ],
    )
    pallets, shipments, lines = [], [], []
    for n in range(1, 1001):
        article = rng.randrange(len(articles))
        received = datetime(2026, 10, 1, 8, tzinfo=UTC) + timedelta(hours=rng.randrange(24 * 55))
        shipped = received + timedelta(days=rng.randrange(1, 40)) if n % 2 else None
        pallets.append(
            {
                "id": n,
                "label": f"P{n:06d}",
                "customer_id": articles[article][0],
                "article_id": article + 1,
                "units": 0 if shipped else 100,
                "status": "shipped" if shipped else "received",
                "location_id": None,
                "received_at": received,
                "shipped_at": shipped,
            }
        )
    db.execute(insert(Pallet), pallets)
    for n in range(1, 201):
        pallet = pallets[2 * n - 2]
        shipments.append(
            {
                "id": n,
                "number": f"Z{n}",
                "customer_id": pallet["customer_id"],
                "created_at": pallet["shipped_at"],
                "shipped_at": pallet["shipped_at"],
            }
        )
        lines.append(
            {
                "shipment_id": n,
                "article_id": pallet["article_id"],
                "pallet_id": pallet["id"],
                "whole_pallet": True,
                "units": 100,
            }
        )
    db.execute(insert(Shipment), shipments)
    db.execute(insert(ShipmentLine), lines)
    db.commit()


def month_end(db: Session) -> tuple[float, int, int]:
    started = time.perf_counter()
    lines = payroll(db, MONTH)
    invoices = run_month(db, MONTH, "referrer", None, TODAY).invoices
    invoices += run_month(db, MONTH, "customer", None, TODAY).invoices
    return time.perf_counter() - started, len(lines), len(invoices)


def main() -> None:
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(ROUNDS):
            engine = make_engine(f"sqlite:///{Path(folder) / f'money{round_}.db'}")
            create_all(engine)
            with Session(engine, expire_on_commit=False) as db:
                build(db, random.Random(round_))
                seconds, people, invoices = month_end(db)
            engine.dispose()
            timings.append(seconds)
            print(
                f"round {round_ + 1}: {seconds:.3f} s ({people} payroll lines, {invoices} invoices)"
            )
    print(
        f"month end for {PARTICIPANTS} participants and {CUSTOMERS} customers: "
        f"median {statistics.median(timings):.3f} s, worst {max(timings):.3f} s "
        f"(target < {TARGET_S} s: {'met' if max(timings) < TARGET_S else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
