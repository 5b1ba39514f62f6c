"""Fresh test databases from one migrated demo template, on SQLite or PostgreSQL.

`TEST_DATABASE_URL=postgresql://user:pw@host/name` runs the suite on PostgreSQL: the
template is built once as `<name>_template` and each test gets its own copy
(`CREATE DATABASE ... TEMPLATE`), just as each SQLite test gets a copied file.
"""

import shutil
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.db import create_all, make_engine
from app.demo import load_demo
from app.migrate import upgrade


def _build(url: str) -> None:
    upgrade(url)
    engine = make_engine(url)
    # No-op once migrations are complete (tests/foundation/test_migrations.py checks that);
    # until then, tables of an area still in the making are created from the models.
    create_all(engine)
    with Session(engine) as session:
        load_demo(session)
    engine.dispose()


class SqliteDatabases:
    def __init__(self, folder: Path):
        self._template = folder / "demo.db"
        _build(f"sqlite:///{self._template}")

    def fresh(self, folder: Path) -> str:
        path = folder / "fabriek.db"
        shutil.copy(self._template, path)
        return f"sqlite:///{path}"

    def drop(self, url: str) -> None:
        Path(make_url(url).database).unlink(missing_ok=True)


class PostgresServer:
    """Empty databases of their own next to the one the URL names, made over an admin login.

    Tests that build their own tables (the warehouse logic) need no demo template.
    """

    def __init__(self, url: str):
        self._url = make_url(url)
        self._admin = make_engine(
            self._url.set(database="postgres").render_as_string(hide_password=False)
        ).execution_options(isolation_level="AUTOCOMMIT")

    def empty(self) -> str:
        return self._create("")

    def drop(self, url: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))

    def _create(self, clause: str) -> str:
        name = f"{self._url.database}_{uuid.uuid4().hex[:10]}"
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" {clause}'))
        return self._url_of(name)

    def _recreate(self, name: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))

    def _url_of(self, name: str) -> str:
        return self._url.set(database=name).render_as_string(hide_password=False)


class PostgresDatabases(PostgresServer):
    """Copies of the demo template, one made ahead while a test runs and dropped in the
    background: creating and dropping a database is most of a PostgreSQL test's time
    (0.7 s of 0.9 s), and the server can do it while the test's own Python runs."""

    def __init__(self, url: str):
        super().__init__(url)
        self._template = f"{self._url.database}_template"
        self._recreate(self._template)
        _build(self._url_of(self._template))
        self._worker = ThreadPoolExecutor(max_workers=1)
        self._next = self._worker.submit(self._copy)
        self._drops: list[Future] = []

    def fresh(self, _folder: Path) -> str:
        url = self._next.result()
        self._next = self._worker.submit(self._copy)
        return url

    def drop(self, url: str) -> None:
        self._drops.append(self._worker.submit(super().drop, url))

    def close(self) -> None:
        """Drop the copy made ahead; a background drop that failed fails the run here."""
        self.drop(self._next.result())
        self._worker.shutdown(wait=True)
        for dropped in self._drops:
            dropped.result()

    def _copy(self) -> str:
        return self._create(f'TEMPLATE "{self._template}"')
