"""Running `inventory` operations from a request: one transaction, a Dutch refusal.

Every inventory operation leaves committing to its caller and may already have written
when it refuses, so a refusal must roll back the whole request before saying why.
"""

from collections.abc import Callable
from typing import TypeVar

from flask import flash
from flask_login import current_user
from sqlmodel import Session, select

from app.warehouse.messages import inventory_message
from inventory.errors import InventoryError, NotFound
from inventory.models import Location, Pallet

T = TypeVar("T")


def attempt(db: Session, operation: Callable[[], T]) -> T | None:
    """Commit what `operation` did, or roll back and flash its refusal and return None."""
    try:
        result = operation()
    except InventoryError as error:
        db.rollback()
        flash(inventory_message(error), "error")
        return None
    db.commit()
    return result


def actor() -> str:
    """Who did it, as the movement history shows it."""
    return current_user.name[:100]


def location_by_code(db: Session, code: str) -> Location:
    code = code.strip().upper()
    location = db.exec(select(Location).where(Location.code == code)).first()
    if location is None:
        raise NotFound(entity="location", key=code)
    return location


def pallet_by_label(db: Session, label: str) -> Pallet:
    label = label.strip()
    pallet = db.exec(select(Pallet).where(Pallet.label == label)).first()
    if pallet is None:
        raise NotFound(entity="pallet", key=label)
    return pallet
