"""Garbage posted to the main forms: never a server error, never a half-written change.

When a form is refused (any 4xx), the tables it writes must be exactly as before. A target's
`valid` fields are posted under the garbage, so one bad field meets otherwise good input and
reaches the code behind the form's validation.
"""

from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select as sa_select
from sqlmodel import Session, select

from app.audit import AuditEntry
from app.coaching.models import Attachment, Intake, ProgressNote
from app.models import Absence, Certificate, CoachAssignment, Participant, ProductionOrder, User
from app.orders.models import ProductionRecord
from app.roster.models import RosterAssignment, RosterVersion
from app.security.models import LoginAttempt
from inventory.models import Article, Pallet, StockMovement
from tests.conftest import COACH, MANAGER

NASTY = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "1e309",
        "NaN",
        "99999999999999999999999",
        str(2**64),
        "-" + str(2**64),
        str(2**63),
        str(2**31),
        "1e20",
        "sNaN",
        "Infinity",
        "-Infinity",
        "2026-02-30",
        "9999-12-31",
        "10000-01-01",
        "0001-01-01",
        "31-12-2026",
        "0000-00-00",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "\u202e\u0000",
        "x" * 5000,
        "ma",
        "packaging",
    ]
)
VALUE = st.one_of(NASTY, st.text(max_size=60), st.integers().map(str))


@dataclass(frozen=True)
class Target:
    name: str
    login: str
    path: str
    fields: tuple[str, ...]
    tables: tuple[type, ...]
    valid: tuple[tuple[str, str], ...] = ()


TARGETS = [
    Target("login", "", "/inloggen", ("email", "password", "remember"), (User,)),
    Target(
        "intake",
        COACH,
        "/deelnemers/{participant}/intake",
        tuple(
            f"intake-{name}"
            for name in (
                "referrer_organisation referrer_contact start_date expected_end_date "
                "trajectory_goal language_level competences skills drives own_goals next_steps"
            ).split()
        ),
        (Intake, Participant),
        (("intake-start_date", "2026-02-01"),),
    ),
    Target(
        "progress note",
        COACH,
        "/deelnemers/{participant}/voortgang",
        ("day", "text", "punctuality", "cooperation", "quality", "independence"),
        (ProgressNote, Attachment),
    ),
    Target(
        "order",
        MANAGER,
        "/orders/nieuw",
        ("number", "article_id", "department_id", "quantity", "due_date"),
        (ProductionOrder,),
        (("article_id", "{article}"), ("department_id", "1"), ("quantity", "10")),
    ),
    Target(
        "order with a valid base",
        MANAGER,
        "/orders/nieuw",
        ("quantity", "due_date"),
        (ProductionOrder,),
        (
            ("article_id", "{article}"),
            ("department_id", "1"),
            ("quantity", "10"),
            ("due_date", "2027-01-15"),
        ),
    ),
    Target(
        "article",
        MANAGER,
        "/orders/klanten/{customer}/artikelen/{article}",
        ("code", "name", "units_per_pallet", "norm_units_per_hour"),
        (Article,),
        (("code", "FUZZ-1"), ("name", "Fuzz"), ("units_per_pallet", "10")),
    ),
    Target(
        "certificate",
        COACH,
        "/deelnemers/{participant}/certificaten",
        tuple(
            f"cert-{name}"
            for name in "kind status detail planned_on obtained_on expires_on".split()
        ),
        (Certificate,),
        (("cert-kind", "forklift"), ("cert-status", "obtained")),
    ),
    Target(
        "absence",
        COACH,
        "/deelnemers/{participant}/afwezigheid",
        tuple(f"absence-{name}" for name in "start_date end_date daypart kind note".split()),
        (Absence,),
        (("absence-start_date", "2026-12-03"), ("absence-kind", "sick")),
    ),
    Target(
        "roster absence",
        MANAGER,
        "/rooster/2026-W49/afwezigheid",
        tuple(f"afw-{name}" for name in "participant start_date end_date daypart kind".split()),
        (Absence,),
        (
            ("afw-participant", "p001"),
            ("afw-start_date", "2026-12-03"),
            ("afw-end_date", "2026-12-04"),
            ("afw-kind", "sick"),
        ),
    ),
    Target(
        "production",
        MANAGER,
        "/orders/{order}/productie",
        ("day", "units_made", "units_rejected", "note"),
        (ProductionRecord, ProductionOrder),
    ),
    Target(
        "receipt",
        MANAGER,
        "/magazijn/ontvangst",
        ("article_id", "units", "pallets", "reference"),
        (Pallet, StockMovement),
    ),
    Target(
        "roster edit",
        MANAGER,
        "/rooster/2026-W49/wijzig",
        tuple(
            f"bewerk-{name}"
            for name in (
                "roster revision action participant department day daypart to_day to_daypart"
            ).split()
        ),
        (RosterVersion, RosterAssignment),
    ),
]


def snapshot(db: Session, models: tuple[type, ...]) -> dict[str, list[tuple]]:
    """Every row of every table the form writes, to compare whole tables afterwards."""
    db.expire_all()
    found = {}
    for model in models:
        found[model.__tablename__] = sorted(
            tuple(str(value) for value in row)
            for row in db.execute(sa_select(*model.__table__.columns)).all()
        )
    return found


@pytest.mark.parametrize("target", TARGETS, ids=lambda target: target.name)
def test_garbage_never_breaks_or_half_writes(client, auth, db, target):
    if target.login:
        auth.login(target.login)
    coach = db.exec(select(User).where(User.email == COACH)).one()
    article = db.exec(select(Article)).first()
    ids = {
        "participant": db.exec(
            select(CoachAssignment.participant_id).where(CoachAssignment.coach_id == coach.id)
        ).first(),
        "order": db.exec(select(ProductionOrder.id)).first(),
        "customer": article.customer_id,
        "article": article.id,
    }
    path = target.path.format(**ids)
    valid = {name: value.format(**ids) for name, value in target.valid}

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.fixed_dictionaries({}, optional={name: VALUE for name in target.fields}))
    def post_garbage(data):
        before = snapshot(db, target.tables)
        response = client.post(path, data={**valid, **data}, headers={"HX-Request": "true"})
        assert response.status_code < 500, response.get_data(as_text=True)[:500]
        if 400 <= response.status_code < 500:
            assert snapshot(db, target.tables) == before

    post_garbage()


def test_audit_and_attempt_tables_are_outside_the_comparison():
    """Reads are logged and login attempts counted even when a form is refused."""
    compared = {model for target in TARGETS for model in target.tables}
    assert AuditEntry not in compared and LoginAttempt not in compared
