"""A manager importing a file too long for one go is told so, and a full file previews in part."""

import pytest
from playwright.sync_api import expect

from inventory.tabular import MAX_ROWS
from tests.browser.conftest import login
from tests.conftest import MANAGER

LINE = "Van Dijk Koffie B.V.;VDK-250;10\n"


def _choose(page, tmp_path, lines: int) -> None:
    path = tmp_path / "aanmelding.csv"
    path.write_text("klant;artikel;aantal\n" + LINE * lines)
    page.get_by_label("Bestand (CSV of Excel, maximaal 2 MB)").set_input_files(path)
    page.get_by_role("button", name="Voorvertoning").click()


def _in_view(locator) -> bool:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight }"
    )


@pytest.mark.parametrize("width", [1366, 390])
def test_too_long_a_file_is_refused_in_view_and_a_full_one_previews_in_part(
    browser, live_server, tmp_path, width
):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    login(page, live_server, MANAGER)
    page.goto(f"{live_server}/magazijn/import")

    _choose(page, tmp_path, MAX_ROWS + 1)
    refusal = page.get_by_text(f"Het bestand heeft meer dan {MAX_ROWS} regels.")
    expect(refusal).to_be_visible()
    assert _in_view(refusal)

    _choose(page, tmp_path, MAX_ROWS)
    # The preview is a new page: wait for it rather than read the one being left.
    shown = page.get_by_text(f"De eerste 200 van {MAX_ROWS} regels.")
    expect(shown).to_be_visible()
    assert _in_view(shown)
    expect(page.locator("tbody tr")).to_have_count(200)
    button = page.get_by_role("button", name=f"Alle {MAX_ROWS} regels in ontvangst boeken")
    expect(button).to_be_visible()
    context.close()
