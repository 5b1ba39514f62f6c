"""Every page of the menu on a 390 px phone: the page never scrolls sideways (a wide table
scrolls inside its own frame) and a table is still a table to a screen reader."""

import pytest

from tests.browser.conftest import login
from tests.conftest import ADMIN, COACH, CUSTOMER, MANAGER

PHONE = {"width": 390, "height": 844}


def _menu(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(".menu a", "links => links.map(a => a.getAttribute('href'))")
    return [base + href for href in dict.fromkeys(hrefs)]


@pytest.mark.parametrize("who", [MANAGER, ADMIN, COACH, CUSTOMER])
def test_every_menu_page_fits_a_phone(browser, live_server, who):
    page = browser.new_page(viewport=PHONE)
    login(page, live_server, who)
    wide = []
    for url in _menu(page, live_server):
        page.goto(url)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            wide.append(url)
        assert page.get_by_role("table").count() == page.locator("table").count(), url
    assert not wide
    page.close()
