"""Managers keep orders, customers and articles through forms that refuse bad input in Dutch."""

from datetime import timedelta

import pytest
from sqlmodel import select

from app.models import OrderStatusChange, ProductionOrder
from app.orders.labour import weekly_demand
from app.submissions import new_key
from inventory.models import Article, Customer
from tests import dates
from tests.conftest import MANAGER
from tests.orders.order_helpers import order_by_number


@pytest.fixture
def manager(client, auth):
    auth.login(MANAGER)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/orders/",
        "/orders/?status=all",
        "/orders/?risico=1",
        "/orders/nieuw",
        "/orders/capaciteit",
        "/orders/capaciteit?week=2026-12-07",
        "/orders/klanten",
        "/orders/klanten/nieuw",
        "/orders/import",
    ],
)
def test_manager_pages_open(manager, url):
    assert manager.get(url).status_code == 200


def test_order_book_shows_labour_and_week_demand(manager, db):
    page = manager.get("/orders/").get_data(as_text=True)
    assert dates.order(1) in page and "Nodig (persoon-dagdelen)" in page
    following = dates.MONDAY + timedelta(weeks=1)
    thursday = following + timedelta(days=3)
    demand = manager.get(f"/orders/capaciteit?week={thursday}").get_data(as_text=True)
    needed = weekly_demand(db, following)["packaging"]
    assert f"Week van maandag {following:%d-%m-%Y}" in demand
    assert f'Verpakking</th><td class="num">{needed}</td>' in demand


def _article(db, code: str) -> Article:
    return db.exec(select(Article).where(Article.code == code)).one()


def test_create_order_numbers_it_and_logs_its_first_status(manager, db):
    article = _article(db, "VDK-250")
    due = (dates.TODAY + timedelta(days=30)).isoformat()
    response = manager.post(
        "/orders/nieuw",
        data={
            "number": "",
            "article_id": article.id,
            "department_id": 1,
            "quantity": "500",
            "due_date": due,
            "submission": new_key(),
        },
    )
    assert response.status_code == 303
    order = db.exec(select(ProductionOrder).order_by(ProductionOrder.id.desc())).first()
    assert order.number == dates.order(13)
    assert order.customer_id == article.customer_id
    changes = db.exec(select(OrderStatusChange).where(OrderStatusChange.order_id == order.id)).all()
    assert [c.status for c in changes] == ["received"]


def test_create_order_refuses_bad_input_with_messages(manager, db):
    article = _article(db, "VDK-250")
    response = manager.post(
        "/orders/nieuw",
        data={
            "number": dates.order(1),
            "article_id": article.id,
            "department_id": 1,
            "quantity": "0",
            "due_date": "morgen",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Moet minstens 1 zijn." in page
    count = len(db.exec(select(ProductionOrder)).all())
    response = manager.post(
        "/orders/nieuw",
        data={
            "number": dates.order(1),
            "article_id": article.id,
            "department_id": 1,
            "quantity": "10",
            "due_date": "2026-12-31",
            "submission": new_key(),
        },
    )
    assert f"Ordernummer {dates.order(1)} bestaat al." in response.get_data(as_text=True)
    assert len(db.exec(select(ProductionOrder)).all()) == count


def test_edit_cannot_lower_quantity_below_what_was_made(manager, db):
    order = order_by_number(db, dates.order(3))
    manager.post(
        f"/orders/{order.id}/productie",
        data={
            "day": dates.TODAY.isoformat(),
            "units_made": "900",
            "units_rejected": "0",
            "submission": new_key(),
        },
    )
    response = manager.post(
        f"/orders/{order.id}/bewerken",
        data={
            "number": order.number,
            "article_id": order.article_id,
            "department_id": order.department_id,
            "quantity": "800",
            "due_date": order.due_date.isoformat(),
        },
    )
    assert response.status_code == 400
    assert "Er zijn al 900 stuks gemaakt" in response.get_data(as_text=True)
    assert order_by_number(db, dates.order(3)).quantity == 14000


def test_unknown_order_is_404(manager):
    assert manager.get("/orders/99999").status_code == 404


def test_customer_and_article_management(manager, db):
    response = manager.post(
        "/orders/klanten/nieuw",
        data={"name": "Bakkerij Test", "contact_name": "Els", "active": "y"},
    )
    assert response.status_code == 302
    customer = db.exec(select(Customer).where(Customer.name == "Bakkerij Test")).one()
    response = manager.post(
        f"/orders/klanten/{customer.id}/artikelen/nieuw",
        data={
            "code": "KOEK",
            "name": "Koekjes",
            "units_per_pallet": "120",
            "norm_units_per_hour": "45,5",
        },
    )
    # A Dutch decimal comma is not a number for the form: refused, nothing stored.
    assert response.status_code == 400
    response = manager.post(
        f"/orders/klanten/{customer.id}/artikelen/nieuw",
        data={
            "code": "KOEK",
            "name": "Koekjes",
            "units_per_pallet": "120",
            "norm_units_per_hour": "45.5",
        },
    )
    assert response.status_code == 302
    article = _article(db, "KOEK")
    assert article.norm_units_per_hour == 45.5 and article.units_per_pallet == 120
    duplicate = manager.post(
        f"/orders/klanten/{customer.id}/artikelen/nieuw",
        data={"code": "KOEK", "name": "Ander", "units_per_pallet": "1", "norm_units_per_hour": "1"},
    )
    assert "Deze klant heeft al een artikel met deze code." in duplicate.get_data(as_text=True)
    same_name = manager.post("/orders/klanten/nieuw", data={"name": "Bakkerij Test"})
    assert "Er is al een klant met deze naam." in same_name.get_data(as_text=True)
