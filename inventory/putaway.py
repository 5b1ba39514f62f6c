"""Putting received pallets on a place, and moving stored pallets between places."""

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import case, tuple_
from sqlmodel import Session, select

from inventory.errors import NoFreeLocation, SameLocation
from inventory.guards import fetch
from inventory.models import Location, LocationKind, MovementKind, Pallet, PalletStatus
from inventory.stock import claim_place, record, release_place, transition

# Cold places cost energy and are scarce; only asked-for articles go there.
DEFAULT_KINDS = (LocationKind.RACK, LocationKind.FLOOR)


class SuggestionReason(StrEnum):
    SAME_RACK = "same_rack"
    SAME_AISLE = "same_aisle"
    LOWEST_FREE = "lowest_free"


@dataclass(frozen=True)
class Suggestion:
    location: Location
    reason: SuggestionReason


def suggest_put_away(
    session: Session,
    article_id: int,
    kinds: Collection[str] = DEFAULT_KINDS,
) -> Suggestion:
    """Pick the best free place for a pallet of ``article_id``.

    Ranking, first criterion first:

    1. a rack that already holds this article, then an aisle that does: order
       pickers find one article in one spot, and a customer's stock is counted
       in one walk;
    2. the lowest level: ground places need no reach truck, which most of our
       crew may not drive, and are the safest to work at;
    3. the hall, aisle and rack nearest the dock (hall A, aisle 1, rack 1):
       shorter trips for every later pick.

    Only places of ``kinds`` are considered (no cold places by default).
    """
    stored = (
        select(Location.hall, Location.aisle, Location.rack)
        .join(Pallet, Pallet.location_id == Location.id)
        .where(Pallet.article_id == article_id, Pallet.status == PalletStatus.STORED)
    )
    racks = stored.subquery()
    rank = case(
        (
            tuple_(Location.hall, Location.aisle, Location.rack).in_(
                select(racks.c.hall, racks.c.aisle, racks.c.rack)
            ),
            0,
        ),
        (tuple_(Location.hall, Location.aisle).in_(select(racks.c.hall, racks.c.aisle)), 1),
        else_=2,
    )
    best = session.exec(
        select(Location, rank)
        .where(Location.occupied < Location.capacity, Location.kind.in_(list(kinds)))
        .order_by(rank, Location.level, Location.hall, Location.aisle, Location.rack, Location.id)
        .limit(1)
    ).first()
    if best is None:
        raise NoFreeLocation(scope=f" of kind {', '.join(kinds)}")
    location, position = best
    return Suggestion(location, list(SuggestionReason)[position])


def put_away(
    session: Session,
    pallet_id: int,
    location_id: int | None = None,
    *,
    user: str | None = None,
) -> Location:
    """Store a received pallet on ``location_id``, or on the suggested place."""
    pallet = fetch(session, Pallet, pallet_id)
    if location_id is None:
        location = suggest_put_away(session, pallet.article_id).location
    else:
        location = fetch(session, Location, location_id)
    claim_place(session, location)
    transition(
        session,
        pallet,
        (PalletStatus.RECEIVED,),
        status=PalletStatus.STORED,
        location_id=location.id,
    )
    record(
        session, MovementKind.PUT_AWAY, pallet, pallet.units, to_location_id=location.id, user=user
    )
    session.flush()
    return location


def move_pallet(
    session: Session,
    pallet_id: int,
    to_location_id: int,
    *,
    user: str | None = None,
) -> Location:
    """Move a stored pallet to another place."""
    pallet = fetch(session, Pallet, pallet_id)
    target = fetch(session, Location, to_location_id)
    origin_id = pallet.location_id
    if origin_id == target.id:
        raise SameLocation(pallet=pallet.label, location=target.code)
    claim_place(session, target)
    transition(session, pallet, (PalletStatus.STORED,), location_id=target.id)
    release_place(session, origin_id)
    record(
        session,
        MovementKind.MOVE,
        pallet,
        pallet.units,
        from_location_id=origin_id,
        to_location_id=target.id,
        user=user,
    )
    session.flush()
    return target
