"""What a customer may see: every query here is scoped to one customer id.

Nothing in this module reads participants, rosters or users: the portal cannot show what
it never loads.
"""

from sqlalchemy import func
from sqlmodel import Session, select

from inventory.models import Shipment, ShipmentLine


def shipments_of(session: Session, customer_id: int) -> list[tuple[Shipment, int, int]]:
    """The customer's shipments, newest first, with their line count and units."""
    rows = session.exec(
        select(
            Shipment, func.count(ShipmentLine.id), func.coalesce(func.sum(ShipmentLine.units), 0)
        )
        .join(ShipmentLine, ShipmentLine.shipment_id == Shipment.id, isouter=True)
        .where(Shipment.customer_id == customer_id)
        .group_by(Shipment.id)
        .order_by(Shipment.created_at.desc())
    ).all()
    return list(rows)


def shipment_of(session: Session, customer_id: int, shipment_id: int) -> Shipment | None:
    """The shipment, or None when it does not exist or belongs to someone else."""
    return session.exec(
        select(Shipment).where(Shipment.id == shipment_id, Shipment.customer_id == customer_id)
    ).first()
