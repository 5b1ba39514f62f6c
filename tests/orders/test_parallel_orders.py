"""New orders and production reports sent at the same moment, over HTTP on 127.0.0.1.

Issue 18: 40 parallel new orders answered 20 times 500 (numbers were "highest + 1" read
before writing); a production report posted twice was booked twice.
"""

import io
from datetime import timedelta

import pytest
from sqlmodel import func, select

from app.models import ProductionOrder
from app.orders.models import ProductionRecord
from app.submissions import new_key
from inventory.models import Article
from tests import dates
from tests.conftest import MANAGER
from tests.live import Visitor, at_once, serving
from tests.orders.order_helpers import order_by_number

PARALLEL = 10


@pytest.fixture
def base(app):
    with serving(app) as url:
        yield url


def _order_form(db) -> dict:
    article = db.exec(select(Article).where(Article.code == "VDK-250")).one()
    due = (dates.TODAY + timedelta(days=30)).isoformat()
    return {"article_id": article.id, "department_id": 1, "quantity": "100", "due_date": due}


def _numbers(db) -> list[str]:
    db.expire_all()
    prefix = f"ORD-{dates.YEAR}-"
    return sorted(
        db.exec(select(ProductionOrder.number).where(ProductionOrder.number.startswith(prefix)))
    )


@pytest.mark.parametrize("parallel", (2, 5, 10))
def test_parallel_new_orders_get_consecutive_numbers(base, db, parallel):
    form = _order_form(db)
    before = _numbers(db)
    visitors = [Visitor(base, MANAGER) for _ in range(parallel)]
    answers = at_once(
        [
            lambda visitor=visitor: visitor.post("/orders/nieuw", {**form, "submission": new_key()})
            for visitor in visitors
        ]
    )
    assert [status for status, _page in answers] == [303] * parallel
    serials = [int(number[-4:]) for number in _numbers(db)]
    last = int(before[-1][-4:])
    assert serials == list(range(1, last + parallel + 1))


def test_one_new_order_sent_twice_at_once_is_made_once(base, db):
    form = {**_order_form(db), "submission": new_key()}
    before = len(_numbers(db))
    visitor = Visitor(base, MANAGER)
    answers = at_once([lambda: visitor.post("/orders/nieuw", form) for _ in range(PARALLEL)])
    assert {status for status, _page in answers} == {303}
    assert len(_numbers(db)) == before + 1


def _records(db, order_id: int) -> int:
    db.expire_all()
    return db.exec(
        select(func.count())
        .select_from(ProductionRecord)
        .where(ProductionRecord.order_id == order_id)
    ).one()


def test_one_production_report_sent_twice_is_booked_once(base, db):
    order = order_by_number(db, dates.order(3))
    before = _records(db, order.id)
    form = {
        "day": dates.TODAY.isoformat(),
        "units_made": "40",
        "units_rejected": "0",
        "submission": new_key(),
    }
    visitor = Visitor(base, MANAGER)
    path = f"/orders/{order.id}/productie"
    answers = at_once([lambda: visitor.post(path, form) for _ in range(PARALLEL)])
    assert {status for status, _page in answers} == {303}
    assert _records(db, order.id) == before + 1
    # Later, as after a reload: the same answer again, still one report.
    assert visitor.post(path, form)[0] == 303
    assert _records(db, order.id) == before + 1


def test_a_form_without_its_key_is_refused(client, auth, db):
    auth.login(MANAGER)
    order = order_by_number(db, dates.order(3))
    before = _records(db, order.id)
    refused = client.post(
        f"/orders/{order.id}/productie",
        data={"day": dates.TODAY.isoformat(), "units_made": "40", "units_rejected": "0"},
    )
    assert refused.status_code == 400
    assert _records(db, order.id) == before


def test_one_import_confirmed_twice_at_once_imports_once(app, client, auth, db):
    """Two tabs (or a double click) confirming the same preview: the parked file's token is
    the key, so the second confirm answers as the first instead of importing again."""
    auth.login(MANAGER)
    content = "klant;artikel;aantal;leverdatum;afdeling\n" + (
        "Van Dijk Koffie B.V.;VDK-250;1200;31-12-2099;packaging\n"
    )
    preview = client.post(
        "/orders/import",
        data={"file": (io.BytesIO(content.encode()), "orders.csv")},
        content_type="multipart/form-data",
    )
    assert preview.status_code == 200
    with client.session_transaction() as session:
        token = session["import_orders"]["token"]
    cookie = client.get_cookie("session")
    tabs = [app.test_client() for _ in range(PARALLEL)]
    for tab in tabs:
        tab.set_cookie("session", cookie.value, domain=cookie.domain)
    before = db.exec(select(func.count()).select_from(ProductionOrder)).one()
    answers = at_once(
        [
            lambda tab=tab: tab.post("/orders/import/bevestigen", data={"token": token})
            for tab in tabs
        ]
    )
    assert {answer.status_code for answer in answers} == {303}
    assert {answer.headers["Location"] for answer in answers} == {"/orders/"}
    db.expire_all()
    assert db.exec(select(func.count()).select_from(ProductionOrder)).one() == before + 1
