"""Invoices: trajectories billed only inside their period, gapless numbers under concurrent
runs, Decimal amounts with VAT per line, credit notes, customer production and storage."""

import io
import threading
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, select

from app.money.invoices import credit, lines_of
from app.money.models import (
    ArticlePrice,
    HoursApproval,
    Invoice,
    InvoiceLine,
    StorageRate,
    TrajectoryBilled,
)
from app.money.runs import RunRefused, run_month
from inventory.models import Article, Customer, Pallet, Shipment, ShipmentLine
from tests.conftest import MANAGER
from tests.money.helpers import NOVEMBER, attend, of_group, trajectory

TODAY = date(2026, 12, 2)


def _approve(db) -> None:
    db.add(HoursApproval(month=NOVEMBER))
    db.commit()


def test_no_billing_outside_a_trajectorys_period(db):
    a, b, c, d = of_group(db, "participatiewet", 4)
    trajectory(db, a, "month", "1000.00", date(2026, 11, 10), date(2026, 11, 19))
    trajectory(db, b, "day_present", "45.50", date(2026, 11, 10), date(2026, 11, 20))
    trajectory(db, c, "trajectory", "2500.00", date(2026, 10, 1), date(2027, 3, 31))
    trajectory(db, d, "month", "900.00", date(2026, 6, 1), date(2026, 10, 31))
    for day in (date(2026, 11, 5), date(2026, 11, 12), date(2026, 11, 23)):
        attend(db, b, day)
    attend(db, b, date(2026, 11, 12), time(12, 30), time(16, 0), daypart="pm")
    _approve(db)
    result = run_month(db, NOVEMBER, "referrer", None, TODAY)
    (invoice,) = result.invoices
    lines = {line.participant_id: line for line in lines_of(db, invoice)}
    assert set(lines) == {a.id, b.id}
    assert (lines[a.id].billed_from, lines[a.id].billed_to) == (
        date(2026, 11, 10),
        date(2026, 11, 19),
    )
    assert lines[a.id].net == Decimal("333.33")  # 10 of November's 30 days
    assert (lines[b.id].quantity, lines[b.id].net) == (Decimal("1.000"), Decimal("45.50"))
    assert invoice.net == Decimal("378.83")
    assert invoice.vat == lines[a.id].vat + lines[b.id].vat == Decimal("79.56")  # 9.555 rounds up
    assert invoice.total == invoice.net + invoice.vat


def test_a_billed_month_is_not_billed_again_until_credited(db):
    (a,) = of_group(db, "participatiewet")
    trajectory(db, a, "month", "1000.00", date(2026, 1, 1), date(2027, 1, 1))
    _approve(db)
    (first,) = run_month(db, NOVEMBER, "referrer", None, TODAY).invoices
    assert run_month(db, NOVEMBER, "referrer", None, TODAY).invoices == []
    note = credit(db, first, TODAY, None)
    assert (note.total, note.credit_for_id) == (-first.total, first.id)
    (again,) = run_month(db, NOVEMBER, "referrer", None, TODAY).invoices
    assert [first.number, note.number, again.number] == ["2026-00001", "2026-00002", "2026-00003"]
    db.expire_all()
    assert db.get(Invoice, first.id).total == Decimal("1210.00")  # the original never changes


def test_referrers_wait_for_approved_hours_and_months_for_their_end(db):
    with pytest.raises(RunRefused):
        run_month(db, NOVEMBER, "referrer", None, TODAY)
    with pytest.raises(RunRefused):
        run_month(db, date(2026, 12, 1), "customer", None, TODAY)


def _customers_with_work(db, count: int) -> list[Customer]:
    db.add(
        StorageRate(
            price_per_pallet_day=Decimal("0.4500"),
            vat_rate=Decimal("21"),
            valid_from=date(2026, 1, 1),
        )
    )
    customers = []
    for n in range(count):
        customer = Customer(name=f"Klant {n} BV")
        db.add(customer)
        db.flush()
        article = Article(
            customer_id=customer.id,
            code=f"ART-{n}",
            name="Doos",
            units_per_pallet=100,
            norm_units_per_hour=50,
        )
        db.add(article)
        db.flush()
        db.add(
            ArticlePrice(
                article_id=article.id,
                unit_price=Decimal("0.1234"),
                vat_rate=Decimal("21"),
                valid_from=date(2026, 1, 1),
            )
        )
        pallet = Pallet(
            label=f"T{n:05d}",
            customer_id=customer.id,
            article_id=article.id,
            units=0,
            status="shipped",
            received_at=datetime(2026, 11, 10, 9, tzinfo=UTC),
            shipped_at=datetime(2026, 11, 20, 14, tzinfo=UTC),
        )
        db.add(pallet)
        db.flush()
        shipment = Shipment(
            number=f"Z-T{n}",
            customer_id=customer.id,
            shipped_at=datetime(2026, 11, 20, 14, tzinfo=UTC),
        )
        db.add(shipment)
        db.flush()
        db.add(
            ShipmentLine(
                shipment_id=shipment.id,
                article_id=article.id,
                pallet_id=pallet.id,
                whole_pallet=True,
                units=1001,
            )
        )
        customers.append(customer)
    db.commit()
    return customers


