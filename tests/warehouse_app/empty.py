from sqlalchemy import delete
from sqlmodel import Session

from inventory.models import (
    Location,
    Pallet,
    Shipment,
    ShipmentLine,
    StockCorrection,
    StockMovement,
)


def empty_warehouse(db: Session) -> None:
    """Clears the demo warehouse, for tests that need a small layout of their own."""
    for table in (StockCorrection, StockMovement, ShipmentLine, Shipment, Pallet, Location):
        db.exec(delete(table))
    db.commit()
