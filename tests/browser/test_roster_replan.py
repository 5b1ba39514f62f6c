"""Issue 20, points 4 and 5 in the browser, keyboard only: a gap re-plan after publishing
and an absence says which version it started from and pins nothing, so a later full plan
can still change the week."""

from datetime import timedelta

from playwright.sync_api import expect

from tests import dates
from tests.browser.conftest import login
from tests.conftest import MANAGER

WEEK = dates.WEEK


def _press(page, name: str) -> None:
    """Focus a button by its accessible name and press Enter, as a keyboard user does."""
    page.get_by_role("button", name=name).focus()
    page.keyboard.press("Enter")


def test_a_gap_replan_pins_nothing_and_says_where_it_started(page, live_server):
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, live_server, MANAGER)
    page.goto(f"{live_server}/rooster/{WEEK}")
    _press(page, "Plan de week")
    expect(page.get_by_text("Versie 1 — concept")).to_be_visible(timeout=60_000)
    _press(page, "Publiceren")
    expect(page.get_by_text("Versie 1 is gepubliceerd.")).to_be_visible()

    absence = page.locator("#afwezigheid")
    chip = page.locator(".roster-grid a.chip").first
    name = chip.inner_text().split(" ")[0]
    participant = absence.get_by_label("Deelnemer")
    participant.select_option(label=next(
        option for option in participant.locator("option").all_inner_texts()
        if option.startswith(name)))
    absence.get_by_label("Van").fill(dates.MONDAY.isoformat())
    absence.get_by_label("Tot en met").fill((dates.MONDAY + timedelta(days=4)).isoformat())
    absence.get_by_label("Tot en met").press("Enter")
    expect(page.get_by_text("Gaten door afwezigheid")).to_be_visible()

    _press(page, "Herplan alleen de gaten")
    expect(page.get_by_text("Versie 2 — concept")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Herplanning van de gaten, gestart vanaf versie 1.")).to_be_visible()
    expect(page.locator(".roster-grid a.chip", has_text=" vast")).to_have_count(0)

    _press(page, "Plan de week")
    expect(page.get_by_text("Versie 3 — concept")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Gestart vanaf versie 2.")).to_be_visible()
