"""The input/route pairs of issue 18 (point 6) that answered 500: each is refused or ignored.

Integers past 64 bits, dates past 9999 or before 2000, a lone space in an optional select,
`sNaN` and `Infinity` as a number: ids answer 404, filters fall back, forms say what is
wrong and store nothing.
"""

import pytest
from sqlmodel import select

from app.coaching.models import Intake
from app.models import CoachAssignment, ProductionOrder, User
from app.orders.models import ProductionRecord
from inventory.models import Article, Shipment, ShipmentLine
from tests.conftest import ADMIN, COACH, CUSTOMER, MANAGER

HUGE = "99999999999999999999"  # past 2^64
PAST_63 = str(2**63)
PAST_31 = str(2**31)  # past PostgreSQL's integer columns


@pytest.mark.parametrize(
    ("login", "path"),
    [
        (MANAGER, f"/orders/{HUGE}"),
        (MANAGER, f"/orders/{PAST_63}/bewerken"),
        (MANAGER, f"/orders/{PAST_31}"),
        (MANAGER, f"/orders/klanten/{HUGE}"),
        (MANAGER, f"/orders/klanten/1/artikelen/{HUGE}"),
        (MANAGER, f"/magazijn/pallets/{HUGE}"),
        (MANAGER, f"/magazijn/zendingen/{PAST_63}"),
        (MANAGER, f"/rooster/2026-W49/taak/{HUGE}"),
        (MANAGER, "/rooster/9999-W52"),
        (MANAGER, "/rooster/9999-W52/afdrukken"),
        (MANAGER, "/rooster/1999-W52"),
        (MANAGER, "/rooster/0001-W01/rooster.xlsx"),
        (COACH, f"/deelnemers/{HUGE}"),
        (COACH, f"/deelnemers/{PAST_63}/rapport.pdf"),
        (CUSTOMER, f"/portaal/orders/{HUGE}"),
    ],
)
def test_an_id_or_week_the_database_cannot_hold_is_not_found(client, auth, login, path):
    auth.login(login)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    ("login", "path"),
    [
        (MANAGER, f"/orders/?klant={HUGE}"),
        (MANAGER, "/orders/capaciteit?week=0001-01-01"),
        (MANAGER, "/orders/capaciteit?week=9999-12-31"),
        (MANAGER, f"/magazijn/voorraad?klant={HUGE}"),
        (MANAGER, f"/magazijn/historie?klant={PAST_63}&artikel={HUGE}&pagina={HUGE}"),
        (MANAGER, f"/magazijn/pallets?klant=-{HUGE}&artikel={PAST_31}"),
        (MANAGER, f"/rooster/2026-W49?versie={HUGE}"),
        (MANAGER, f"/rooster/2026-W49/afdrukken?versie={PAST_63}"),
        (ADMIN, "/beheer/audit?tot=9999-12-31"),
        (ADMIN, f"/beheer/audit?van=0001-01-01&pagina={HUGE}"),
        (COACH, "/deelnemers/aanwezigheid?datum=9999-12-31"),
        (COACH, "/deelnemers/{participant}?contactpersoon=" + HUGE),
        (COACH, "/deelnemers/{participant}/rapport?start=0001-01-01&end=9999-12-31"),
    ],
)
def test_a_filter_out_of_range_is_ignored_or_refused(client, auth, db, login, path):
    auth.login(login)
    response = client.get(path.format(participant=_participant(db)))
    assert response.status_code in (200, 400), response.status_code


def _participant(db) -> int:
    coach = db.exec(select(User).where(User.email == COACH)).one()
    return db.exec(
        select(CoachAssignment.participant_id).where(CoachAssignment.coach_id == coach.id)
    ).first()


