"""Browser tests: Debian's Chromium driven by Playwright against a live app on loopback.

A missing browser fails the run on purpose: `make test` installs it, and CI must never
pass by silently skipping the browser.
"""

import os
import threading

import pytest
from werkzeug.serving import make_server

from tests.conftest import make_app

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def live_server(database_url):
    """The app on a free loopback port, CSRF on as in production."""
    yield from _serve(database_url)


@pytest.fixture
def empty_live_server(empty_database_url):
    """The same on an install without the demo: one admin, made by `create-user`."""
    yield from _serve(empty_database_url)


def _serve(database_url: str):
    app = make_app(database_url, WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    app.extensions["engine"].dispose()


def login(page, base_url: str, email: str) -> None:
    from data.generator import DEMO_PASSWORD

    page.goto(f"{base_url}/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
