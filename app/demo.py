"""Loading the demo workshop of `data/demo.json` into an empty database.

The file is written around its `reference_date` (a Monday); loading moves every date in it
by whole weeks into the current week, so the demo looks the same on any day: the same
orders due the same weekday, the same certificates about to expire, the same absences.
"""

import json
import re
from datetime import date, timedelta
from pathlib import Path

from sqlmodel import Session, select

from app import clock
from app.auth.users import create_user
from app.config import ROOT
from app.models import (
    Absence,
    Availability,
    AvoidPair,
    Certificate,
    CoachAssignment,
    Department,
    DepartmentCertificate,
    DepartmentMix,
    DepartmentWish,
    OrderStatusChange,
    Participant,
    ProductionOrder,
    SkillLevel,
    StaffingOverride,
    User,
)
from data.generator import DEMO_PASSWORD
from inventory.layout import create_locations
from inventory.models import Article, Customer
from inventory.putaway import put_away
from inventory.receiving import receive_pallets

DEMO_FILE = ROOT / "data" / "demo.json"


class AlreadySeeded(Exception):
    """The database holds data already; the demo is only ever loaded into an empty one."""


def demo_logins(path: Path = DEMO_FILE) -> list[tuple[str, str]]:
    """The (e-mail, role) of every demo account, to print for whoever starts the demo."""
    return [(user["email"], user["role"]) for user in _read(path)["users"]]


def load_demo(session: Session, path: Path = DEMO_FILE) -> None:
    if session.exec(select(User)).first() is not None:
        raise AlreadySeeded()
    data = in_week(_read(path), clock.this_monday())
    departments = _departments(session, data["departments"])
    participants = _participants(session, data["participants"], departments)
    _avoid(session, data["avoid"], participants)
    create_locations(session)
    customers = _customers(session, data["customers"], departments)
    _users(session, data["users"], participants, customers)
    session.commit()


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
ORDER_NUMBER = re.compile(r"ORD-\d{4}-")


