import pytest

from inventory.errors import (
    CustomerMismatch,
    InsufficientStock,
    InvalidPalletStatus,
    InvalidQuantity,
    ShipmentAlreadyShipped,
    ShipmentEmpty,
)
from inventory.models import (
    STOCK_EFFECT,
    Location,
    Pallet,
    PalletStatus,
    StockMovement,
)
from inventory.picking import pick_pallet, pick_units
from inventory.queries import stock
from inventory.receiving import receive_pallets
from inventory.shipping import create_shipment, packing_list, ship
from tests.inventory.inventory_helpers import location_id, stored_pallet


def test_shipment_numbers_are_generated_unless_given(session):
    first = create_shipment(session, 1)
    second = create_shipment(session, 1, number="KLANT-1", reference="PO 55")
    assert first.number.startswith("UIT-") and first.number.endswith("-00001")
    assert (second.number, second.reference) == ("KLANT-1", "PO 55")


def test_pick_units_takes_stock_and_frees_the_place_when_empty(session):
    pallet_id = stored_pallet(session, "A-01-01-1", units=80)
    shipment = create_shipment(session, 1)
    line = pick_units(session, shipment.id, pallet_id, 30, user="joop")
    assert (line.units, line.whole_pallet) == (30, False)
    assert session.get(Pallet, pallet_id).units == 50
    with pytest.raises(InsufficientStock) as short:
        pick_units(session, shipment.id, pallet_id, 51)
    assert short.value.params == {"pallet": session.get(Pallet, pallet_id).label, "units": 51}
    pick_units(session, shipment.id, pallet_id, 50)
    session.commit()
    pallet = session.get(Pallet, pallet_id)
    assert (pallet.units, pallet.status, pallet.location_id) == (0, PalletStatus.PICKED, None)
    assert session.get(Location, location_id(session, "A-01-01-1")).occupied == 0
    with pytest.raises(InvalidPalletStatus):
        pick_units(session, shipment.id, pallet_id, 1)


def test_pick_refuses_zero_units_and_another_customers_pallet(session):
    pallet_id = stored_pallet(session)
    with pytest.raises(InvalidQuantity):
        pick_units(session, create_shipment(session, 1).id, pallet_id, 0)
    with pytest.raises(CustomerMismatch):
        pick_pallet(session, create_shipment(session, 2).id, pallet_id)


def test_ship_closes_the_shipment_and_lists_what_left(session):
    whole = stored_pallet(session, "A-01-01-1", units=100)
    partial = stored_pallet(session, "A-01-01-2", units=60)
    shipment = create_shipment(session, 1, reference="PO 9")
    with pytest.raises(ShipmentEmpty):
        ship(session, shipment.id)
    pick_pallet(session, shipment.id, whole)
    pick_units(session, shipment.id, partial, 25)
    assert packing_list(session, shipment.id).shipped_at is None
    packed = ship(session, shipment.id, user="driver")
    session.commit()
    assert packed.shipped_at is not None and packed.customer_name == "Bakkerij Jansen"
    assert (packed.total_units, packed.pallet_count) == (125, 1)
    assert {(line.units, line.whole_pallet) for line in packed.lines} == {(100, True), (25, False)}
    assert session.get(Pallet, whole).status == PalletStatus.SHIPPED
    assert session.get(Pallet, partial).status == PalletStatus.STORED
    with pytest.raises(ShipmentAlreadyShipped) as closed:
        pick_units(session, shipment.id, partial, 1)
    assert closed.value.code == "shipment_already_shipped"
    with pytest.raises(ShipmentAlreadyShipped):
        ship(session, shipment.id)


def test_movement_history_adds_up_to_the_stock_on_the_pallets(session):
    stored_pallet(session, "A-01-01-1", units=100)
    pallet_id = stored_pallet(session, "A-01-01-2", units=60)
    receive_pallets(session, 1, 1, 7)
    shipment = create_shipment(session, 1)
    pick_units(session, shipment.id, pallet_id, 20)
    ship(session, shipment.id)
    session.commit()
    from_history = sum(
        movement.units * STOCK_EFFECT[movement.kind]
        for movement in session.query(StockMovement).all()
    )
    [line] = stock(session)
    assert from_history == line.units == 147
