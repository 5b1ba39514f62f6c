"""Importing orders: every bad cell is named by line and column, and nothing is written."""

import io

import pytest
from sqlmodel import func, select

from app.models import ProductionOrder
from app.warehouse.uploads import MAX_UPLOAD_BYTES
from tests import dates
from tests.conftest import MANAGER

HEADER = "klant;artikel;aantal;leverdatum;afdeling;ordernummer\n"
GOOD = "Van Dijk Koffie B.V.;VDK-250;1200;31-12-2099;packaging;IMP-1\n"


@pytest.fixture
def manager(client, auth):
    auth.login(MANAGER)
    return client


def _upload(client, content: str | bytes, name: str = "orders.csv"):
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        "/orders/import",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def _count(db) -> int:
    return db.exec(select(func.count(ProductionOrder.id))).one()


def test_a_bad_row_names_line_and_column_and_nothing_is_written(manager, db):
    before = _count(db)
    content = HEADER + GOOD + "Van Dijk Koffie B.V.;VDK-250;12,5;31-12-2099;packaging;IMP-2\n"
    response = _upload(manager, content)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Regel 3, kolom aantal: geen heel getal (12,5)" in page
    assert "Alle 1 orders importeren" not in page
    # Even a forged confirm cannot write: the failed upload was discarded.
    token_less = manager.post("/orders/import/bevestigen", data={"token": "x" * 32})
    assert token_less.status_code == 303
    assert _count(db) == before


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Onbekend BV;VDK-250;10;31-12-2099;packaging;A1", "Regel 2, kolom klant: onbekende klant"),
        (
            "Van Dijk Koffie B.V.;GR-PLT;10;31-12-2099;packaging;A1",
            "Regel 2, kolom artikel: onbekend artikel voor deze klant",
        ),
        (
            "Van Dijk Koffie B.V.;VDK-250;10;31-12-2099;maan;A1",
            "Regel 2, kolom afdeling: onbekende afdeling",
        ),
        ("Van Dijk Koffie B.V.;VDK-250;10;gisteren;packaging;A1", "Regel 2, kolom leverdatum"),
        (
            "Van Dijk Koffie B.V.;VDK-250;10;01-01-2001;packaging;A1",
            "Regel 2, kolom leverdatum: leverdatum ligt in het verleden",
        ),
        (
            f"Van Dijk Koffie B.V.;VDK-250;10;31-12-2099;packaging;{dates.order(1)}",
            "Regel 2, kolom ordernummer: ordernummer bestaat al",
        ),
    ],
)
def test_database_checks_name_line_and_column(manager, db, row, message):
    before = _count(db)
    response = _upload(manager, HEADER + row + "\n")
    assert message in response.get_data(as_text=True)
    assert _count(db) == before


def test_a_missing_column_is_reported_on_the_header_line(manager):
    response = _upload(manager, "klant;artikel;aantal\nVan Dijk Koffie B.V.;VDK-250;10\n")
    assert "Regel 1, kolom leverdatum: deze kolom ontbreekt in het bestand" in response.get_data(
        as_text=True
    )


def test_preview_then_confirm_writes_every_order(manager, db):
    before = _count(db)
    content = HEADER + GOOD + "Groenrijk Tuincentra;GR-PLT;300;2099-12-01;verpakking;\n"
    preview = _upload(manager, content)
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Alle 2 orders importeren" in page
    assert _count(db) == before  # the preview writes nothing
    with manager.session_transaction() as session:
        token = session["import_orders"]["token"]
    confirmed = manager.post("/orders/import/bevestigen", data={"token": token})
    assert confirmed.status_code == 303
    assert _count(db) == before + 2
    assert db.exec(select(ProductionOrder).where(ProductionOrder.number == "IMP-1")).one()
    again = manager.post("/orders/import/bevestigen", data={"token": token})
    assert again.status_code == 303 and _count(db) == before + 2  # a second confirm is refused


def test_uploads_are_limited_in_type_and_size(manager):
    wrong = _upload(manager, "MZ binary", name="virus.exe")
    assert wrong.status_code == 400
    assert "Alleen CSV- of Excelbestanden" in wrong.get_data(as_text=True)
    fake_excel = _upload(manager, b"not a zip", name="orders.xlsx")
    assert "Alleen CSV- of Excelbestanden" in fake_excel.get_data(as_text=True)
    large = _upload(manager, HEADER + "x" * (MAX_UPLOAD_BYTES + 10))
    assert large.status_code == 400
    assert "Het bestand is te groot" in large.get_data(as_text=True)


def test_an_excel_file_imports_too(manager, db):
    import pandas as pd

    buffer = io.BytesIO()
    pd.DataFrame(
        [
            {
                "klant": "Van Dijk Koffie B.V.",
                "artikel": "VDK-250",
                "aantal": "50",
                "leverdatum": "2099-06-30",
                "afdeling": "packaging",
                "ordernummer": "XL-1",
            }
        ]
    ).to_excel(buffer, index=False)
    response = _upload(manager, buffer.getvalue(), name="orders.xlsx")
    assert response.status_code == 200
    assert "XL-1" in response.get_data(as_text=True)
