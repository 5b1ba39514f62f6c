"""The warehouse screens drive `inventory` end to end and explain refusals in Dutch."""

import io

import pytest
from sqlmodel import func, select

from app.submissions import new_key
from inventory.layout import AisleBlock, create_locations
from inventory.models import Article, Location, Pallet, Shipment, StockMovement
from tests.conftest import MANAGER
from tests.warehouse_app.empty import empty_warehouse

LAYOUT = (AisleBlock("A", range(1, 3), racks=2, levels=2),)


@pytest.fixture
def manager(client, auth, db):
    empty_warehouse(db)
    create_locations(db, LAYOUT)
    db.commit()
    auth.login(MANAGER)
    return client


def _article(db, code="VDK-250") -> Article:
    return db.exec(select(Article).where(Article.code == code)).one()


def _receive(client, db, units=960, pallets=None):
    data = {
        "article_id": _article(db).id,
        "units": str(units),
        "reference": "PB-1",
        "submission": new_key(),
    }
    if pallets:
        data["pallets"] = str(pallets)
    return client.post("/magazijn/ontvangst", data=data)


@pytest.mark.parametrize(
    "url",
    [
        "/magazijn/",
        "/magazijn/ontvangst",
        "/magazijn/wegzetten",
        "/magazijn/verplaatsen",
        "/magazijn/zendingen",
        "/magazijn/voorraad",
        "/magazijn/historie",
        "/magazijn/import",
    ],
)
def test_pages_open(manager, url):
    assert manager.get(url).status_code == 200


def test_empty_warehouse_offers_the_default_layout(client, auth, db):
    empty_warehouse(db)
    auth.login(MANAGER)
    assert "Standaardindeling aanmaken" in client.get("/magazijn/").get_data(as_text=True)
    client.post("/magazijn/indeling")
    assert db.exec(select(func.count(Location.id))).one() == 1200
    client.post("/magazijn/indeling")  # a second click adds nothing
    assert db.exec(select(func.count(Location.id))).one() == 1200


def test_receive_put_away_on_the_suggested_place_and_see_the_map(manager, db):
    assert _receive(manager, db).status_code == 303
    pallets = db.exec(select(Pallet)).all()
    assert len(pallets) == 2 and all(p.status == "received" for p in pallets)
    page = manager.get("/magazijn/wegzetten").get_data(as_text=True)
    assert "A-01-01-1" in page  # the suggestion: lowest level nearest the dock
    manager.post(f"/magazijn/wegzetten/{pallets[0].id}", data={"location": ""})
    db.expire_all()
    assert db.get(Location, db.get(Pallet, pallets[0].id).location_id).code == "A-01-01-1"
    page = manager.get("/magazijn/").get_data(as_text=True)
    assert "A-01" in page and "25% — deels bezet" in page


def test_a_large_receipt_names_its_first_and_last_pallet_and_keeps_the_session(manager, db):
    """Every label of 200 pallets in the message made the session cookie larger than
    browsers keep, which logged the manager out."""
    response = _receive(manager, db, units=200, pallets=200)
    assert response.status_code == 303
    labels = [p.label for p in db.exec(select(Pallet).order_by(Pallet.id)).all()]
    assert len(labels) == 200
    page = manager.get("/magazijn/wegzetten").get_data(as_text=True)
    assert f"200 pallet(s) ontvangen: {labels[0]} … {labels[-1]}" in page
    assert labels[1] not in page.split("ontvangen:")[1].split("</")[0]
    cookie = manager.get_cookie("session")
    assert cookie is not None and len(cookie.value) < 4000


def test_put_away_on_a_full_place_is_refused_in_dutch(manager, db):
    _receive(manager, db)
    first, second = db.exec(select(Pallet)).all()
    manager.post(f"/magazijn/wegzetten/{first.id}", data={"location": "A-01-01-1"})
    response = manager.post(
        f"/magazijn/wegzetten/{second.id}", data={"location": "a-01-01-1"}, follow_redirects=True
    )
    assert "Plaats A-01-01-1 is al vol." in response.get_data(as_text=True)
    db.expire_all()
    assert db.get(Pallet, second.id).status == "received"


