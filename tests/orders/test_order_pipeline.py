"""The status pipeline: one step forward at a time, cancel while open, never back."""

import pytest
from sqlmodel import Session, select

from app.models import OrderStatusChange, ProductionOrder
from app.orders.pipeline import StatusRefused, change_status, next_statuses
from tests import dates
from tests.conftest import MANAGER
from tests.orders.order_helpers import order_by_number


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        ("received", ("planned", "cancelled")),
        ("planned", ("in_production", "cancelled")),
        ("in_production", ("ready", "cancelled")),
        ("ready", ("shipped", "cancelled")),
        ("shipped", ()),
        ("cancelled", ()),
    ],
)
def test_each_status_has_its_next_steps(status, allowed):
    assert next_statuses(status) == allowed


def _walk_to_shipped(db, order):
    for status in ("planned", "in_production", "ready", "shipped"):
        if order.status != status:
            change_status(db, order, status, None)
    db.commit()


def test_every_step_is_logged_with_a_timestamp(db):
    order = order_by_number(db, dates.order(2))  # received
    _walk_to_shipped(db, order)
    changes = db.exec(
        select(OrderStatusChange)
        .where(OrderStatusChange.order_id == order.id)
        .order_by(OrderStatusChange.id)
    ).all()
    assert [c.status for c in changes] == [
        "received",
        "planned",
        "in_production",
        "ready",
        "shipped",
    ]
    assert all(c.at is not None for c in changes)
    assert [c.at for c in changes] == sorted(c.at for c in changes)


@pytest.mark.parametrize("wanted", ["planned", "received", "ready", "cancelled"])
def test_a_shipped_order_cannot_move_anywhere(db, wanted):
    order = order_by_number(db, dates.order(2))
    _walk_to_shipped(db, order)
    with pytest.raises(StatusRefused):
        change_status(db, order, wanted, None)


def test_steps_cannot_be_skipped(db):
    order = order_by_number(db, dates.order(2))  # received
    with pytest.raises(StatusRefused):
        change_status(db, order, "in_production", None)
    assert order_by_number(db, dates.order(2)).status == "received"


def test_a_stale_status_is_refused_instead_of_skipping(app, db):
    """Two managers read 'planned'; the second click must not move the order again."""
    first = order_by_number(db, dates.order(1))  # planned
    with Session(app.extensions["engine"]) as other:
        second = other.get(ProductionOrder, first.id)
        change_status(db, first, "in_production", None)
        db.commit()
        with pytest.raises(StatusRefused):
            change_status(other, second, "in_production", None)
    assert order_by_number(db, dates.order(1)).status == "in_production"


def test_route_refuses_shipped_to_planned_with_a_dutch_message(client, auth, db):
    order = order_by_number(db, dates.order(2))
    _walk_to_shipped(db, order)
    auth.login(MANAGER)
    response = client.post(
        f"/orders/{order.id}/status", data={"status": "planned"}, follow_redirects=True
    )
    assert "kan niet naar &#39;gepland&#39;" in response.get_data(as_text=True)
    assert order_by_number(db, dates.order(2)).status == "shipped"


def test_route_moves_forward_and_cancels(client, auth, db):
    auth.login(MANAGER)
    order = order_by_number(db, dates.order(2))
    assert client.post(f"/orders/{order.id}/status", data={"status": "planned"}).status_code == 303
    assert order_by_number(db, dates.order(2)).status == "planned"
    client.post(f"/orders/{order.id}/status", data={"status": "cancelled"})
    assert order_by_number(db, dates.order(2)).status == "cancelled"
    page = client.get(f"/orders/{order.id}").get_data(as_text=True)
    assert "Deze order is afgesloten." in page
