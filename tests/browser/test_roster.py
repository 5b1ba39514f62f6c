"""The manager plans the demo week in a browser: plan, adjust, pin, re-plan, publish, export."""

import io
import os
import re
from pathlib import Path

import pandas as pd
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.conftest import MANAGER

WEEK = "2026-W49"
# The README's screenshot is refreshed only on request: UPDATE_SCREENSHOTS=1 make test.
DOCS_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "week-view.png"


def _plan(page, version: int) -> None:
    page.get_by_role("button", name="Plan de week").click()
    expect(page.get_by_text(f"Versie {version} — concept")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Planning klaar")).to_be_visible()


def test_manager_plans_adjusts_publishes_and_exports(page, live_server, tmp_path):
    login(page, live_server, MANAGER)
    page.goto(f"{live_server}/rooster/{WEEK}")
    _plan(page, 1)

    grid = page.locator(".roster-grid")
    reception = page.locator("#afd-reception")
    chip = reception.locator("a.chip").first
    name = chip.inner_text().split(" ")[0]
    chip.click()
    panel = page.get_by_role("dialog")
    panel.get_by_label("Afdeling").select_option(label="Groenvoorziening")
    panel.get_by_role("button", name="Verplaatsen").click()
    outcome = panel.locator(".edit-outcome")
    expect(outcome).to_be_visible()
    outcome_text = outcome.inner_text()
    assert outcome_text.startswith("Geweigerd: ") or "Wijziging opgeslagen." in outcome_text
    page.keyboard.press("Escape")

    # A move that breaks a hard rule: into a department that is closed on Friday afternoon.
    chip = grid.locator("a.chip").first
    chip.click()
    panel.get_by_label("Afdeling").select_option(label="Groenvoorziening")
    panel.get_by_label("Naar dag", exact=True).select_option(label="vrijdag")
    panel.get_by_label("Naar dagdeel").select_option(label="middag")
    # The first move may have been refused too: wait for this move's answer, not the old one.
    with page.expect_response(lambda response: "/wijzig" in response.url):
        panel.get_by_role("button", name="Verplaatsen").click()
    expect(panel.locator(".outcome-refused")).to_contain_text(re.compile(r"Geweigerd: .+"))
    page.keyboard.press("Escape")

    chip = grid.locator("a.chip").first
    pinned_name = chip.inner_text().split(" vast")[0]
    chip.click()
    panel.get_by_role("button", name="Vastzetten").click()
    expect(panel.get_by_text("Wijziging opgeslagen.")).to_be_visible()
    page.keyboard.press("Escape")
    expect(grid.locator("a.chip", has_text=" vast").first).to_be_visible()

    _plan(page, 2)
    expect(grid.locator("a.chip", has_text=" vast").first).to_contain_text(pinned_name)
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("Versie 2 is gepubliceerd.")).to_be_visible()
    page.set_viewport_size({"width": 1600, "height": 1000})
    screenshot = DOCS_SCREENSHOT if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path / "week.png"
    page.screenshot(path=str(screenshot), full_page=False)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download Excel").click()
    data = Path(download_info.value.path()).read_bytes()
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, header=2)
    assert {"Deelnemers", "Verpakking", "Receptie"} <= set(sheets)
    assert sheets["Deelnemers"]["Deelnemer"].str.startswith(name).any()
