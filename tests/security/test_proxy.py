"""PROXY_COUNT: behind reverse proxies the lock-out counts the client's address from
X-Forwarded-For; without proxies the header is ignored, as any client can send it."""

import pytest
from flask import request
from sqlmodel import Session, select

from app.auth.access import public
from app.security.models import LoginAttempt
from data.generator import DEMO_PASSWORD
from tests.conftest import MANAGER, make_app

PROXY = "10.0.0.2"
GUESSER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"


@pytest.fixture
def proxied(database_url):
    def build(count: int):
        app = make_app(database_url, PROXY_COUNT=count)
        apps.append(app)
        return app

    apps = []
    yield build
    for app in apps:
        app.extensions["engine"].dispose()


def attempt(client, email, password, forwarded_for):
    return client.post(
        "/inloggen",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": PROXY},
        headers={"X-Forwarded-For": forwarded_for},
    )


def guess_until_locked(app, forwarded_for):
    client = app.test_client()
    for n in range(app.config["LOGIN_MAX_FAILURES_PER_IP"]):
        assert attempt(client, f"gok{n}@fabriek.test", "Fout-1", forwarded_for).status_code == 401


def recorded_addresses(app) -> set[str]:
    with Session(app.extensions["engine"]) as session:
        return set(session.exec(select(LoginAttempt.ip)).all())


def test_behind_one_proxy_the_forwarded_address_is_locked_not_the_proxy(proxied):
    app = proxied(1)
    guess_until_locked(app, GUESSER)
    assert recorded_addresses(app) == {GUESSER}
    assert attempt(app.test_client(), MANAGER, DEMO_PASSWORD, GUESSER).status_code == 429
    assert attempt(app.test_client(), MANAGER, DEMO_PASSWORD, COLLEAGUE).status_code == 302


def test_only_the_address_the_proxy_added_is_trusted(proxied):
    """A guesser's own X-Forwarded-For arrives first in the list; the proxy appends the
    real address, and that last one is what counts."""
    app = proxied(1)
    client = app.test_client()
    for n in range(app.config["LOGIN_MAX_FAILURES_PER_IP"]):
        forged = f"192.0.2.{n}, {GUESSER}"
        assert attempt(client, f"gok{n}@fabriek.test", "Fout-1", forged).status_code == 401
    assert recorded_addresses(app) == {GUESSER}
    assert attempt(client, MANAGER, DEMO_PASSWORD, f"192.0.2.99, {GUESSER}").status_code == 429


def test_without_proxies_the_header_is_ignored_so_it_cannot_be_spoofed(proxied):
    app = proxied(0)
    client = app.test_client()
    for n in range(app.config["LOGIN_MAX_FAILURES_PER_IP"]):
        assert attempt(client, f"gok{n}@fabriek.test", "Fout-1", f"192.0.2.{n}").status_code == 401
    assert recorded_addresses(app) == {PROXY}
    assert attempt(client, MANAGER, DEMO_PASSWORD, COLLEAGUE).status_code == 429


@pytest.mark.parametrize(
    ("count", "seen"), [(1, "https://fabriek.example/"), (0, "http://localhost/")]
)
def test_scheme_and_host_come_from_the_proxy_only_behind_one(proxied, count, seen):
    """Secure cookies and absolute links need the scheme the browser used at the proxy."""
    app = proxied(count)
    app.add_url_rule("/waar", "where", public(lambda: request.host_url))
    response = app.test_client().get(
        "/waar", headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "fabriek.example"}
    )
    assert response.get_data(as_text=True) == seen


def test_a_negative_count_refuses_to_start(database_url):
    with pytest.raises(RuntimeError, match="PROXY_COUNT"):
        make_app(database_url, PROXY_COUNT=-1)
