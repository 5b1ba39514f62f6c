"""Guarded writes: the only code that changes pallet units, place occupancy and status.

Every change is one conditional UPDATE whose WHERE clause states what must
still be true (room on the place, units on the pallet, the status and place we
read). The database applies it atomically against the latest committed row,
so of two concurrent requests only one can win; the loser sees rowcount 0 and
gets a domain error. The CHECK constraints in ``models`` back this up.

Nothing here commits: the caller owns the transaction and must roll back on
an ``InventoryError``, because an operation may already have done an earlier
guarded write.
"""

from collections.abc import Collection
from typing import Any

from sqlalchemy import Update, update
from sqlmodel import Session

from inventory.errors import (
    ConcurrentChange,
    InsufficientStock,
    InvalidPalletStatus,
    LocationFull,
)
from inventory.models import Location, MovementKind, Pallet, PalletStatus, StockMovement

IN_STOCK = (PalletStatus.RECEIVED, PalletStatus.STORED)


def _applied(session: Session, statement: Update) -> bool:
    result = session.execute(statement, execution_options={"synchronize_session": False})
    return result.rowcount == 1


def claim_place(session: Session, location: Location) -> None:
    """Take one pallet place at ``location`` or raise ``location_full``."""
    claimed = _applied(
        session,
        update(Location)
        .where(Location.id == location.id, Location.occupied < Location.capacity)
        .values(occupied=Location.occupied + 1),
    )
    session.expire(location)
    if not claimed:
        raise LocationFull(location=location.code)


def release_place(session: Session, location_id: int) -> None:
    """Give a place back; the CHECK refuses it if that would go below zero."""
    session.execute(
        update(Location).where(Location.id == location_id).values(occupied=Location.occupied - 1),
        execution_options={"synchronize_session": False},
    )
    loaded = session.identity_map.get(session.identity_key(Location, location_id))
    if loaded is not None:
        session.expire(loaded)


def leave_stock(
    session: Session, pallet: Pallet, *, units_seen: int | None = None, **values: Any
) -> None:
    """The pallet leaves stock (picked empty, picked whole, counted to zero) and gives its
    place back at once, so the place shows as free on the map and in put-away suggestions."""
    origin_id = pallet.location_id
    transition(
        session,
        pallet,
        IN_STOCK,
        units_seen=units_seen,
        status=PalletStatus.PICKED,
        location_id=None,
        **values,
    )
    if origin_id is not None:
        release_place(session, origin_id)


def take_units(session: Session, pallet: Pallet, units: int) -> None:
    """Remove units from a pallet in stock, never below zero."""
    taken = _applied(
        session,
        update(Pallet)
        .where(Pallet.id == pallet.id, Pallet.status.in_(IN_STOCK), Pallet.units >= units)
        .values(units=Pallet.units - units),
    )
    session.expire(pallet)
    if taken:
        return
    if pallet.status not in IN_STOCK:
        raise InvalidPalletStatus(
            pallet=pallet.label, expected="received or stored", actual=pallet.status
        )
    raise InsufficientStock(pallet=pallet.label, units=units)


def transition(
    session: Session,
    pallet: Pallet,
    expected: Collection[PalletStatus],
    *,
    units_seen: int | None = None,
    **values: Any,
) -> None:
    """Change a pallet only if its status and place (and ``units_seen``) are still what we read.

    Guarding on the place too makes two concurrent moves of one pallet
    collide instead of both claiming a destination; guarding on the units
    makes a count collide with a pick booked after the counter looked.
    """
    seen_location = pallet.location_id
    still = [
        Pallet.id == pallet.id,
        Pallet.status.in_(expected),
        Pallet.location_id.is_not_distinct_from(seen_location),
    ]
    if units_seen is not None:
        still.append(Pallet.units == units_seen)
    changed = _applied(session, update(Pallet).where(*still).values(**values))
    session.expire(pallet)
    if changed:
        return
    if pallet.status in expected:
        raise ConcurrentChange(pallet=pallet.label)
    raise InvalidPalletStatus(
        pallet=pallet.label,
        expected=" or ".join(expected),
        actual=pallet.status,
    )


def record(
    session: Session,
    kind: MovementKind,
    pallet: Pallet,
    units: int,
    *,
    from_location_id: int | None = None,
    to_location_id: int | None = None,
    reference: str | None = None,
    user: str | None = None,
) -> StockMovement:
    """Append one line to the movement history."""
    movement = StockMovement(
        kind=kind,
        pallet_id=pallet.id,
        article_id=pallet.article_id,
        customer_id=pallet.customer_id,
        from_location_id=from_location_id,
        to_location_id=to_location_id,
        units=units,
        reference=reference,
        user_label=user,
    )
    session.add(movement)
    return movement
