"""A coach's day in the browser (CSRF on): a progress note, a department's attendance, a report."""

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.conftest import COACH


def test_coach_logs_a_note_registers_attendance_and_downloads_a_report(page, live_server, tmp_path):
    login(page, live_server, COACH)
    page.get_by_role("link", name="Deelnemers").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deelnemers")
    page.locator("#caseload-rows tbody th a").first.click()
    name = page.get_by_role("heading", level=1).inner_text()

    page.get_by_role("link", name="Voortgang", exact=True).click()
    page.get_by_label("Notitie", exact=True).fill("Werkt zelfstandig aan de inpaklijn.")
    page.get_by_label("Stiptheid").select_option("4")
    page.get_by_role("button", name="Notitie opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Notitie opgeslagen.")
    expect(page.locator(".timeline")).to_contain_text("Werkt zelfstandig aan de inpaklijn.")
    expect(page.locator(".score-table")).to_contain_text("4")

    page.goto(f"{live_server}/deelnemers/aanwezigheid?afdeling=packaging&datum=2026-11-30")
    # No roster is published in the demo week: whoever is there is added as a walk-in.
    page.get_by_role("button", name="Toevoegen").click()
    first_row = page.locator("tbody tr").first
    first_row.get_by_label("afwezig").check()
    first_row.locator("input[type=text]").fill("Ziek gemeld")
    page.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Aanwezigheid van")
    expect(page.locator("tbody tr").first.get_by_label("afwezig")).to_be_checked()

    page.goto(f"{live_server}/deelnemers/")
    page.get_by_role("link", name=name.split(" (")[0]).first.click()
    page.get_by_role("link", name="Voortgangsrapport").click()
    page.get_by_label("Samenvatting van de trajectbegeleider").fill("Mooie groei.")
    page.get_by_role("button", name="Samenvatting opslaan").click()
    expect(page.locator(".summary-text")).to_have_text("Mooie groei.")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download als Excel").click()
    path = tmp_path / "rapport.xlsx"
    download_info.value.save_as(path)
    overview = {
        row[0]: row[1] for row in load_workbook(path)["Overzicht"].iter_rows(values_only=True)
    }
    assert overview["Samenvatting van de trajectbegeleider"] == "Mooie groei."


def test_coach_sets_the_contract_and_logs_a_referrer_contact_in_place(page, live_server):
    login(page, live_server, COACH)
    page.get_by_role("link", name="Deelnemers").first.click()
    page.locator("#caseload-rows tbody th a").first.click()

    contract = page.locator("#roostergegevens").get_by_label("Contract: dagdelen per week")
    wanted = "3" if contract.input_value() != "3" else "4"
    contract.fill(wanted)
    page.get_by_role("button", name="Roostergegevens opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Opgeslagen.")
    expect(page.locator("#roostergegevens")).to_contain_text(f"contract van {wanted} dagdelen")

    log = page.locator("#contactlog")
    page.evaluate("window.notReloaded = true")
    log.get_by_role("button", name="Contact vastleggen").click()
    expect(log.locator(".field-error")).to_have_text("Vat het contact kort samen.")
    log.get_by_label("Hoe").select_option(label="overleg")
    log.get_by_label("Samenvatting").fill("Verlofaanvraag besproken met de reclassering.")
    log.get_by_role("button", name="Contact vastleggen").click()
    expect(log).to_contain_text("Contact vastgelegd.")
    expect(log.locator("tbody tr").first).to_contain_text("Verlofaanvraag besproken")
    expect(log.get_by_label("Samenvatting")).to_have_value("")
    assert page.evaluate("window.notReloaded") is True
