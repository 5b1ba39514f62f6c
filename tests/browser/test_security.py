"""In a real browser the Content-Security-Policy blocks nothing the pages need, and htmx works."""

from playwright.sync_api import expect
from sqlmodel import Session

from app.db import make_engine
from app.security.models import LoginAttempt
from tests.browser.conftest import login
from tests.conftest import ADMIN, COACH, MANAGER

PAGES = ["/", "/rooster/2026-W49", "/deelnemers/", "/orders/", "/magazijn/", "/beheer/audit"]


def test_pages_run_under_the_policy_without_violations(page, live_server):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    login(page, live_server, MANAGER)
    for path in PAGES:
        page.goto(f"{live_server}{path}")
        assert page.evaluate("typeof window.htmx") == "object"
        assert page.evaluate("htmx.config.includeIndicatorStyles") is False
    page.goto(f"{live_server}/deelnemers/")
    with page.expect_request(lambda request: request.headers.get("hx-request") == "true"):
        page.get_by_label("Zoek op naam").fill("a")
    assert violations == []


def test_admin_lifts_a_lock_with_htmx_and_the_user_logs_in(page, live_server, database_url):
    engine = make_engine(database_url)
    with Session(engine) as session:
        for _ in range(5):
            session.add(LoginAttempt(email=COACH, ip="192.0.2.1"))
        session.commit()
    engine.dispose()
    login(page, live_server, ADMIN)
    page.get_by_role("link", name="Inlogblokkades").click()
    row = page.get_by_role("row", name=COACH)
    expect(row).to_contain_text("5")
    with page.expect_request(lambda request: request.headers.get("hx-request") == "true"):
        row.get_by_role("button", name=f"Ontgrendelen {COACH}").click()
    expect(page.locator("#lockout-list")).to_contain_text(f"Blokkade van {COACH} opgeheven")
    expect(page.get_by_role("row", name=COACH)).to_have_count(0)
    page.get_by_role("button", name="Uitloggen").click()
    login(page, live_server, COACH)
    expect(page.get_by_role("heading", name="Mijn deelnemers")).to_be_visible()
