import pytest

from inventory.errors import (
    InvalidPalletStatus,
    LocationFull,
    NoFreeLocation,
    SameLocation,
)
from inventory.models import Location, MovementKind, PalletStatus, StockMovement
from inventory.putaway import SuggestionReason, move_pallet, put_away, suggest_put_away
from inventory.receiving import receive_pallets
from tests.inventory.inventory_helpers import location_id, stored_pallet


def test_empty_warehouse_suggests_lowest_level_nearest_the_dock(session):
    suggestion = suggest_put_away(session, 1)
    assert (suggestion.location.code, suggestion.reason) == ("A-01-01-1", "lowest_free")


def test_suggestion_keeps_an_article_together_before_going_low(session):
    stored_pallet(session, "A-02-02-2")
    suggestion = suggest_put_away(session, 1)
    assert suggestion.location.code == "A-02-02-1"
    assert suggestion.reason == SuggestionReason.SAME_RACK
    stored_pallet(session, "A-02-02-1")
    suggestion = suggest_put_away(session, 1)
    assert (suggestion.location.code, suggestion.reason) == ("A-02-01-1", "same_aisle")
    assert suggest_put_away(session, 2).location.code == "A-01-01-1"


def test_suggestion_skips_cold_places_unless_asked_and_reports_a_full_warehouse(session):
    assert suggest_put_away(session, 1, kinds=("cold",)).location.code == "B-01-01-1"
    for code in (
        "A-01-01-1",
        "A-01-01-2",
        "A-01-02-1",
        "A-01-02-2",
        "A-02-01-1",
        "A-02-01-2",
        "A-02-02-1",
        "A-02-02-2",
        "C-01-01-1",
        "C-01-01-1",
    ):
        stored_pallet(session, code, units=1)
    with pytest.raises(NoFreeLocation) as full:
        suggest_put_away(session, 1)
    assert full.value.code == "no_free_location"


def test_put_away_uses_the_suggestion_and_records_the_movement(session):
    [pallet] = receive_pallets(session, 1, 1, 40)
    location = put_away(session, pallet.id, user="anna")
    session.commit()
    assert location.code == "A-01-01-1" and location.occupied == 1
    assert (pallet.status, pallet.location_id) == (PalletStatus.STORED, location.id)
    movement = session.query(StockMovement).filter_by(kind=MovementKind.PUT_AWAY).one()
    assert (movement.to_location_id, movement.units) == (location.id, 40)
    assert movement.user_label == "anna"


def test_put_away_refuses_a_full_place_and_a_stored_pallet(session):
    pallet_id = stored_pallet(session, "A-01-01-1")
    [other] = receive_pallets(session, 1, 1, 10)
    with pytest.raises(LocationFull) as full:
        put_away(session, other.id, location_id(session, "A-01-01-1"))
    assert full.value.params == {"location": "A-01-01-1"}
    session.rollback()
    with pytest.raises(InvalidPalletStatus):
        put_away(session, pallet_id, location_id(session, "A-02-01-1"))


def test_floor_place_takes_as_many_pallets_as_its_capacity(session):
    stored_pallet(session, "C-01-01-1")
    stored_pallet(session, "C-01-01-1")
    assert session.get(Location, location_id(session, "C-01-01-1")).occupied == 2


def test_move_frees_the_old_place_and_fills_the_new_one(session):
    pallet_id = stored_pallet(session, "A-01-01-1")
    move_pallet(session, pallet_id, location_id(session, "A-02-02-2"), user="kees")
    session.commit()
    assert session.get(Location, location_id(session, "A-01-01-1")).occupied == 0
    assert session.get(Location, location_id(session, "A-02-02-2")).occupied == 1
    movement = session.query(StockMovement).filter_by(kind=MovementKind.MOVE).one()
    assert movement.from_location_id == location_id(session, "A-01-01-1")
    with pytest.raises(SameLocation):
        move_pallet(session, pallet_id, location_id(session, "A-02-02-2"))


def test_move_refuses_a_pallet_that_is_not_stored(session):
    [pallet] = receive_pallets(session, 1, 1, 10)
    with pytest.raises(InvalidPalletStatus) as wrong:
        move_pallet(session, pallet.id, location_id(session, "A-02-02-2"))
    assert wrong.value.params["actual"] == "received"