def test_receipt_refuses_overfull_pallets(manager, db):
    response = _receive(manager, db, units=5000, pallets=1)
    assert "5000 stuks passen niet op 1 pallet(s) van 480 stuks." in response.get_data(as_text=True)
    assert db.exec(select(func.count(Pallet.id))).one() == 0


def test_move_by_label_and_code(manager, db):
    _receive(manager, db)
    pallet = db.exec(select(Pallet)).first()
    manager.post(f"/magazijn/wegzetten/{pallet.id}", data={"location": ""})
    response = manager.post(
        "/magazijn/verplaatsen",
        data={"pallet": pallet.label, "location": "A-02-02-2"},
        follow_redirects=True,
    )
    assert "Pallet verplaatst naar A-02-02-2." in response.get_data(as_text=True)
    unknown = manager.post(
        "/magazijn/verplaatsen",
        data={"pallet": pallet.label, "location": "Z-99"},
        follow_redirects=True,
    )
    assert "Dit gegeven bestaat niet (meer)." in unknown.get_data(as_text=True)


def test_pick_ship_and_print_the_packing_list(manager, db):
    _receive(manager, db)
    first, second = db.exec(select(Pallet)).all()
    customer_id = first.customer_id
    manager.post(
        "/magazijn/zendingen",
        data={"customer_id": customer_id, "reference": "K-77", "submission": new_key()},
    )
    shipment = db.exec(select(Shipment)).one()
    pick = f"/magazijn/zendingen/{shipment.id}/picken"
    manager.post(pick, data={"pallet_id": first.id, "submission": new_key()})
    manager.post(pick, data={"pallet_id": second.id, "units": "100", "submission": new_key()})
    too_many = manager.post(
        pick,
        data={"pallet_id": second.id, "units": "9999", "submission": new_key()},
        follow_redirects=True,
    )
    assert "heeft geen 9999 stuks meer" in too_many.get_data(as_text=True)
    response = manager.post(f"/magazijn/zendingen/{shipment.id}/verzenden", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Paklijst" in page and "K-77" in page and first.label in page
    assert '<td class="num">580</td>' in page  # 480 whole pallet + 100 picked units
    again = manager.post(f"/magazijn/zendingen/{shipment.id}/verzenden", follow_redirects=True)
    assert "is al verzonden" in again.get_data(as_text=True)


def test_stock_and_paginated_history(manager, db):
    for _ in range(30):
        _receive(manager, db, units=480)
    stock = manager.get("/magazijn/voorraad").get_data(as_text=True)
    assert "VDK-250" in stock and '<td class="num">14400</td>' in stock
    assert db.exec(select(func.count(StockMovement.id))).one() == 30
    first = manager.get("/magazijn/historie").get_data(as_text=True)
    assert "30 bewegingen, pagina 1 van 1" in first
    pallet = db.exec(select(Pallet)).first()
    filtered = manager.get(f"/magazijn/historie?pallet={pallet.label}").get_data(as_text=True)
    assert "1 bewegingen" in filtered
    nothing = manager.get("/magazijn/historie?pallet=onbekend").get_data(as_text=True)
    assert "0 bewegingen" in nothing


def test_inbound_notice_import_is_all_or_nothing(manager, db):
    def upload(text):
        return manager.post(
            "/magazijn/import",
            data={"file": (io.BytesIO(text.encode()), "aanmelding.csv")},
            content_type="multipart/form-data",
        )

    bad = upload(
        "klant;artikel;aantal\nVan Dijk Koffie B.V.;VDK-250;480\nVan Dijk Koffie B.V.;ONBEKEND;10\n"
    )
    assert "Regel 3, kolom artikel: onbekend artikel voor deze klant" in bad.get_data(as_text=True)
    assert db.exec(select(func.count(Pallet.id))).one() == 0
    good = upload("klant;artikel;aantal\nVan Dijk Koffie B.V.;VDK-250;960\n")
    assert "Alle 1 regels in ontvangst boeken" in good.get_data(as_text=True)
    with manager.session_transaction() as session:
        token = session["import_inbound"]["token"]
    manager.post("/magazijn/import/bevestigen", data={"token": token})
    assert db.exec(select(func.count(Pallet.id))).one() == 2
