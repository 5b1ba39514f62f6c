"""Look-ups and argument checks that every operation starts with."""

from typing import TypeVar

from sqlalchemy import func, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, SQLModel, select

from inventory.errors import InvalidQuantity, NotFound
from inventory.models import SerialLock

M = TypeVar("M", bound=SQLModel)


def fetch(session: Session, model: type[M], key: int) -> M:
    """Load a row or raise ``not_found``, so callers never handle ``None``."""
    row = session.get(model, key)
    if row is None:
        raise NotFound(entity=model.__tablename__, key=key)
    return row


def require_at_least(field: str, value: int, minimum: int = 1) -> None:
    if value < minimum:
        raise InvalidQuantity(field=field, minimum=minimum, value=value)


def hold_numbering(session: Session, name: str) -> None:
    """Hold the numbering of ``name`` until this transaction ends.

    "Highest + 1" is only right while nobody else is numbering: two receipts or orders at
    once read the same highest number and the second collided on the unique label (a 500).
    This write locks the kind's row on PostgreSQL and takes SQLite's write lock, so the
    next one waits and then reads the highest number this one committed. Unlike a database
    sequence, a rolled-back transaction leaves no gap in the numbers customers see.
    """
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(SerialLock).values(name=name).on_conflict_do_nothing())
    session.execute(
        update(SerialLock).where(SerialLock.name == name).values(name=SerialLock.name),
        execution_options={"synchronize_session": False},
    )


def next_serial(session: Session, model: type[SQLModel]) -> int:
    """The number after the highest id, for human-readable labels and numbers.

    The caller holds the numbering of ``model`` from here until it commits, so no other
    request can hand out the same number meanwhile.
    """
    hold_numbering(session, model.__tablename__)
    highest = session.exec(select(func.coalesce(func.max(model.id), 0))).one()
    return highest + 1
