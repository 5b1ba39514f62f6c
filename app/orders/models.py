"""Tables of the orders area: what the workshop reports it made for an order."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from app.models import fk
from inventory.models import utcnow


class ProductionRecord(SQLModel, table=True):
    """Good and rejected units one department reported for an order on one day.

    Several reports per day are allowed (morning and afternoon crews report separately);
    progress and the forecast sum them.
    """

    __tablename__ = "production_record"
    __table_args__ = (
        CheckConstraint("units_made >= 0", name="units_made"),
        CheckConstraint("units_rejected >= 0", name="units_rejected"),
        CheckConstraint("units_made + units_rejected > 0", name="something_reported"),
    )
    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(sa_column=fk("productionorder.id"))
    day: date = Field(index=True)
    units_made: int
    units_rejected: int = 0
    note: str = Field(default="", max_length=300)
    user_id: int | None = Field(
        default=None, sa_column=fk("user.id", nullable=True, ondelete="SET NULL")
    )
    created_at: datetime = Field(default_factory=utcnow)
