"""Engines over the warehouse tables: SQLite by default, PostgreSQL when TEST_DATABASE_URL
names one, so the guarded writes are proven on the database production runs on too."""

import os

from sqlalchemy import Engine, event
from sqlalchemy.pool import StaticPool
from sqlmodel import create_engine

from app.db import make_engine

_TEST_URL = os.environ.get("TEST_DATABASE_URL", "")
POSTGRES_URL = _TEST_URL if _TEST_URL.startswith("postgres") else None


def connect(url: str) -> Engine:
    """An engine of its own on the database at ``url``, as each web worker has one."""
    if not url.startswith("sqlite"):
        return make_engine(url)
    in_memory = url == "sqlite://"
    engine = create_engine(
        url, connect_args={"timeout": 30}, poolclass=StaticPool if in_memory else None
    )
    event.listen(engine, "connect", lambda conn, _: conn.execute("PRAGMA foreign_keys=ON"))
    return engine


def url_of(engine: Engine) -> str:
    """The URL another engine needs to reach the same database, password included."""
    return engine.url.render_as_string(hide_password=False)
