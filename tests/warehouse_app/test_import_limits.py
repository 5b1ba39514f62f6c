"""Imports never tie up a worker (issue 18, point 9) and never pass a preview the confirm fails.

A 90 KB workbook of 200,000 rows took 98 s and answered 11 MB. Now a file of more than
MAX_ROWS lines, a line wider than MAX_COLUMNS cells and a workbook that unpacks past
MAX_UNPACKED_BYTES are refused after reading a little of them, and the preview lists the
first rows with the totals.
"""

import io
import time

import openpyxl
import pytest
from sqlmodel import func, select

from app.models import ProductionOrder
from inventory.models import Pallet
from inventory.tabular import MAX_COLUMNS, MAX_ROWS
from tests.conftest import MANAGER

NOTICE_LINE = "Van Dijk Koffie B.V.;VDK-250;10\n"
ORDER_HEADER = "klant;artikel;aantal;leverdatum;afdeling\n"
# A few seconds at most on this shared machine; before the limits this took minutes.
QUICK = 5.0


@pytest.fixture
def manager(client, auth):
    auth.login(MANAGER)
    return client


def _upload(client, path: str, content: bytes, name: str):
    started = time.monotonic()
    response = client.post(
        path, data={"file": (io.BytesIO(content), name)}, content_type="multipart/form-data"
    )
    return response, time.monotonic() - started


def _workbook(rows: int) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["klant", "artikel", "aantal"])
    for _ in range(rows):
        sheet.append(["A", "B", 1])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_workbook_of_many_rows_is_refused_quickly(manager):
    content = _workbook(60_000)
    response, took = _upload(manager, "/magazijn/import", content, "aanmelding.xlsx")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and took < QUICK
    assert f"Het bestand heeft meer dan {MAX_ROWS} regels." in page
    assert len(response.data) < 50_000


def test_a_workbook_that_unpacks_to_a_huge_sheet_is_too_large(manager):
    content = _workbook(180_000)
    assert len(content) < 2 * 1024 * 1024
    response, took = _upload(manager, "/magazijn/import", content, "aanmelding.xlsx")
    assert response.status_code == 400 and took < QUICK
    assert "Het bestand is te groot" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "content",
    [
        ";".join(f"kolom{n}" for n in range(150_000)) + "\n",
        ";" * 1_900_000 + "\n" + ";" * 1_000,
        "klant;artikel;aantal\n" + "A;B;1" + ";" * MAX_COLUMNS + "\n",
    ],
    ids=["wide header", "one line of separators", "one wide line"],
)
def test_a_csv_with_a_wide_line_is_refused_quickly(manager, content):
    response, took = _upload(manager, "/magazijn/import", content.encode(), "aanmelding.csv")
    assert response.status_code == 400 and took < QUICK
    assert f"meer dan {MAX_COLUMNS} kolommen" in response.get_data(as_text=True)


def test_a_csv_of_many_lines_is_refused_quickly(manager):
    content = "klant;artikel;aantal\n" + "A;B;1\n" * 200_000
    response, took = _upload(manager, "/magazijn/import", content.encode(), "aanmelding.csv")
    assert response.status_code == 400 and took < QUICK
    assert f"meer dan {MAX_ROWS} regels" in response.get_data(as_text=True)


def test_a_full_file_previews_its_first_rows_and_confirms_them_all(manager, db):
    content = "klant;artikel;aantal\n" + NOTICE_LINE * MAX_ROWS
    response, took = _upload(manager, "/magazijn/import", content.encode(), "aanmelding.csv")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and took < QUICK
    assert f"De eerste 200 van {MAX_ROWS} regels." in page
    assert page.count("<td>VDK-250</td>") == 200
    assert f"Alle {MAX_ROWS} regels in ontvangst boeken" in page
    before = db.exec(select(func.count(Pallet.id))).one()
    with manager.session_transaction() as session:
        token = session["import_inbound"]["token"]
    started = time.monotonic()
    confirmed = manager.post("/magazijn/import/bevestigen", data={"token": token})
    assert confirmed.status_code == 303 and time.monotonic() - started < 3 * QUICK
    assert db.exec(select(func.count(Pallet.id))).one() == before + MAX_ROWS


def test_a_file_of_many_errors_lists_the_first_with_the_total(manager):
    content = "klant;artikel;aantal\n" + "Onbekend;X;1\n" * MAX_ROWS
    response, _took = _upload(manager, "/magazijn/import", content.encode(), "aanmelding.csv")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f"{MAX_ROWS} fout(en) in het bestand" in page
    assert f"en nog {MAX_ROWS - 100} fout(en)" in page


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Van Dijk Koffie B.V.;VDK-250;100000000000000000000;31-12-2099;packaging", "te groot"),
        ("Van Dijk Koffie B.V.;VDK-250;2147483648;31-12-2099;packaging", "te groot"),
        ("Van Dijk Koffie B.V.;VDK-250;10;01-01-0001;packaging", "niet tussen 2000 en 2100"),
        ("Van Dijk Koffie B.V.;VDK-250;10;31-12-9999;packaging", "niet tussen 2000 en 2100"),
        ("Van Dijk Koffie B.V.;VDK-250;" + "9" * 5000 + ";31-12-2099;packaging", "te groot"),
    ],
)
def test_an_order_line_the_database_cannot_hold_fails_the_preview(manager, db, line, message):
    before = db.exec(select(func.count(ProductionOrder.id))).one()
    response, _took = _upload(manager, "/orders/import", (ORDER_HEADER + line).encode(), "o.csv")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and message in page
    assert "importeren</button>" not in page
    assert db.exec(select(func.count(ProductionOrder.id))).one() == before
