import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from inventory.correcting import check_count, correct_units
from inventory.errors import (
    ConcurrentChange,
    CorrectionNoteMissing,
    CorrectionNoteTooLong,
    InvalidPalletStatus,
    InvalidQuantity,
    NotFound,
    NothingToCorrect,
    PalletOverfull,
    ReasonOnlyLowers,
    ReasonOnlyRaises,
)
from inventory.models import (
    STOCK_EFFECT,
    Location,
    Pallet,
    PalletStatus,
    StockCorrection,
    StockMovement,
)
from inventory.picking import pick_pallet
from inventory.queries import movement_history, stock
from inventory.receiving import receive_pallets
from inventory.shipping import create_shipment
from tests.inventory.inventory_helpers import location_id, stored_pallet


def history_total(session, pallet_id: int) -> int:
    """Stock on hand as the movement history tells it, to compare with the pallet."""
    movements = session.exec(select(StockMovement).where(StockMovement.pallet_id == pallet_id))
    return sum(m.units * STOCK_EFFECT[m.kind] for m in movements)


def test_a_count_that_finds_more_raises_the_pallet_and_records_why(session):
    pallet_id = stored_pallet(session, units=80)
    correction = correct_units(
        session, pallet_id, 85, "found", note="achter de stelling", user="ans"
    )
    session.commit()
    movement = session.get(StockMovement, correction.movement_id)
    assert (movement.kind, movement.units, movement.user_label) == ("correction", 5, "ans")
    assert (correction.reason, correction.note, correction.counted_units) == (
        "found",
        "achter de stelling",
        85,
    )
    assert session.get(Pallet, pallet_id).units == 85 == history_total(session, pallet_id)
    assert [line.units for line in stock(session, customer_id=1)] == [85]


def test_a_count_that_finds_less_lowers_the_pallet_and_the_history_shows_the_reason(session):
    pallet_id = stored_pallet(session, "A-01-02-1", units=80)
    correct_units(session, pallet_id, 77, "count_difference", note="  ")
    session.commit()
    pallet = session.get(Pallet, pallet_id)
    assert (pallet.units, pallet.status) == (77, PalletStatus.STORED)
    assert history_total(session, pallet_id) == 77
    [latest, *_] = movement_history(session, pallet_id=pallet_id).items
    assert (latest.kind, latest.units, latest.reason, latest.note) == (
        "correction",
        -3,
        "count_difference",
        None,
    )
    assert latest.from_location == "A-01-02-1"


def test_a_count_of_zero_empties_the_pallet_and_frees_its_place(session):
    pallet_id = stored_pallet(session, "A-01-01-1", units=80)
    correct_units(session, pallet_id, 0, "damage", note="heftruck")
    session.commit()
    pallet = session.get(Pallet, pallet_id)
    assert (pallet.units, pallet.status, pallet.location_id) == (0, PalletStatus.PICKED, None)
    assert session.get(Location, location_id(session, "A-01-01-1")).occupied == 0
    assert stock(session, customer_id=1) == []
    assert history_total(session, pallet_id) == 0
    with pytest.raises(InvalidPalletStatus):
        correct_units(session, pallet_id, 5, "found")


def test_a_received_pallet_without_a_place_can_be_counted_empty(session):
    [pallet] = receive_pallets(session, 1, 1, 40)
    session.commit()
    correct_units(session, pallet.id, 0, "other", note="nooit aangekomen")
    session.commit()
    assert (pallet.units, pallet.status, pallet.location_id) == (0, PalletStatus.PICKED, None)


@pytest.mark.parametrize(
    ("counted", "reason", "note", "error"),
    [
        (-1, "count_difference", None, InvalidQuantity),
        (80, "count_difference", None, NothingToCorrect),
        (70, "other", "   ", CorrectionNoteMissing),
        (70, "other", "x" * 501, CorrectionNoteTooLong),
        (90, "damage", None, ReasonOnlyLowers),
        (70, "found", None, ReasonOnlyRaises),
        (70, "lost", None, NotFound),
        (101, "found", None, PalletOverfull),
    ],
    ids=[
        "below-zero",
        "no-difference",
        "other-no-note",
        "long-note",
        "damage-up",
        "found-down",
        "unknown-reason",
        "overfull",
    ],
)
def test_impossible_corrections_are_refused_and_change_nothing(
    session, counted, reason, note, error
):
    pallet_id = stored_pallet(session, units=80)
    with pytest.raises(error):
        correct_units(session, pallet_id, counted, reason, note=note)
    session.rollback()
    assert session.get(Pallet, pallet_id).units == 80
    assert session.exec(select(StockCorrection)).all() == []


def test_a_count_is_checked_before_it_is_written(session):
    pallet_id = stored_pallet(session, units=80)
    count = check_count(session, pallet_id, 77, "other", note=" telling ")
    assert (count.seen, count.counted, count.difference, count.note) == (80, 77, -3, "telling")
    assert session.exec(select(StockMovement).where(StockMovement.kind == "correction")).all() == []


def test_a_correction_of_what_is_no_longer_there_is_a_concurrent_change(session):
    pallet_id = stored_pallet(session, units=80)
    with pytest.raises(ConcurrentChange):
        correct_units(session, pallet_id, 70, "count_difference", seen_units=75)
    session.rollback()
    assert session.get(Pallet, pallet_id).units == 80


def test_a_pallet_on_a_shipment_cannot_be_corrected(session):
    pallet_id = stored_pallet(session, units=80)
    pick_pallet(session, create_shipment(session, 1).id, pallet_id)
    session.commit()
    with pytest.raises(InvalidPalletStatus):
        correct_units(session, pallet_id, 70, "count_difference")


def test_the_database_refuses_a_correction_without_its_reason(session):
    pallet_id = stored_pallet(session, units=80)
    correction = correct_units(session, pallet_id, 70, "count_difference")
    session.commit()
    for sql in (
        "UPDATE stock_correction SET reason = 'other', note = NULL WHERE id = :id",
        "UPDATE stock_correction SET reason = 'lost' WHERE id = :id",
        "UPDATE stock_correction SET counted_units = -1 WHERE id = :id",
    ):
        with pytest.raises(IntegrityError):
            session.execute(text(sql), {"id": correction.id})
            session.flush()
        session.rollback()
