import json
from collections import Counter

from sqlmodel import func, select

from app.demo import DEMO_FILE
from app.models import CoachAssignment, Department, Participant, ProductionOrder, User
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
