"""Two workers, two connections, one pallet or one place: numbers stay true.

Each thread has its own engine on the same database (an SQLite file, or
PostgreSQL under TEST_DATABASE_URL), like two web workers. A barrier lines
both up after they have read the pallet, so both act on the same stale
picture and only the guarded UPDATEs keep them honest.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import suppress

import pytest
from sqlmodel import Session, select

from inventory.correcting import correct_units
from inventory.errors import InventoryError
from inventory.models import (
    STOCK_EFFECT,
    Location,
    Pallet,
    PalletStatus,
    Shipment,
    StockMovement,
)
from inventory.picking import pick_units
from inventory.putaway import put_away
from inventory.receiving import receive_pallets, sscc
from inventory.shipping import create_shipment
from tests.inventory.engines import connect, url_of
from tests.inventory.inventory_helpers import location_id, stored_pallet


@pytest.fixture
def session(file_engine) -> Iterator[Session]:
    with Session(file_engine) as session:
        yield session


def race(url: str, work: Callable[[Session, int], bool], workers: int = 2) -> list[int]:
    """Run ``work(session, worker)`` in parallel, each call one transaction.

    A worker stops at its first refusal or when ``work`` says not to go on;
    returns how many transactions each worker committed.
    """
    barrier = threading.Barrier(workers)
    successes = [0] * workers
    failures: list[BaseException] = []

    def worker(index: int) -> None:
        engine = connect(url)
        try:
            with Session(engine) as session:
                while True:
                    session.get(Pallet, 1)
                    with suppress(threading.BrokenBarrierError):
                        barrier.wait(timeout=30)
                    try:
                        again = work(session, index)
                        session.commit()
                    except InventoryError:
                        session.rollback()
                        return
                    successes[index] += 1
                    if not again:
                        return
        except BaseException as error:  # noqa: BLE001 - reported in the main thread
            failures.append(error)
        finally:
            barrier.abort()  # a worker that stops must not hold the other one up
            engine.dispose()

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures
    return successes


def test_concurrent_picks_never_take_more_than_the_pallet_holds(file_engine, session):
    pallet_id = stored_pallet(session, units=100)
    shipments = [create_shipment(session, 1).id for _ in range(2)]
    session.commit()

    def pick(worker_session: Session, worker: int) -> bool:
        pick_units(worker_session, shipments[worker], pallet_id, 7)
        return True

    successes = race(url_of(file_engine), pick)
    session.expire_all()
    left = session.get(Pallet, pallet_id).units
    assert sum(successes) * 7 <= 100
    assert left == 100 - sum(successes) * 7 >= 0
    assert sum(successes) == 14


def test_concurrent_put_aways_into_the_last_free_place_fill_it_once(file_engine, session):
    received = receive_pallets(session, 1, 1, 20, pallets=2)
    session.commit()
    target = location_id(session, "A-02-02-2")

    def store(worker_session: Session, worker: int) -> bool:
        put_away(worker_session, received[worker].id, target)
        return False

    assert sum(race(url_of(file_engine), store)) == 1
    session.expire_all()
    assert session.get(Location, target).occupied == 1
    statuses = sorted(session.get(Pallet, pallet.id).status for pallet in received)
    assert statuses == ["received", "stored"]


def _count_against_pick(url: str, pallet_id: int, counted: int) -> list[int]:
    """Worker 0 picks 7 units, worker 1 books a count of ``counted`` made when 100 were on."""
    with Session(connect(url)) as setup:
        shipment_id = create_shipment(setup, 1).id
        setup.commit()

    def work(worker_session: Session, worker: int) -> bool:
        if worker == 0:
            pick_units(worker_session, shipment_id, pallet_id, 7)
        else:
            correct_units(worker_session, pallet_id, counted, "damage", seen_units=100)
        return False

    return race(url, work)


def _history_total(session: Session, pallet_id: int) -> int:
    movements = session.exec(select(StockMovement).where(StockMovement.pallet_id == pallet_id))
    return sum(m.units * STOCK_EFFECT[m.kind] for m in movements)


def test_a_count_racing_a_pick_never_undoes_the_pick(file_engine, session):
    pallet_id = stored_pallet(session, units=100)
    picked, corrected = _count_against_pick(url_of(file_engine), pallet_id, 60)
    session.expire_all()
    left = session.get(Pallet, pallet_id).units
    assert picked == 1
    # Count first: 60, then the pick takes 7 of them. Pick first: the count of 100 is stale.
    assert (corrected, left) in ((1, 53), (0, 93))
    assert _history_total(session, pallet_id) == left


def test_a_count_of_zero_racing_a_pick_empties_the_pallet_once(file_engine, session):
    pallet_id = stored_pallet(session, "A-01-01-1", units=100)
    picked, corrected = _count_against_pick(url_of(file_engine), pallet_id, 0)
    session.expire_all()
    pallet = session.get(Pallet, pallet_id)
    place = session.get(Location, location_id(session, "A-01-01-1"))
    assert picked + corrected == 1
    if corrected:
        assert (pallet.units, pallet.status, place.occupied) == (0, PalletStatus.PICKED, 0)
    else:
        assert (pallet.units, pallet.status, place.occupied) == (93, PalletStatus.STORED, 1)
    assert _history_total(session, pallet_id) == pallet.units


def test_parallel_receipts_and_shipments_number_apart_and_without_gaps(file_engine, session):
    """Labels and shipment numbers were "highest + 1" read before writing: parallel receipts
    collided on the unique label (a 500). The numbering is now held until commit."""

    def receive_and_open(worker_session: Session, worker: int) -> bool:
        receive_pallets(worker_session, 1, 1, 20, pallets=2)
        create_shipment(worker_session, 1)
        return False

    assert race(url_of(file_engine), receive_and_open, workers=4) == [1] * 4
    labels = session.exec(select(Pallet.label)).all()
    assert sorted(labels) == [sscc(serial) for serial in range(1, 9)]
    numbers = session.exec(select(Shipment.number)).all()
    assert sorted(number[-5:] for number in numbers) == ["00001", "00002", "00003", "00004"]
