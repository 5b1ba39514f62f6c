"""A manager's month end in the browser (CSRF on): attendance, approval, payroll, invoice."""

import io

from openpyxl import load_workbook
from playwright.sync_api import expect
from sqlmodel import Session, select

from app.db import make_engine
from app.models import Participant
from tests.browser.conftest import login
from tests.conftest import MANAGER


def _detainee(database_url: str) -> Participant:
    engine = make_engine(database_url)
    with Session(engine) as db:
        person = db.exec(
            select(Participant)
            .where(Participant.target_group == "detainee", Participant.active)
            .order_by(Participant.id)
        ).first()
    engine.dispose()
    return person


def _no_sideways_scroll(page) -> bool:
    """The page's own content fits; wide tables scroll inside their frame."""
    return page.evaluate(
        "[...document.querySelectorAll('main > *')]"
        ".every(e => e.getBoundingClientRect().right <= window.innerWidth)"
    )


def test_attendance_to_approved_month_to_payroll_and_invoice(
    page, live_server, database_url, tmp_path
):
    errors, failed = [], []
    # A failed load is reported by its response below (the favicon the app has none of aside).
    page.on(
        "console",
        lambda m: (
            m.type == "error" and "Failed to load resource" not in m.text and errors.append(m.text)
        ),
    )
    page.on(
        "response", lambda r: r.status >= 400 and "favicon" not in r.url and failed.append(r.url)
    )
    person = _detainee(database_url)
    login(page, live_server, MANAGER)

    # Monday 30 November: no roster published, so the detainee is added as a walk-in.
    page.goto(f"{live_server}/deelnemers/aanwezigheid?afdeling=packaging&datum=2026-11-30")
    page.get_by_label("Inloop toevoegen (niet ingeroosterd)").select_option(label=person.full_name)
    page.get_by_role("button", name="Toevoegen").click()
    row = page.locator("tbody tr", has_text=person.full_name)
    expect(row.get_by_label("niet geregistreerd")).to_be_checked()
    row.get_by_label(f"{person.full_name}: aanwezig").check()
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Aanwezigheid van 1 deelnemers")

    page.get_by_role("link", name="Geld").click()
    page.get_by_role("link", name="Tarieven").click()
    page.get_by_label("Soort vergoeding").select_option(label="arbeidsloon (per uur)")
    page.get_by_label("Eenheid").select_option(label="per uur")
    page.get_by_label("Bedrag (€)").fill("3,25")
    page.get_by_label("Geldig vanaf").fill("2026-01-01")
    page.get_by_role("button", name="Tarief opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Tarief opgeslagen.")

    page.get_by_role("link", name="Uren", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uren 11-2026")
    expect(page.locator("tbody tr", has_text=person.full_name)).to_contain_text("3.50")
    page.get_by_role("button", name="Uren goedkeuren").click()
    expect(page.get_by_role("status")).to_contain_text("zijn goedgekeurd en liggen vast")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Loonlijst Excel").click()
    sheet = load_workbook(io.BytesIO(open(download_info.value.path(), "rb").read())).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Code", "Naam", "Soort vergoeding", "Uren", "Dagen", "Bedrag"]
    assert [person.code, person.full_name, "arbeidsloon (per uur)", 3.5, 1, 11.38] in rows

    page.get_by_role("link", name="Trajecten").click()
    page.get_by_label("Deelnemer").select_option(value=str(person.id))
    page.get_by_label("Verwijzer").fill("DJI PI Rotterdam")
    page.get_by_label("Beschikkingsnummer").fill("B-2026-0042")
    page.get_by_label("Soort tarief").select_option(label="per maand")
    page.get_by_label("Tarief (€)").fill("1.250,00")
    page.get_by_label("Van").fill("2026-11-16")
    page.get_by_label("Tot en met").fill("2027-05-15")
    page.get_by_role("button", name="Facturatie opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("opgeslagen")

    page.get_by_role("link", name="Facturen").click()
    page.get_by_role("button", name="Verwijzers factureren over 11-2026").click()
    expect(page.get_by_role("status")).to_contain_text("1 facturen gemaakt.")
    ledger = page.locator("tbody tr", has_text="DJI PI Rotterdam")
    expect(ledger).to_contain_text("€\u00a0625,00")  # 15 of November's 30 days
    expect(ledger).to_contain_text("€\u00a0756,25")
    response = page.request.get(
        live_server + page.get_by_role("link", name="PDF 2026-00001").get_attribute("href")
    )
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    for width, height in ((1366, 768), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        for path in ("/geld/uren?maand=2026-11", "/geld/facturen?maand=2026-11"):
            page.goto(live_server + path)
            page.screenshot(path=str(tmp_path / f"{width}{path.replace('/', '_')}.png"))
            assert _no_sideways_scroll(page), (width, path)
    assert errors == [] and failed == []
