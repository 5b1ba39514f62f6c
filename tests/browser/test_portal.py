
from playwright.sync_api import expect
from sqlmodel import Session, select

from app.db import make_engine
from app.models import ProductionOrder
from app.orders.production import register_production
from tests import dates
from tests.browser.conftest import login
from tests.conftest import CUSTOMER


def _report_production(database_url: str, number: str, units: int) -> None:
    engine = make_engine(database_url)
    with Session(engine) as session:
        order = session.exec(select(ProductionOrder).where(ProductionOrder.number == number)).one()
        register_production(session, order, dates.TODAY, units)
        session.commit()
    engine.dispose()


def test_customer_checks_an_order_in_the_portal(page, live_server, database_url):
    _report_production(database_url, dates.order(3), 3500)
    login(page, live_server, CUSTOMER)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn orders").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn orders")
    page.get_by_role("link", name=dates.order(3)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Order {dates.order(3)}")
    expect(page.locator(".order-status")).to_have_text("in productie")
    expect(page.locator(".order-progress")).to_contain_text("25% (3500 / 14000)")
    expect(page.get_by_text("Groenrijk")).to_have_count(0)
