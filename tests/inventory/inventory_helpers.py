from sqlmodel import Session, select

from inventory.models import Location
from inventory.putaway import put_away
from inventory.receiving import receive_pallets


def location_id(session: Session, code: str) -> int:
    return session.exec(select(Location.id).where(Location.code == code)).one()


def stored_pallet(session: Session, code: str = "A-01-01-1", units: int = 80) -> int:
    """A committed pallet of article 1 (customer 1) standing at ``code``."""
    [pallet] = receive_pallets(session, 1, 1, units)
    put_away(session, pallet.id, location_id(session, code))
    session.commit()
    return pallet.id
