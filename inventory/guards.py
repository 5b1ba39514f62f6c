"""Look-ups and argument checks that every operation starts with."""

from typing import TypeVar

from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from inventory.errors import InvalidQuantity, NotFound

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


def next_serial(session: Session, model: type[SQLModel]) -> int:
    """The number after the highest id, for human-readable labels and numbers.

    No counter table is needed: two requests racing for one serial collide on
    the unique label or number, and the loser can simply be retried.
    """
    highest = session.exec(select(func.coalesce(func.max(model.id), 0))).one()
    return highest + 1