def _order(db) -> ProductionOrder:
    return db.exec(select(ProductionOrder).where(ProductionOrder.status != "done")).first()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("sNaN", "Vul een getal in van hoogstens 1.000.000."),
        ("Infinity", "Vul een getal in van hoogstens 1.000.000."),
        ("-Infinity", "Vul een getal in van hoogstens 1.000.000."),
        ("NaN", "Vul een getal in van hoogstens 1.000.000."),
        ("1e400", "Vul een getal in van hoogstens 1.000.000."),
    ],
)
def test_an_article_norm_must_be_a_finite_number(client, auth, db, value, message):
    auth.login(MANAGER)
    article = db.exec(select(Article)).first()
    before = article.norm_units_per_hour
    response = client.post(
        f"/orders/klanten/{article.customer_id}/artikelen/{article.id}",
        data={
            "code": article.code,
            "name": article.name,
            "units_per_pallet": str(article.units_per_pallet),
            "norm_units_per_hour": value,
        },
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    db.expire_all()
    assert db.get(Article, article.id).norm_units_per_hour == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("due_date", "0001-01-01", "Vul een datum in tussen 01-01-2000 en 31-12-2100."),
        ("due_date", "9999-12-31", "Vul een datum in tussen 01-01-2000 en 31-12-2100."),
        ("quantity", HUGE, "Dit getal is te groot."),
        ("quantity", PAST_31, "Dit getal is te groot."),
        ("article_id", HUGE, "Ongeldige keuze"),
    ],
)
def test_a_new_order_out_of_range_is_refused_saying_why(client, auth, db, field, value, message):
    auth.login(MANAGER)
    count = len(db.exec(select(ProductionOrder)).all())
    data = {
        "article_id": str(db.exec(select(Article)).first().id),
        "department_id": "1",
        "quantity": "100",
        "due_date": "2027-01-15",
        field: value,
    }
    response = client.post("/orders/nieuw", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert len(db.exec(select(ProductionOrder)).all()) == count


@pytest.mark.parametrize(
    "data",
    [
        {"day": "2026-12-01", "units_made": HUGE, "units_rejected": "0"},
        {"day": "2026-12-01", "units_made": "1", "units_rejected": PAST_63},
        {"day": "0001-01-01", "units_made": "1", "units_rejected": "0"},
    ],
)
def test_production_out_of_range_is_refused(client, auth, db, data):
    auth.login(MANAGER)
    order = _order(db)
    count = len(db.exec(select(ProductionRecord)).all())
    response = client.post(f"/orders/{order.id}/productie", data=data)
    assert response.status_code < 500
    assert len(db.exec(select(ProductionRecord)).all()) == count


def test_a_lone_space_in_an_optional_select_is_the_blank_choice(client, auth, db):
    auth.login(COACH)
    participant = _participant(db)
    response = client.post(
        f"/deelnemers/{participant}/intake",
        data={
            "intake-start_date": "2026-02-01",
            "intake-trajectory_goal": " ",
            "intake-language_level": " ",
        },
    )
    assert response.status_code == 302
    intake = db.exec(select(Intake).where(Intake.participant_id == participant)).one()
    assert intake.trajectory_goal is None and intake.language_level is None


@pytest.mark.parametrize("score", [" ", HUGE, "sNaN"])
def test_a_progress_score_that_is_no_choice_never_breaks(client, auth, db, score):
    auth.login(COACH)
    response = client.post(
        f"/deelnemers/{_participant(db)}/voortgang",
        data={"day": "2026-12-01", "text": "Goed gewerkt.", "punctuality": score},
    )
    assert response.status_code < 500


@pytest.mark.parametrize(
    "data",
    [
        {"afw-start_date": "9999-12-31", "afw-end_date": "9999-12-31"},
        {"afw-start_date": "0001-01-01", "afw-end_date": "0001-01-02"},
        {"afw-daypart": " "},
    ],
)
def test_a_roster_absence_out_of_range_never_breaks(client, auth, db, data):
    auth.login(MANAGER)
    response = client.post(
        "/rooster/2026-W49/afwezigheid",
        data={
            "afw-participant": "p001",
            "afw-start_date": "2026-12-03",
            "afw-end_date": "2026-12-03",
            "afw-kind": "sick",
            **data,
        },
    )
    assert response.status_code < 500


@pytest.mark.parametrize("pallet", [HUGE, PAST_63, PAST_31])
def test_picking_a_pallet_id_the_database_cannot_hold_is_refused(client, auth, db, pallet):
    auth.login(MANAGER)
    shipment = Shipment(number="EDGE-1", customer_id=db.exec(select(Article)).first().customer_id)
    db.add(shipment)
    db.commit()
    response = client.post(f"/magazijn/zendingen/{shipment.id}/picken", data={"pallet_id": pallet})
    assert response.status_code == 303
    assert db.exec(select(ShipmentLine)).all() == []
