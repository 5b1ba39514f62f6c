from playwright.sync_api import expect
from sqlmodel import Session, create_engine, func, select

from inventory.models import Pallet
from tests.browser.conftest import login
from tests.conftest import MANAGER


def _pallets(database_url: str) -> int:
    engine = create_engine(database_url)
    with Session(engine) as session:
        count = session.exec(select(func.count()).select_from(Pallet)).one()
    engine.dispose()
    return count


def test_one_receipt_form_sent_twice_at_once_is_booked_once(page, live_server, database_url):
    """The form as the browser shows it (its hidden key, its CSRF token) posted twice at
    once, as a double click over a slow connection does: one receipt."""
    login(page, live_server, MANAGER)
    page.goto(f"{live_server}/magazijn/ontvangst")
    before = _pallets(database_url)
    page.get_by_label("Klant en artikel").select_option(index=1)
    page.get_by_label("Aantal stuks").fill("10")
    page.get_by_label("Aantal pallets").fill("2")
    statuses = page.locator("form.narrow").evaluate(
        """f => Promise.all([1, 2].map(() =>
            fetch(location.href, {method: "POST", body: new FormData(f)}).then(r => r.status)))"""
    )
    assert statuses == [200, 200]
    assert _pallets(database_url) == before + 2


def test_a_receipt_larger_than_the_warehouse_is_refused_in_view(page, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, live_server, MANAGER)
    page.goto(f"{live_server}/magazijn/ontvangst")
    page.get_by_label("Klant en artikel").select_option(index=1)
    page.get_by_label("Aantal stuks").fill("2000000000")
    page.keyboard.press("Enter")
    refusal = page.locator(".flash-error")
    expect(refusal).to_contain_text("één ontvangst is hoogstens 1200 pallets")
    assert refusal.evaluate("e => e.getBoundingClientRect().bottom <= innerHeight")
    page.screenshot(path="/tmp/hs_receipt_390.png")
