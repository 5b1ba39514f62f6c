"""A customer sees only their own orders, stock and shipments, and no manager screen at all."""

import csv
import io

import pytest
from flask import Flask
from sqlmodel import select

from app.auth.access import MANAGERS, allowed_roles
from app.models import Participant, ProductionOrder
from inventory import create_shipment, pick_pallet, put_away, receive_pallets, ship
from inventory.layout import AisleBlock, create_locations
from inventory.models import Article
from tests.conftest import COACH, CUSTOMER, MANAGER, OTHER_CUSTOMER
from tests.orders.order_helpers import customer_of, orders_of
from tests.warehouse_app.empty import empty_warehouse

PORTAL_PAGES = [
    "/portaal/orders",
    "/portaal/voorraad",
    "/portaal/zendingen",
    "/portaal/orders.csv",
    "/portaal/voorraad.csv",
    "/portaal/zendingen.csv",
]


@pytest.fixture
def warehouse(db):
    """Each of the two demo customers has a pallet in stock and a shipped shipment."""
    empty_warehouse(db)
    create_locations(db, (AisleBlock("A", range(1, 3), racks=3, levels=2),))
    shipments = {}
    for email in (CUSTOMER, OTHER_CUSTOMER):
        customer = customer_of(db, email)
        article = db.exec(select(Article).where(Article.customer_id == customer.id)).first()
        stored, sent = receive_pallets(db, customer.id, article.id, 2 * article.units_per_pallet)
        put_away(db, stored.id)
        shipment = create_shipment(db, customer.id, reference=f"REF-{customer.id}")
        pick_pallet(db, shipment.id, sent.id)
        ship(db, shipment.id)
        shipments[email] = shipment.id
    db.commit()
    return shipments


def _ids_of(db, email) -> list[int]:
    return [order.id for order in orders_of(db, customer_of(db, email).id)]


def test_customer_sees_own_orders_and_not_others(client, auth, db):
    auth.login(CUSTOMER)
    page = client.get("/portaal/orders").get_data(as_text=True)
    own = orders_of(db, customer_of(db, CUSTOMER).id)
    others = orders_of(db, customer_of(db, OTHER_CUSTOMER).id)
    assert all(order.number in page for order in own)
    assert not any(order.number in page for order in others)


def test_trying_every_other_order_id_gives_404(client, auth, db):
    auth.login(CUSTOMER)
    own = set(_ids_of(db, CUSTOMER))
    all_ids = [order.id for order in db.exec(select(ProductionOrder)).all()]
    for order_id in [*all_ids, max(all_ids) + 1]:
        response = client.get(f"/portaal/orders/{order_id}")
        if order_id in own:
            assert response.status_code == 200
        else:
            assert response.status_code == 404, order_id
            assert "ORD-" not in response.get_data(as_text=True)


def test_own_order_shows_status_progress_and_history(client, auth, db):
    auth.login(CUSTOMER)
    order = orders_of(db, customer_of(db, CUSTOMER).id)[0]
    page = client.get(f"/portaal/orders/{order.id}").get_data(as_text=True)
    assert order.number in page and "Voortgang" in page and "Verloop" in page


def test_stock_and_shipments_are_scoped_to_the_customer(client, auth, db, warehouse):
    auth.login(CUSTOMER)
    mine = customer_of(db, CUSTOMER)
    other = customer_of(db, OTHER_CUSTOMER)
    other_codes = [a.code for a in db.exec(select(Article).where(Article.customer_id == other.id))]
    stock = client.get("/portaal/voorraad").get_data(as_text=True)
    assert not any(code in stock for code in other_codes)
    shipments = client.get("/portaal/zendingen").get_data(as_text=True)
    assert f"REF-{mine.id}" in shipments and f"REF-{other.id}" not in shipments
    assert client.get(f"/portaal/zendingen/{warehouse[CUSTOMER]}").status_code == 200
    for shipment_id in (warehouse[OTHER_CUSTOMER], 99999):
        assert client.get(f"/portaal/zendingen/{shipment_id}").status_code == 404


def test_csv_downloads_hold_only_own_rows(client, auth, db, warehouse):
    auth.login(CUSTOMER)
    response = client.get("/portaal/orders.csv")
    assert response.mimetype == "text/csv"
    rows = list(
        csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";")
    )
    own = {order.number for order in orders_of(db, customer_of(db, CUSTOMER).id)}
    assert rows[0][0] == "Order" and {row[0] for row in rows[1:]} == own
    stock = client.get("/portaal/voorraad.csv").get_data(as_text=True)
    other = customer_of(db, OTHER_CUSTOMER)
    other_codes = [a.code for a in db.exec(select(Article).where(Article.customer_id == other.id))]
    assert not any(code in stock for code in other_codes)
    shipments = client.get("/portaal/zendingen.csv").get_data(as_text=True)
    assert f"REF-{customer_of(db, CUSTOMER).id}" in shipments and f"REF-{other.id}" not in shipments


def test_no_participant_name_appears_on_any_portal_page(client, auth, db, warehouse):
    auth.login(CUSTOMER)
    order_pages = [f"/portaal/orders/{order_id}" for order_id in _ids_of(db, CUSTOMER)]
    pages = [*PORTAL_PAGES, *order_pages, f"/portaal/zendingen/{warehouse[CUSTOMER]}", "/"]
    texts = [client.get(url).get_data(as_text=True) for url in pages]
    names = {p.full_name for p in db.exec(select(Participant)).all()}
    last_names = {p.last_name for p in db.exec(select(Participant)).all() if len(p.last_name) > 4}
    for url, text in zip(pages, texts, strict=True):
        assert not [name for name in names if name in text], url
        assert not [name for name in last_names if name in text], url


def _manager_urls(app: Flask, db) -> list[tuple[str, str]]:
    """Every manager-only route of the three areas, with real ids filled in."""
    order_id = db.exec(select(ProductionOrder.id)).first()
    values = {
        "order_id": order_id,
        "customer_id": 1,
        "article_id": 1,
        "pallet_id": 1,
        "shipment_id": 1,
    }
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            admitted = allowed_roles(rule.endpoint)
            if rule.endpoint.split(".")[0] not in ("orders", "warehouse"):
                continue
            assert admitted and admitted <= set(MANAGERS), rule.endpoint
            url = rule.build({name: values[name] for name in rule.arguments})[1]
            for method in rule.methods & {"GET", "POST"}:
                urls.append((method, url))
    return urls


@pytest.mark.parametrize("email", [CUSTOMER, COACH])
def test_customers_and_coaches_get_403_on_every_manager_route(app, client, auth, db, email):
    urls = _manager_urls(app, db)
    assert len(urls) > 30
    auth.login(email)
    before = db.exec(select(ProductionOrder.status)).all()
    for method, url in urls:
        response = client.open(url, method=method, data={"status": "cancelled"})
        assert response.status_code == 403, (method, url)
    assert db.exec(select(ProductionOrder.status)).all() == before


def test_managers_cannot_open_the_portal(client, auth):
    auth.login(MANAGER)
    for url in PORTAL_PAGES:
        assert client.get(url).status_code == 403, url
