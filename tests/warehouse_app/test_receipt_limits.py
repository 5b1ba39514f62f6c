"""A receipt never brings more pallets than the warehouse has places: refused, and said so.

One import line of 10^23 units and no pallet count once built a pallet per 960 units in
memory until the kernel killed the worker; the receipt form took the same path.
"""

import io

import pytest
from sqlmodel import func, select

from app.submissions import new_key
from inventory.models import Article, Pallet
from tests.conftest import MANAGER

REFUSED = "één ontvangst is hoogstens 1200 pallets"


@pytest.fixture
def manager(client, auth):
    auth.login(MANAGER)
    return client


def _article(db) -> Article:
    return db.exec(select(Article).where(Article.code == "VDK-250")).one()


def _pallets(db) -> int:
    return db.exec(select(func.count()).select_from(Pallet)).one()


def _receive(client, article: Article, units: int, pallets: str = ""):
    return client.post(
        "/magazijn/ontvangst",
        data={
            "article_id": article.id,
            "units": str(units),
            "pallets": pallets,
            "submission": new_key(),
        },
    )


def test_receipt_form_refuses_more_pallets_than_places(manager, db):
    article = _article(db)
    before = _pallets(db)
    too_many = _receive(manager, article, 1201 * article.units_per_pallet)
    assert too_many.status_code == 400
    assert REFUSED in too_many.get_data(as_text=True)
    assert _receive(manager, article, 1201, pallets="1201").status_code == 400
    db.expire_all()
    assert _pallets(db) == before


def test_receipt_form_refuses_units_past_any_integer_at_once(manager, db):
    """The field refuses a number no column holds before any pallet is counted out."""
    before = _pallets(db)
    refused = _receive(manager, _article(db), 99999999999999999999999)
    assert refused.status_code == 400
    assert "Dit getal is te groot." in refused.get_data(as_text=True)
    db.expire_all()
    assert _pallets(db) == before


def _preview(client, lines: list[str]):
    text = "klant;artikel;aantal;pallets\n" + "".join(f"{line}\n" for line in lines)
    return client.post(
        "/magazijn/import",
        data={"file": (io.BytesIO(text.encode()), "aanmelding.csv")},
        content_type="multipart/form-data",
    )


def test_import_preview_refuses_a_line_of_too_many_pallets(manager, db):
    units = 1201 * _article(db).units_per_pallet
    page = _preview(manager, [f"Van Dijk Koffie B.V.;VDK-250;{units};"])
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert "Regel 2, kolom aantal: meer pallets dan het magazijn plaatsen heeft" in text


def test_import_preview_refuses_a_file_of_too_many_pallets_together(manager, db):
    units = 700 * _article(db).units_per_pallet
    line = f"Van Dijk Koffie B.V.;VDK-250;{units};700"
    page = _preview(manager, [line, line])
    assert page.status_code == 422
    assert (
        "Regel 3, kolom pallets: met deze regel komt het bestand boven het aantal plaatsen van "
        "het magazijn (1200)"
    ) in page.get_data(as_text=True)
