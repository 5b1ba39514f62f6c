"""The data version: one number that moves whenever data a cached page shows may have changed.

Pages that are costly to build (the roster week view) are cached per process, keyed by this
version: one single-row SELECT per request tells whether the cached copy still holds. That
is only correct if no write can forget to move it, so it is moved here, centrally, by
session events: every transaction that wrote to a table outside `NOT_SHOWN` increments it in
the same transaction, just before it commits. The change and the new number become visible
together, in every process and on every machine that shares the database.

Writes made on every page read or by background progress (the audit log records each read
of a participant file, login attempts, the solver job's progress row) are excluded, or no
cached page would survive a minute under load. A table not in that list moves the version:
a new table invalidates by default. Writes must go through a Session (ORM objects,
`session.execute` of ORM or Core statements); a bare engine connection is not seen.

The row also holds an `epoch`, a random token replaced by `renew()` after a restore: a
restored database carries an older number, which must never match a copy cached before.
"""

import logging
import uuid
import weakref
from dataclasses import dataclass

from sqlalchemy import BigInteger, CheckConstraint, Column, event, inspect, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction, object_mapper
from sqlalchemy.sql import Executable, TableClause, insert, select
from sqlmodel import Field, SQLModel

log = logging.getLogger(__name__)

# Tables no cached page reads, written on reads or while the solver runs. The week view
# reads its solver job fresh on every request, so the job's progress needs no new version.
NOT_SHOWN = frozenset(
    {
        "dataversion",
        "auditentry",
        "login_attempt",
        "login_lock_release",
        "login_session",
        "solverjob",
    }
)
ROW_ID = 1
# Session.info keys: the transaction wrote something shown (until it ends), and its
# increment is still to be made (until the commit makes it).
_WROTE = "dataversion.wrote"
_PENDING = "dataversion.pending"


class DataVersion(SQLModel, table=True):
    """The single row (id 1) holding the current data version."""

    __table_args__ = (CheckConstraint(f"id = {ROW_ID}", name="single_row"),)
    id: int = Field(default=ROW_ID, primary_key=True)
    epoch: str = Field(max_length=32)
    number: int = Field(default=1, sa_column=Column(BigInteger, nullable=False))


@dataclass(frozen=True)
class Version:
    epoch: str
    number: int


def current(session: Session) -> Version | None:
    """The committed data version, or None when a cache must not be used: the row is not
    there yet, or this session holds writes of its own that are not committed."""
    if not _has_table(session.connection()):
        return None
    row = session.execute(select(DataVersion.epoch, DataVersion.number)).first()
    if row is None or session.info.get(_WROTE):
        return None
    return Version(row.epoch, row.number)


def renew(engine: Engine) -> None:
    """A new epoch (and number): after a restore, no cached copy may be taken for current."""
    with engine.begin() as connection:
        if _has_table(connection):
            _increment(connection, epoch=uuid.uuid4().hex)


def _increment(connection: Connection, epoch: str | None = None) -> None:
    """`number + 1` in one atomic UPDATE (on PostgreSQL the row lock orders writers, held
    only from here to their commit); the row is created by the first write if missing."""
    table = DataVersion.__table__
    values = {"number": table.c.number + 1} | ({"epoch": epoch} if epoch else {})
    if connection.execute(update(table).values(values)).rowcount:
        return
    row = {"id": ROW_ID, "epoch": epoch or uuid.uuid4().hex, "number": 1}
    if not connection.execute(_insert_if_missing(connection, row)).rowcount:
        connection.execute(update(table).values(values))


def _insert_if_missing(connection: Connection, row: dict) -> Executable:
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(connection.dialect.name)
    if dialect is None:
        return insert(DataVersion.__table__).values(row)
    return dialect.insert(DataVersion.__table__).values(row).on_conflict_do_nothing()


_TABLE_FOUND: "weakref.WeakKeyDictionary[Engine, bool]" = weakref.WeakKeyDictionary()


def _has_table(connection: Connection) -> bool:
    """Until the migration that creates the table has run, there is nothing to move and
    nothing may be cached. Only a found table is remembered, so a database migrated while
    this process runs is noticed at once."""
    engine = connection.engine
    if _TABLE_FOUND.get(engine):
        return True
    found = inspect(connection).has_table(DataVersion.__tablename__)
    if not found and engine not in _TABLE_FOUND:
        log.warning("table %s is missing: pages are not cached", DataVersion.__tablename__)
    _TABLE_FOUND[engine] = found
    return found


def _shown(tables) -> bool:
    return any(table.name not in NOT_SHOWN for table in tables)


def _wrote(session: Session) -> None:
    session.info[_WROTE] = True
    session.info[_PENDING] = True


def _after_flush(session: Session, _context) -> None:
    changed = [*session.new, *session.deleted]
    changed += [obj for obj in session.dirty if session.is_modified(obj)]
    if any(_shown(object_mapper(obj).tables) for obj in changed):
        _wrote(session)


def _on_execute(state: ORMExecuteState) -> None:
    """UPDATE/INSERT/DELETE statements run through the session (conditional updates, bulk
    inserts) never pass a flush; any other statement that is not a SELECT counts as a write."""
    statement = state.statement
    if statement.is_select:
        return
    table = getattr(statement, "table", None) if statement.is_dml else None
    if not isinstance(table, TableClause) or _shown([table]):
        _wrote(state.session)


def _before_commit(session: Session) -> None:
    """Also runs when a savepoint is released: its increment then joins the outer transaction."""
    session.flush()
    if session.info.pop(_PENDING, False) and _has_table(session.connection()):
        _increment(session.connection())


def _after_soft_rollback(session: Session, previous: SessionTransaction) -> None:
    """A savepoint rolled back may have taken an increment with it: increment again."""
    if previous.nested and session.info.get(_WROTE):
        session.info[_PENDING] = True


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_WROTE, None)
        session.info.pop(_PENDING, None)


event.listen(Session, "after_flush", _after_flush)
event.listen(Session, "do_orm_execute", _on_execute)
event.listen(Session, "before_commit", _before_commit)
event.listen(Session, "after_soft_rollback", _after_soft_rollback)
event.listen(Session, "after_transaction_end", _after_transaction_end)
