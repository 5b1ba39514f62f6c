"""Backup and restore of the whole database: `flask backup PATH`, `flask restore PATH`.

Both work while the application runs. SQLite is copied with its online backup API, which
yields a consistent snapshot even while requests write. PostgreSQL goes through its own
tools, pg_dump and pg_restore in the custom format, so a dump can also be restored by hand.
A restore replaces everything in the target database, so it refuses a database that holds
data unless the caller forces it.
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from pathlib import Path

from sqlalchemy import func, inspect, select, table
from sqlalchemy.engine import URL, make_url

from app import dataversion
from app.db import make_engine

# Written by the migrations themselves: a freshly migrated database is still empty.
BOOKKEEPING = {"alembic_version"}


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why."""


def backup(database_url: str, path: Path) -> None:
    """Write the database to `path`, replacing it only once the new copy is complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".backup-", delete=False) as tmp:
        partial = Path(tmp.name)
    try:
        url = make_url(database_url)
        if _is_sqlite(url):
            _sqlite_copy(url.database, partial)
        else:
            _run_pg("pg_dump", url, "--format=custom", "--file", str(partial))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def restore(database_url: str, path: Path, *, force: bool = False) -> None:
    """Replace the database's contents with the backup at `path`."""
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    rows = sum(row_counts(database_url).values())
    if rows and not force:
        raise BackupError(
            f"The database holds {rows} rows; restoring would replace them. "
            "Use --force to overwrite it."
        )
    url = make_url(database_url)
    if _is_sqlite(url):
        _check_sqlite_file(path)
        _sqlite_copy(str(path), Path(url.database))
    else:
        _run_pg(
            "pg_restore",
            url,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            url.database,
            str(path),
        )
    _renew_data_version(database_url)


def _renew_data_version(database_url: str) -> None:
    """Web workers may hold pages cached under the restored database's version number."""
    engine = make_engine(database_url)
    try:
        dataversion.renew(engine)
    finally:
        engine.dispose()


def row_counts(database_url: str) -> dict[str, int]:
    """Rows per table (bookkeeping tables left out): to tell an empty database, and to
    report what a restore brought back."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            names = [n for n in inspect(conn).get_table_names() if n not in BOOKKEEPING]
            return {
                name: conn.execute(select(func.count()).select_from(table(name))).scalar_one()
                for name in sorted(names)
            }
    finally:
        engine.dispose()


def _is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def _sqlite_copy(source: str, target: Path) -> None:
    if source in (None, "", ":memory:"):
        raise BackupError("An in-memory SQLite database cannot be backed up or restored.")
    if not Path(source).is_file():
        raise BackupError(f"No SQLite database at {source}.")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _check_sqlite_file(path: Path) -> None:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not an SQLite backup: {error}") from error
    if result != "ok":
        raise BackupError(f"{path} is damaged: {result}")


def _run_pg(tool: str, url: URL, *args: str) -> None:
    """Run a PostgreSQL tool against `url`; the password goes through the environment, never
    the command line, where any user of the machine could read it."""
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed (Debian: apt-get install postgresql-client).")
    env = os.environ | {
        "PGHOST": url.host or "localhost",
        "PGPORT": str(url.port or 5432),
        "PGUSER": url.username or "",
        "PGPASSWORD": url.password or "",
        "PGDATABASE": url.database or "",
    }
    done = subprocess.run([tool, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip()}")