def test_customer_invoice_bills_shipped_units_and_pallet_days(db):
    (customer,) = _customers_with_work(db, 1)
    result = run_month(db, NOVEMBER, "customer", None, TODAY)
    (invoice,) = [i for i in result.invoices if i.customer_id == customer.id]
    lines = {line.description: line for line in lines_of(db, invoice)}
    shipped = lines["ART-0 Doos, geleverd"]
    assert (shipped.quantity, shipped.net, shipped.vat) == (
        Decimal("1001.000"),
        Decimal("123.52"),
        Decimal("25.94"),
    )
    storage = lines["Opslag, palletdagen"]
    assert (storage.quantity, storage.net) == (Decimal("10.000"), Decimal("4.50"))  # 10-19 Nov


def test_invoice_numbers_are_gapless_under_concurrent_runs(app, db):
    people = of_group(db, "participatiewet", 6)
    for n, person in enumerate(people):
        trajectory(
            db,
            person,
            "month",
            "812.37",
            date(2026, 1, 1),
            date(2027, 6, 30),
            referrer=f"Gemeente {n % 3}",
        )
    customers = _customers_with_work(db, 4)
    _approve(db)
    engine = app.extensions["engine"]
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def run(kind: str) -> None:
        try:
            with Session(engine, expire_on_commit=False) as session:
                start.wait()
                run_month(session, NOVEMBER, kind, None, TODAY)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(k,)) for k in ("referrer", "customer") * 4]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    db.expire_all()
    invoices = db.exec(select(Invoice)).all()
    numbers = sorted(int(i.number.split("-")[1]) for i in invoices)
    assert numbers == list(range(1, len(numbers) + 1))
    per_customer = [i.customer_id for i in invoices if i.kind == "customer"]
    assert len(per_customer) == len(set(per_customer)) >= len(customers)
    assert len([i for i in invoices if i.kind == "referrer"]) == 3
    billed = db.exec(select(TrajectoryBilled.trajectory_id)).all()
    assert len(billed) == len(set(billed)) == 6
    per_trajectory = db.exec(
        select(InvoiceLine.participant_id).where(
            InvoiceLine.participant_id.in_([p.id for p in people])
        )
    ).all()
    assert sorted(per_trajectory) == sorted(p.id for p in people)


def test_pdf_spec_and_credit_through_the_pages(client, auth, db):
    (a,) = of_group(db, "participatiewet")
    trajectory(db, a, "month", "1000.00", date(2026, 1, 1), date(2027, 1, 1))
    _approve(db)
    auth.login(MANAGER)
    assert client.post("/geld/facturen/2026-11/referrer").status_code == 302
    invoice = db.exec(select(Invoice)).one()
    pdf = client.get(f"/geld/facturen/{invoice.id}.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    sheet = load_workbook(
        io.BytesIO(client.get(f"/geld/facturen/{invoice.id}/specificatie.xlsx").data)
    ).active
    assert sheet.cell(2, 3).value == f"B-{a.id}" and sheet.cell(2, 9).value == 1000
    assert client.post(f"/geld/facturen/{invoice.id}/crediteren").status_code == 302
    assert client.post(f"/geld/facturen/{invoice.id}/crediteren").status_code == 302
    db.expire_all()
    assert len(db.exec(select(Invoice)).all()) == 2
    ledger = client.get("/geld/facturen/grootboek.csv").get_data(as_text=True).splitlines()
    assert [line.split(";")[6] for line in ledger[1:]] == ["", "2026-00001"]
    assert ledger[2].endswith(";-1000,00;-210,00;-1210,00")
    page = client.get("/geld/facturen?maand=2026-11").get_data(as_text=True)
    assert "creditnota" in page and "2026-00002" in page
    assert client.get("/geld/facturen/99999999999999999999.pdf").status_code == 404
