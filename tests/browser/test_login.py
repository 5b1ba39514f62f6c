import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.conftest import COACH, CUSTOMER, MANAGER


@pytest.mark.parametrize(
    ("email", "heading"),
    [(MANAGER, "Overzicht"), (COACH, "Mijn deelnemers"), (CUSTOMER, "Mijn orders")],
)
def test_each_role_lands_on_its_own_start_page(page, live_server, email, heading):
    login(page, live_server, email)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")


def test_wrong_password_shows_a_dutch_message(page, live_server):
    page.goto(f"{live_server}/inloggen")
    page.get_by_label("E-mailadres").fill(MANAGER)
    page.get_by_label("Wachtwoord", exact=True).fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("status")).to_contain_text("E-mailadres of wachtwoord klopt niet.")


def test_language_switches_to_english_and_back(page, live_server):
    login(page, live_server, MANAGER)
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_keyboard_user_can_skip_to_content(page, live_server):
    page.goto(f"{live_server}/inloggen")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
