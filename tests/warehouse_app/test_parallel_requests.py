"""Managers working at the same moment, over HTTP against the app served on 127.0.0.1.

Issue 18: a pick racing a shipment left pallets in limbo; 40 parallel receipts answered
26 times 500 (labels were "highest + 1"); the same receipt posted twice 0.3 s apart was
booked twice. Bounded versions of each, on SQLite and (TEST_DATABASE_URL) PostgreSQL.
"""

import re

import pytest
from sqlmodel import func, select

from app.submissions import new_key
from inventory.models import Article, Pallet, PalletStatus, Shipment, ShipmentLine
from inventory.picking import pick_pallet
from inventory.receiving import receive_pallets
from inventory.shipping import create_shipment
from tests.conftest import MANAGER
from tests.live import Visitor, at_once, serving

ROUNDS = 5
PARALLEL = 10
AT_ONCE = (2, 5, 10)  # the sizes of a busy workshop: two managers, a team, a rush


@pytest.fixture
def base(app):
    with serving(app) as url:
        yield url


def _article(db) -> Article:
    return db.exec(select(Article).where(Article.code == "VDK-250")).one()


def _ship_while_picking(db, shipper: Visitor, picker: Visitor, article: Article) -> None:
    """One round: a shipment with one pallet on it, shipped while a second is picked onto it."""
    shipment_id = create_shipment(db, article.customer_id).id
    first, second = receive_pallets(db, article.customer_id, article.id, 2, pallets=2)
    pick_pallet(db, shipment_id, first.id)
    db.commit()
    at_once(
        [
            lambda: shipper.post(f"/magazijn/zendingen/{shipment_id}/verzenden", {}),
            lambda: picker.post(
                f"/magazijn/zendingen/{shipment_id}/picken",
                {"pallet_id": second.id, "submission": new_key()},
            ),
        ]
    )
    db.expire_all()
    on_shipment = db.exec(
        select(ShipmentLine).where(
            ShipmentLine.shipment_id == shipment_id, ShipmentLine.pallet_id == second.id
        )
    ).first()
    assert db.get(Shipment, shipment_id).shipped_at is not None
    assert (db.get(Pallet, second.id).status, on_shipment is not None) in {
        (PalletStatus.RECEIVED, False),
        (PalletStatus.SHIPPED, True),
    }


def test_pick_racing_the_shipment_never_leaves_a_pallet_in_limbo(base, db):
    article = _article(db)
    shipper, picker = Visitor(base, MANAGER), Visitor(base, MANAGER)
    for _round in range(ROUNDS):
        _ship_while_picking(db, shipper, picker, article)


def _labels(db) -> list[str]:
    return db.exec(select(Pallet.label)).all()


@pytest.mark.parametrize("parallel", AT_ONCE)
def test_parallel_receipts_each_get_their_own_labels(base, db, parallel):
    article = _article(db)
    before = len(_labels(db))
    visitors = [Visitor(base, MANAGER) for _ in range(parallel)]
    answers = at_once(
        [
            lambda visitor=visitor: visitor.post(
                "/magazijn/ontvangst",
                {"article_id": article.id, "units": "2", "pallets": "2", "submission": new_key()},
            )
            for visitor in visitors
        ]
    )
    assert [status for status, _page in answers] == [303] * parallel
    db.expire_all()
    labels = _labels(db)
    assert len(labels) == len(set(labels)) == before + 2 * parallel


@pytest.mark.parametrize("parallel", AT_ONCE)
def test_one_receipt_posted_at_once_from_two_tabs_is_booked_once(base, db, parallel):
    article = _article(db)
    before = db.exec(select(func.count()).select_from(Pallet)).one()
    visitor = Visitor(base, MANAGER)
    form = {"article_id": article.id, "units": "3", "pallets": "3", "submission": new_key()}
    answers = at_once([lambda: visitor.post("/magazijn/ontvangst", form) for _ in range(parallel)])
    assert [status for status, _page in answers] == [303] * parallel
    db.expire_all()
    assert db.exec(select(func.count()).select_from(Pallet)).one() == before + 3


def test_one_pick_sent_twice_at_once_takes_its_units_once(base, db):
    article = _article(db)
    shipment_id = create_shipment(db, article.customer_id).id
    [pallet] = receive_pallets(db, article.customer_id, article.id, 50)
    db.commit()
    visitor = Visitor(base, MANAGER)
    form = {"pallet_id": pallet.id, "units": "7", "submission": new_key()}
    path = f"/magazijn/zendingen/{shipment_id}/picken"
    answers = at_once([lambda: visitor.post(path, form) for _ in range(PARALLEL)])
    assert {status for status, _page in answers} == {303}
    db.expire_all()
    assert db.get(Pallet, pallet.id).units == 43


def test_each_pallet_row_of_a_shipment_has_a_key_of_its_own(base, db):
    article = _article(db)
    shipment_id = create_shipment(db, article.customer_id).id
    db.commit()
    _status, page = Visitor(base, MANAGER).get(f"/magazijn/zendingen/{shipment_id}")
    keys = re.findall(r'<input name="submission" type="hidden" value="([^"]+)">', page)
    rows = page.count('name="pallet_id"')
    assert rows >= 2 and len(set(keys)) == rows


def test_one_new_shipment_sent_twice_at_once_opens_one(base, db):
    article = _article(db)
    before = db.exec(select(func.count()).select_from(Shipment)).one()
    visitor = Visitor(base, MANAGER)
    form = {"customer_id": article.customer_id, "reference": "K-1", "submission": new_key()}
    answers = at_once([lambda: visitor.post("/magazijn/zendingen", form) for _ in range(PARALLEL)])
    assert {status for status, _page in answers} == {303}
    db.expire_all()
    assert db.exec(select(func.count()).select_from(Shipment)).one() == before + 1
