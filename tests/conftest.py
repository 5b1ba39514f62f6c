"""Shared fixtures: an app on a fresh copy of the migrated demo database, and logins.

The demo database is built once per run (migrations + demo data) and copied for each
test, so every test starts from the same known workshop and can write freely. Set
TEST_DATABASE_URL to a PostgreSQL URL to run the same tests on PostgreSQL.
"""

import os
import tempfile

import pytest
import time_machine
from sqlmodel import Session

from app import create_app
from app.config import TestConfig
from app.migrate import upgrade
from data.generator import DEMO_PASSWORD
from tests import dates
from tests.databases import PostgresDatabases, PostgresServer, SqliteDatabases


# The whole run lives on one date, whatever day it is started: the demo is seeded in that
# date's week and every page is read on it. FABRIEK_TEST_NOW moves the run to another date
# (tests/foundation/test_any_day.py runs the date-sensitive tests that way).
@pytest.fixture(scope="session", autouse=True)
def test_clock():
    with time_machine.travel(dates.NOW, tick=True):
        yield


@pytest.fixture(scope="session")
def databases(tmp_path_factory):
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith("postgres"):
        databases = PostgresDatabases(url)
        yield databases
        databases.close()
    else:
        yield SqliteDatabases(tmp_path_factory.mktemp("template"))


@pytest.fixture
def database_url(databases, tmp_path):
    """A database of its own for this test, holding the migrated demo workshop."""
    url = databases.fresh(tmp_path)
    yield url
    databases.drop(url)


@pytest.fixture
def empty_database_url(tmp_path):
    """A migrated database holding nothing but one admin, made as a workshop would: with the
    `create-user` command. The start of an install without the demo."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    server = PostgresServer(url) if url.startswith("postgres") else None
    url = server.empty() if server else f"sqlite:///{tmp_path / 'empty.db'}"
    upgrade(url)
    app = make_app(url)
    result = app.test_cli_runner().invoke(
        args=[
            "create-user",
            "--email",
            EMPTY_ADMIN,
            "--name",
            "Eerste Beheerder",
            "--role",
            "admin",
            "--password",
            DEMO_PASSWORD,
        ]
    )
    app.extensions["engine"].dispose()
    assert result.exit_code == 0, result.output
    yield url
    if server:
        server.drop(url)


def make_app(database_url: str, **overrides):
    # A folder of its own for uploads: parallel runs on other dates would otherwise clean up
    # each other's parked previews as stale.
    overrides.setdefault("UPLOAD_FOLDER", tempfile.mkdtemp(prefix="fabriek-uploads-"))
    config = type("Config", (TestConfig,), {"DATABASE_URL": database_url, **overrides})
    return create_app(config)


@pytest.fixture
def app(database_url):
    app = make_app(database_url)
    yield app
    app.extensions["engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    """A session on the test database for arranging and asserting outside requests."""
    with Session(app.extensions["engine"], expire_on_commit=False) as session:
        yield session


class Auth:
    def __init__(self, client):
        self._client = client

    def login(self, email: str, password: str = DEMO_PASSWORD):
        return self._client.post("/inloggen", data={"email": email, "password": password})

    def logout(self):
        return self._client.post("/uitloggen")


@pytest.fixture
def auth(client) -> Auth:
    return Auth(client)


MANAGER = "manager@fabriek.test"
ADMIN = "admin@fabriek.test"
COACH = "coach@fabriek.test"
OTHER_COACH = "coach2@fabriek.test"
CUSTOMER = "klant@fabriek.test"
OTHER_CUSTOMER = "klant2@fabriek.test"
REFERRER = "verwijzer@fabriek.test"
EMPTY_ADMIN = "beheer@werkplaats.test"
