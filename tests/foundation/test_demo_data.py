import json
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
import time_machine
from sqlmodel import Session, func, select

from app import clock
from app.db import make_engine
from app.demo import DEMO_FILE, in_week, load_demo
from app.migrate import upgrade
from app.models import CoachAssignment, Department, Participant, ProductionOrder, User
from app.orders.labour import ACTIVE_STATUSES
from app.roster.problem import build_problem
from app.roster.weeks import week_of
from app.vocab import ROSTER_GROUP_OF
from data.generator import generate
from inventory.models import Customer


def test_committed_demo_set_is_what_the_generator_makes():
    assert json.loads(DEMO_FILE.read_text(encoding="utf-8")) == generate()


def test_generator_is_deterministic_and_seed_dependent():
    assert generate(7) == generate(7)
    assert generate(7)["participants"] != generate(8)["participants"]


def test_demo_has_the_real_shares_of_groups():
    participants = generate()["participants"]
    groups = Counter(ROSTER_GROUP_OF[p["target_group"]] for p in participants)
    total = len(participants)
    assert 85 <= total <= 100
    assert 0.15 <= groups["detainee"] / total <= 0.25
    assert 0.4 <= (groups["participatiewet"] + groups["status_holder"]) / total <= 0.6
    assert 0.25 <= (groups["sw"] + groups["other"]) / total <= 0.35


def test_only_detainees_have_a_clearance():
    for p in generate()["participants"]:
        detained = ROSTER_GROUP_OF[p["target_group"]] == "detainee"
        assert (p["clearance"] is not None) == detained


def test_demo_database_has_every_part_loaded(db):
    def count(model):
        return db.exec(select(func.count()).select_from(model)).one()

    assert count(Participant) == 95
    assert {d.code for d in db.exec(select(Department))} == {
        "packaging",
        "warehouse",
        "green",
        "cleaning",
        "reception",
        "shop",
    }
    assert count(Customer) == 5
    assert count(ProductionOrder) >= 5
    assert {u.role for u in db.exec(select(User))} == {
        "admin",
        "manager",
        "coach",
        "customer",
        "referrer",
    }
    assert count(CoachAssignment) == 95


@pytest.mark.parametrize(
    "moment",
    ["2027-06-14T08:00+02:00", "2026-12-31T16:00+01:00", "2031-02-28T12:00+01:00"],
)
def test_a_demo_seeded_on_any_day_lives_in_that_week(tmp_path, moment):
    """Open orders are due from that day on, and the week can be planned with its demand."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    with time_machine.travel(datetime.fromisoformat(moment), tick=False):
        upgrade(url)
        engine = make_engine(url)
        with Session(engine) as session:
            load_demo(session)
            today, monday = clock.today(), clock.this_monday()
            due = session.exec(
                select(ProductionOrder.due_date).where(
                    ProductionOrder.status.in_(ACTIVE_STATUSES)
                )
            ).all()
            problem = build_problem(session, week_of(today))
            active = session.exec(
                select(func.count())
                .select_from(Participant)
                .where(Participant.start_date <= monday, Participant.expected_end_date >= today)
            ).one()
        engine.dispose()
    assert len(due) >= 5 and min(due) >= today and min(due) <= monday + timedelta(weeks=2)
    assert active >= 80 and len(problem["participants"]) >= 80
    assert any(d["staffing"]["min"] > 0 for d in problem["departments"])


def test_moving_the_demo_keeps_weekdays_and_numbers_orders_per_year():
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    moved = in_week(data, date(2028, 1, 3))
    orders = [o for c in data["customers"] for o in c["orders"]]
    moved_orders = [o for c in moved["customers"] for o in c["orders"]]
    for before, after in zip(orders, moved_orders, strict=True):
        assert date.fromisoformat(before["due_date"]).weekday() == date.fromisoformat(
            after["due_date"]
        ).weekday()
        assert after["number"].startswith("ORD-2028-")
        assert after["number"][-4:] == before["number"][-4:]
    assert moved["reference_date"] == "2028-01-03"
