"""Alembic environment: the URL comes from the app's configuration (DATABASE_URL)."""

from logging.config import fileConfig

from alembic import context
from sqlmodel import SQLModel

import app.tables  # noqa: F401  (registers every table)
from app.db import make_engine

config = context.config
if config.config_file_name is not None and not config.attributes.get("quiet"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = SQLModel.metadata


def _url() -> str:
    from app.config import config_from_env

    return config.attributes.get("url") or config_from_env().DATABASE_URL


def run_migrations_offline() -> None:
    context.configure(
        url=_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            _run_without_foreign_keys(conn)
        else:
            _run(conn)
    engine.dispose()


def _run_without_foreign_keys(conn) -> None:
    """Batch mode changes a SQLite table by copying it and dropping the old one; with foreign
    keys on, that drop would cascade to, null out or be refused by every referencing row.
    The pragma only works outside a transaction; the check afterwards proves nothing broke.
    """
    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    conn.commit()
    _run(conn)
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
    conn.commit()
    if broken:
        raise RuntimeError(f"migration left rows without their parent: {broken[:5]}")


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
