"""A pick and a shipment of the same shipment: the pallet ends on the shipment and leaves with
it, or stays in stock, never on a shipment that already left.

Each side has its own engine, as two web workers do. One side is held just before its
first write while the other runs to its commit: the interleaving that left pallets in limbo
(a line on a shipped shipment, status `picked` for ever) in 20 of 30 rounds of the probe.
"""

import threading
from collections.abc import Callable

from sqlalchemy import Engine, event
from sqlmodel import Session, select

from inventory.errors import InventoryError
from inventory.models import Pallet, PalletStatus, ShipmentLine
from inventory.picking import pick_pallet
from inventory.shipping import create_shipment, ship
from tests.inventory.engines import connect, url_of
from tests.inventory.inventory_helpers import stored_pallet

SETTLED = {(PalletStatus.STORED, False), (PalletStatus.SHIPPED, True)}


def _open_shipment_with_a_line(session: Session) -> tuple[int, int]:
    """A shipment with one pallet picked onto it, and a second pallet still in stock."""
    shipment_id = create_shipment(session, 1).id
    pick_pallet(session, shipment_id, stored_pallet(session, "A-01-01-1"))
    session.commit()
    return shipment_id, stored_pallet(session, "A-01-01-2")


def _held_at_first_write(engine: Engine, work: Callable[[Session], object]) -> tuple:
    """Run `work` in a thread that stops just before its first write until released."""
    reached, release = threading.Event(), threading.Event()
    outcome: list[object] = []

    @event.listens_for(engine, "before_cursor_execute")
    def hold(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith(("UPDATE", "INSERT")) and not reached.is_set():
            reached.set()
            release.wait(30)

    def run() -> None:
        with Session(engine) as session:
            try:
                work(session)
                session.commit()
                outcome.append("done")
            except InventoryError as error:
                session.rollback()
                outcome.append(error.code)

    thread = threading.Thread(target=run)
    thread.start()
    assert reached.wait(30)
    return thread, release, outcome


def _settled(session: Session, shipment_id: int, pallet_id: int) -> tuple[str, bool]:
    session.expire_all()
    line = session.exec(
        select(ShipmentLine).where(
            ShipmentLine.shipment_id == shipment_id, ShipmentLine.pallet_id == pallet_id
        )
    ).first()
    return session.get(Pallet, pallet_id).status, line is not None


def test_a_pick_held_while_the_shipment_leaves_is_refused(file_engine):
    with Session(file_engine) as session:
        shipment_id, pallet_id = _open_shipment_with_a_line(session)
    picker = connect(url_of(file_engine))
    thread, release, outcome = _held_at_first_write(
        picker, lambda s: pick_pallet(s, shipment_id, pallet_id)
    )
    with Session(connect(url_of(file_engine))) as shipper:
        ship(shipper, shipment_id)
        shipper.commit()
    release.set()
    thread.join(30)
    picker.dispose()
    with Session(file_engine) as session:
        assert _settled(session, shipment_id, pallet_id) == (PalletStatus.STORED, False)
    assert outcome == ["shipment_already_shipped"]


def test_a_shipment_held_while_a_pick_books_takes_the_picked_pallet_along(file_engine):
    with Session(file_engine) as session:
        shipment_id, pallet_id = _open_shipment_with_a_line(session)
    shipper = connect(url_of(file_engine))
    thread, release, outcome = _held_at_first_write(shipper, lambda s: ship(s, shipment_id))
    picked: list[str] = []

    def pick() -> None:
        with Session(connect(url_of(file_engine))) as picker:
            try:
                pick_pallet(picker, shipment_id, pallet_id)
                picker.commit()
                picked.append("done")
            except InventoryError as error:
                picked.append(error.code)

    # Bounded: a pick that has to wait for the held shipment goes on once it is released.
    picking = threading.Thread(target=pick)
    picking.start()
    picking.join(3)
    release.set()
    picking.join(30)
    thread.join(30)
    shipper.dispose()
    with Session(file_engine) as session:
        assert _settled(session, shipment_id, pallet_id) in SETTLED
    assert outcome == ["done"]
