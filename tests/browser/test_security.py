"""In a real browser the Content-Security-Policy blocks nothing the pages need, and htmx works."""

from tests.browser.conftest import login
from tests.conftest import MANAGER

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
