"""Shared fixtures: an app on a fresh copy of the migrated demo database, and logins.

The demo database is built once per run (migrations + demo data) and copied for each
test, so every test starts from the same known workshop and can write freely.
"""

import shutil
from pathlib import Path

import pytest
from sqlmodel import Session

from app import create_app
from app.config import TestConfig
from app.db import create_all, make_engine
from app.demo import load_demo
from app.migrate import upgrade
from data.generator import DEMO_PASSWORD


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "demo.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = make_engine(url)
    # No-op once migrations are complete (tests/foundation/test_migrations.py checks that);
    # until then, tables of an area still in the making are created from the models.
    create_all(engine)
    with Session(engine) as session:
        load_demo(session)
    engine.dispose()
    return path


def make_app(database: Path, **overrides):
    config = type("Config", (TestConfig,), {"DATABASE_URL": f"sqlite:///{database}", **overrides})
    return create_app(config)


@pytest.fixture
def app(demo_db_template, tmp_path):
    database = tmp_path / "fabriek.db"
    shutil.copy(demo_db_template, database)
    app = make_app(database)
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