def in_week(data: dict, monday: date) -> dict:
    """The demo moved by whole weeks so its reference Monday is `monday`: every ISO date
    moves, and order numbers take the year of that week's Monday (numbers are per year)."""
    shift = timedelta(weeks=(monday - date.fromisoformat(data["reference_date"])).days // 7)

    def move(value: object) -> object:
        if isinstance(value, dict):
            return {key: move(item) for key, item in value.items()}
        if isinstance(value, list):
            return [move(item) for item in value]
        if isinstance(value, str) and ISO_DAY.fullmatch(value):
            return (date.fromisoformat(value) + shift).isoformat()
        if isinstance(value, str) and ORDER_NUMBER.match(value):
            return ORDER_NUMBER.sub(f"ORD-{monday.year}-", value, count=1)
        return value

    return move(data)


def _departments(session: Session, rows: list[dict]) -> dict[str, Department]:
    departments = {}
    for row in rows:
        department = Department(
            code=row["code"],
            name=row["name"],
            outside=row["outside"],
            staffing_min=row["min"],
            staffing_max=row["max"],
            max_detainees=row["max_detainees"],
            sort_order=row["sort"],
        )
        session.add(department)
        session.flush()
        session.add_all(
            DepartmentCertificate(department_id=department.id, kind=k) for k in row["requires"]
        )
        session.add_all(
            DepartmentMix(department_id=department.id, group=g, share=s)
            for g, s in row["mix"].items()
        )
        session.add_all(
            StaffingOverride(
                department_id=department.id,
                day=o["day"],
                daypart=o["daypart"],
                staffing_min=o["min"],
                staffing_max=o["max"],
            )
            for o in row.get("overrides", [])
        )
        departments[row["code"]] = department
    return departments


def _participants(
    session: Session, rows: list[dict], departments: dict[str, Department]
) -> dict[str, Participant]:
    participants = {}
    for row in rows:
        participant = Participant(
            code=row["code"],
            first_name=row["first_name"],
            last_name=row["last_name"],
            target_group=row["target_group"],
            referrer_organisation=row["referrer_organisation"],
            start_date=date.fromisoformat(row["start_date"]),
            expected_end_date=date.fromisoformat(row["expected_end_date"]),
            dayparts_per_week=row["dayparts_per_week"],
            clearance=row["clearance"],
        )
        session.add(participant)
        session.flush()
        pid = participant.id
        session.add_all(
            Availability(participant_id=pid, day=d, daypart=p) for d, p in row["available"]
        )
        session.add_all(
            SkillLevel(participant_id=pid, department_id=departments[code].id, level=level)
            for code, level in row["skills"].items()
        )
        session.add_all(
            Certificate(
                participant_id=pid,
                kind=c["kind"],
                status=c["status"],
                planned_on=_date(c.get("planned_on")),
                obtained_on=_date(c["obtained_on"]),
                expires_on=_date(c["expires_on"]),
            )
            for c in row["certificates"]
        )
        session.add_all(
            DepartmentWish(
                participant_id=pid, department_id=departments[w["department"]].id, kind=w["kind"]
            )
            for w in row["wishes"]
        )
        session.add_all(
            Absence(
                participant_id=pid,
                start_date=date.fromisoformat(a["start_date"]),
                end_date=date.fromisoformat(a["end_date"]),
                kind=a["kind"],
            )
            for a in row["absences"]
        )
        participants[row["code"]] = participant
    return participants


def _avoid(session: Session, rows: list[dict], participants: dict[str, Participant]) -> None:
    for row in rows:
        first, second = sorted((participants[row["first"]].id, participants[row["second"]].id))
        session.add(AvoidPair(first_id=first, second_id=second, reason=row["reason"]))


def _customers(
    session: Session, rows: list[dict], departments: dict[str, Department]
) -> dict[str, Customer]:
    customers = {}
    for row in rows:
        customer = Customer(
            name=row["name"],
            contact_name=row["contact_name"],
            email=row["email"],
            phone=row["phone"],
        )
        session.add(customer)
        session.flush()
        articles = {}
        for a in row["articles"]:
            article = Article(
                customer_id=customer.id,
                code=a["code"],
                name=a["name"],
                units_per_pallet=a["units_per_pallet"],
                norm_units_per_hour=a["norm_units_per_hour"],
            )
            session.add(article)
            articles[a["code"]] = article
        session.flush()
        for a in row["articles"]:
            article = articles[a["code"]]
            pallets = a["pallets_in_stock"]
            received = receive_pallets(
                session,
                customer.id,
                article.id,
                pallets * article.units_per_pallet,
                pallets,
                reference="DEMO",
                user="demo",
            )
            for pallet in received:
                put_away(session, pallet.id, user="demo")
        for o in row["orders"]:
            order = ProductionOrder(
                number=o["number"],
                customer_id=customer.id,
                article_id=articles[o["article"]].id,
                department_id=departments[o["department"]].id,
                quantity=o["quantity"],
                due_date=date.fromisoformat(o["due_date"]),
                status=o["status"],
            )
            session.add(order)
            session.flush()
            session.add(OrderStatusChange(order_id=order.id, status=o["status"]))
        customers[row["name"]] = customer
    return customers


def _users(
    session: Session,
    rows: list[dict],
    participants: dict[str, Participant],
    customers: dict[str, Customer],
) -> None:
    for row in rows:
        customer = customers.get(row.get("customer", ""))
        user = create_user(
            session,
            email=row["email"],
            name=row["name"],
            password=DEMO_PASSWORD,
            role=row["role"],
            customer_id=customer.id if customer else None,
            referrer_organisation=row.get("referrer_organisation"),
        )
        for code in row.get("caseload", []):
            participant = participants[code]
            session.add(
                CoachAssignment(
                    coach_id=user.id,
                    participant_id=participant.id,
                    start_date=participant.start_date,
                )
            )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
