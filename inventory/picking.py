"""Outbound picks: units or whole pallets leave stock onto an open shipment."""

from sqlmodel import Session

from inventory.errors import CustomerMismatch
from inventory.guards import fetch, require_at_least
from inventory.models import MovementKind, Pallet, Shipment, ShipmentLine
from inventory.shipping import open_shipment
from inventory.stock import leave_stock, record, take_units


def _pallet_for(session: Session, shipment: Shipment, pallet_id: int) -> Pallet:
    pallet = fetch(session, Pallet, pallet_id)
    if pallet.customer_id != shipment.customer_id:
        raise CustomerMismatch(
            what=f"pallet {pallet.label}",
            actual=pallet.customer_id,
            expected=shipment.customer_id,
        )
    return pallet


def _book(
    session: Session,
    shipment: Shipment,
    pallet: Pallet,
    units: int,
    from_location_id: int | None,
    user: str | None,
    *,
    whole_pallet: bool,
) -> ShipmentLine:
    line = ShipmentLine(
        shipment_id=shipment.id,
        article_id=pallet.article_id,
        pallet_id=pallet.id,
        units=units,
        whole_pallet=whole_pallet,
    )
    session.add(line)
    record(
        session,
        MovementKind.PICK,
        pallet,
        units,
        from_location_id=from_location_id,
        reference=shipment.number,
        user=user,
    )
    session.flush()
    return line


def pick_units(
    session: Session,
    shipment_id: int,
    pallet_id: int,
    units: int,
    *,
    user: str | None = None,
) -> ShipmentLine:
    """Take ``units`` off a pallet for a shipment.

    A pallet picked empty gives its place back at once, so the place shows as
    free on the map and in put-away suggestions.
    """
    shipment = open_shipment(session, shipment_id)
    pallet = _pallet_for(session, shipment, pallet_id)
    require_at_least("units", units)
    take_units(session, pallet, units)
    origin_id = pallet.location_id
    if pallet.units == 0:
        leave_stock(session, pallet)
    return _book(session, shipment, pallet, units, origin_id, user, whole_pallet=False)


def pick_pallet(
    session: Session,
    shipment_id: int,
    pallet_id: int,
    *,
    user: str | None = None,
) -> ShipmentLine:
    """Put a whole pallet on a shipment; it leaves its place for the dock."""
    shipment = open_shipment(session, shipment_id)
    pallet = _pallet_for(session, shipment, pallet_id)
    origin_id = pallet.location_id
    leave_stock(session, pallet)
    # Read after the guarded write: no concurrent pick can change it any more.
    return _book(session, shipment, pallet, pallet.units, origin_id, user, whole_pallet=True)
