from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.conftest import MANAGER


def test_manager_corrects_a_pallet_after_a_count(page, live_server):
    """The htmx steps for real: a refusal swaps in, the difference shows, the booking reloads."""
    login(page, live_server, MANAGER)
    page.goto(f"{live_server}/magazijn/pallets?zoek=A-01-01-1")
    page.locator("tbody a").first.click()
    units = int(page.locator(".facts dd").nth(2).inner_text().split()[0])
    region = page.locator("#correctie")
    region.get_by_label("Geteld aantal stuks").fill(str(units - 3))
    region.get_by_label("Reden").select_option(label="anders")
    region.get_by_role("button", name="Verschil bekijken").click()
    expect(region.locator("#note-error")).to_have_text(
        "Geef een toelichting bij de reden ‘anders’."
    )
    region.get_by_label("Toelichting").fill("Drie dozen nat")
    region.get_by_role("button", name="Verschil bekijken").click()
    expect(region.locator(".confirm-correction")).to_contain_text("-3 stuks")
    region.get_by_role("button", name="Correctie van -3 stuks boeken").click()
    expect(page.locator(".flash-success")).to_contain_text(f"gecorrigeerd naar {units - 3} stuks")
    history = page.locator("table.movements tbody tr").first
    expect(history).to_contain_text("correctie")
    expect(history).to_contain_text("anders: Drie dozen nat")


def test_manager_picks_a_whole_pallet_onto_a_new_shipment(page, live_server):
    """Each pallet row is a form of its own with its own key: the click books that pallet."""
    login(page, live_server, MANAGER)
    page.goto(f"{live_server}/magazijn/zendingen")
    page.get_by_label("Klant", exact=True).select_option(index=1)
    page.get_by_role("button", name="Zending openen").click()
    first_row = page.locator("tbody tr").filter(has=page.get_by_role("button", name="Picken"))
    label = first_row.first.locator("th").inner_text()
    first_row.first.get_by_role("button", name="Picken").click()
    expect(page.locator(".flash-success")).to_contain_text("stuks op de zending gezet")
    expect(page.locator("table").first).to_contain_text(label)
