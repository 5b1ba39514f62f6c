"""The week's problem is built from the database without loss, and follows it at once."""

from datetime import date, timedelta

from sqlmodel import select

import scheduler
from app.models import (
    Absence,
    Certificate,
    Department,
    Participant,
    ProductionOrder,
    SkillLevel,
)
from app.roster.problem import build_problem
from app.roster.weeks import shift
from tests import dates
from tests.roster.conftest import WEEK

MONDAY = dates.demo_day(date(2026, 11, 30))


def _participant(problem: dict, code: str) -> dict:
    return next(p for p in problem["participants"] if p["id"] == code)


def _department(problem: dict, code: str) -> dict:
    return next(d for d in problem["departments"] if d["id"] == code)


def test_demo_week_is_a_valid_problem(db):
    problem = build_problem(db, WEEK)
    parsed = scheduler.parse_problem(problem)
    assert {d.id for d in parsed.departments} == {
        "packaging",
        "warehouse",
        "green",
        "cleaning",
        "reception",
        "shop",
    }
    assert 0 < len(parsed.participants) <= 95
    green = _department(problem, "green")
    assert green["outside"] and green["requires"] == ["vca"]
    assert {"day": "fri", "daypart": "pm", "min": 0, "max": 0} in green["overrides"]


def test_raised_skill_appears_in_the_next_problem(db):
    code = build_problem(db, WEEK)["participants"][0]["id"]
    participant = db.exec(select(Participant).where(Participant.code == code)).one()
    shop = db.exec(select(Department).where(Department.code == "shop")).one()
    row = db.exec(
        select(SkillLevel).where(
            SkillLevel.participant_id == participant.id, SkillLevel.department_id == shop.id
        )
    ).first() or SkillLevel(participant_id=participant.id, department_id=shop.id)
    row.level = 3
    db.add(row)
    db.commit()
    assert _participant(build_problem(db, WEEK), code)["skills"]["shop"] == 3


def test_absence_removes_dayparts_of_that_week_only(db):
    problem = build_problem(db, WEEK)
    person = next(
        p
        for p in problem["participants"]
        if ["tue", "am"] in p["available"] and ["wed", "pm"] in p["available"]
    )
    participant = db.exec(select(Participant).where(Participant.code == person["id"])).one()
    db.add(
        Absence(
            participant_id=participant.id,
            start_date=dates.demo_day(date(2026, 12, 1)),
            end_date=dates.demo_day(date(2026, 12, 1)),
            kind="sick",
        )
    )
    db.add(
        Absence(
            participant_id=participant.id,
            start_date=dates.demo_day(date(2026, 12, 2)),
            end_date=dates.demo_day(date(2026, 12, 2)),
            daypart="pm",
            kind="appointment",
        )
    )
    db.commit()
    after = _participant(build_problem(db, WEEK), person["id"])["available"]
    assert ["tue", "am"] not in after and ["tue", "pm"] not in after
    assert ["wed", "pm"] not in after
    next_week = _participant(build_problem(db, shift(WEEK, 1)), person["id"])["available"]
    assert ["tue", "am"] in next_week


def test_expired_certificate_is_excluded(db):
    problem = build_problem(db, WEEK)
    person = next(p for p in problem["participants"] if "vca" in p["certificates"])
    participant = db.exec(select(Participant).where(Participant.code == person["id"])).one()
    vca = db.exec(
        select(Certificate).where(
            Certificate.participant_id == participant.id, Certificate.kind == "vca"
        )
    ).first()
    vca.expires_on = MONDAY - timedelta(days=1)
    db.add(vca)
    db.commit()
    assert "vca" not in _participant(build_problem(db, WEEK), person["id"])["certificates"]


def test_order_demand_raises_minimum_staffing(db):
    before = _department(build_problem(db, WEEK), "shop")
    shop = db.exec(select(Department).where(Department.code == "shop")).one()
    order = db.exec(select(ProductionOrder).where(ProductionOrder.department_id == shop.id)).first()
    assert order is not None
    order.quantity = 10_000_000
    order.due_date = dates.demo_day(date(2026, 12, 4))
    order.status = "planned"
    db.add(order)
    db.commit()
    after = _department(build_problem(db, WEEK), "shop")
    assert after["staffing"]["min"] == after["staffing"]["max"] == before["staffing"]["max"]
    assert after["staffing"]["min"] > before["staffing"]["min"]


def test_inactive_and_finished_trajectories_are_left_out(db):
    codes = [p["id"] for p in build_problem(db, WEEK)["participants"][:2]]
    first, second = (db.exec(select(Participant).where(Participant.code == c)).one() for c in codes)
    first.active = False
    second.expected_end_date = dates.demo_day(date(2026, 11, 27))
    second.start_date = min(second.start_date, date(2000, 1, 1))
    db.add_all([first, second])
    db.commit()
    left = {p["id"] for p in build_problem(db, WEEK)["participants"]}
    assert not left & set(codes)
