"""Backup and restore of the database with its attachments: `flask backup PATH`,
`flask restore PATH`.

A backup is one tar archive: the database (`database.sqlite`, or `database.pgdump` in
pg_dump's custom format, so it can also be restored by hand) and the attachments folder
(`attachments/`). Both work while the application runs. SQLite is copied with its online
backup API, which yields a consistent snapshot even while requests write.

A restore replaces everything, so it refuses a database that holds data unless the caller
forces it, and it first checks that the archive's database is this application's: at the
schema revision this code expects, with exactly its tables. Any other SQLite file or dump
is refused before anything is touched.
"""

import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, table
from sqlalchemy.engine import URL, make_url
from sqlmodel import SQLModel

import app.tables  # noqa: F401  (every table in the metadata, to know what a backup holds)
from app import dataversion
from app.db import make_engine
from app.migrate import alembic_config

# Written by the migrations themselves: a freshly migrated database is still empty.
BOOKKEEPING = {"alembic_version"}
ATTACHMENTS = "attachments"
DATABASE_MEMBER = {"sqlite": "database.sqlite", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why."""


def backup(database_url: str, path: Path, attachments: Path) -> None:
    """Write the database and the attachments folder to `path`, replacing it only once the
    new archive is complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    url = make_url(database_url)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        dump = Path(work) / DATABASE_MEMBER[_backend(url)]
        if _is_sqlite(url):
            _sqlite_copy(url.database, dump)
        else:
            _run_pg("pg_dump", url, "--format=custom", "--file", str(dump))
        partial = Path(work) / "archive.tar"
        with tarfile.open(partial, "w") as archive:
            archive.add(dump, arcname=dump.name)
            archive.add(_existing(attachments), arcname=ATTACHMENTS)
        partial.replace(path)


def restore(database_url: str, path: Path, attachments: Path, *, force: bool = False) -> int:
    """Replace the database's contents and the attachments folder with the backup at
    `path`; the number of attachment files restored."""
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    url = make_url(database_url)
    attachments.parent.mkdir(parents=True, exist_ok=True)
    # Unpacked next to the attachments folder, so putting it in place is a rename.
    with tempfile.TemporaryDirectory(dir=attachments.parent, prefix=".restore-") as work:
        dump, files = _unpack(path, Path(work), _backend(url))
        _check_schema(url, dump)
        rows = sum(row_counts(database_url).values())
        if rows and not force:
            raise BackupError(
                f"The database holds {rows} rows; restoring would replace them. "
                "Use --force to overwrite it."
            )
        _restore_database(url, dump)
        _replace_folder(files, attachments)
    _renew_data_version(database_url)
    return sum(1 for f in attachments.rglob("*") if f.is_file())


def _unpack(path: Path, work: Path, backend: str) -> tuple[Path, Path]:
    """The archive's database and attachments folder, unpacked into `work`."""
    expected = DATABASE_MEMBER[backend]
    try:
        with tarfile.open(path) as archive:
            names = archive.getnames()
            if expected not in names:
                raise BackupError(
                    f"{path} is not a Fabriek backup for this database: it lacks {expected}."
                )
            unknown = [n for n in names if n != expected and n.split("/")[0] != ATTACHMENTS]
            if unknown:
                raise BackupError(f"{path} holds files no backup has: {', '.join(unknown[:5])}.")
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(work, filter="data")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{path} is not a Fabriek backup: {error}") from error
    return work / expected, _existing(work / ATTACHMENTS)


def _check_schema(url: URL, dump: Path) -> None:
    """Refuse a database that is not this application's at the revision this code expects."""
    revision, tables = _sqlite_schema(dump) if _is_sqlite(url) else _pg_schema(dump)
    head = ScriptDirectory.from_config(alembic_config(url.render_as_string())).get_current_head()
    if revision != head:
        raise BackupError(
            f"The backup's schema revision is {revision or 'missing'}; this version of Fabriek "
            f"expects {head}. Restore it with the version that made it."
        )
    expected = set(SQLModel.metadata.tables) | BOOKKEEPING
    if tables != expected:
        missing, extra = sorted(expected - tables), sorted(tables - expected)
        raise BackupError(
            f"The backup's tables differ from this version's: missing {missing or 'none'}, "
            f"unknown {extra or 'none'}."
        )


def _sqlite_schema(dump: Path) -> tuple[str | None, set[str]]:
    _check_sqlite_file(dump)
    with closing(sqlite3.connect(f"file:{dump}?mode=ro", uri=True)) as conn:
        tables = {
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        if "alembic_version" not in tables:
            return None, tables
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return (row[0] if row else None), tables


# A table in pg_restore's list: "215; 1259 16390 TABLE public user fabriek".
PG_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) ", re.M)


def _pg_schema(dump: Path) -> tuple[str | None, set[str]]:
    listing = _pg_output("--list", str(dump))
    tables = {name.strip('"') for _schema, name in PG_TABLE.findall(listing)}
    data = _pg_output("--data-only", "--table=alembic_version", "--file=-", str(dump))
    # The rows follow "COPY public.alembic_version (version_num) FROM stdin;" up to "\.".
    match = re.search(r"^COPY \S*alembic_version .*?;\n(.*?)\n\\\.", data, re.M | re.S)
    return (match.group(1).strip() if match else None), tables


def _restore_database(url: URL, dump: Path) -> None:
    if _is_sqlite(url):
        _sqlite_copy(str(dump), Path(url.database))
        return
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
        str(dump),
    )


def _replace_folder(source: Path, target: Path) -> None:
    """Put `source` where `target` is; the old folder goes only once the new one is there."""
    old = target.with_name(f".{target.name}-before-restore")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    source.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _existing(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


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


def _backend(url: URL) -> str:
    name = url.get_backend_name()
    if name not in DATABASE_MEMBER:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {name}.")
    return name


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


def _tool(name: str) -> str:
    if shutil.which(name) is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return name


def _pg_output(*args: str) -> str:
    """What pg_restore prints about a dump file (no database is touched)."""
    done = subprocess.run([_tool("pg_restore"), *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"The backup's database is not a readable dump: {done.stderr.strip()}")
    return done.stdout


def _run_pg(tool: str, url: URL, *args: str) -> None:
    """Run a PostgreSQL tool against `url`; the password goes through the environment, never
    the command line, where any user of the machine could read it."""
    env = os.environ | {
        "PGHOST": url.host or "localhost",
        "PGPORT": str(url.port or 5432),
        "PGUSER": url.username or "",
        "PGPASSWORD": url.password or "",
        "PGDATABASE": url.database or "",
    }
    done = subprocess.run([_tool(tool), *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{tool} failed: {done.stderr.strip()}")
