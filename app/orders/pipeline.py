"""The status pipeline of a production order, and the only code that changes a status.

An order moves one step forward at a time (received → planned → in production → ready →
shipped) or is cancelled while not yet shipped; it never moves back, because customers
see every step with its time in the portal and a step taken back would rewrite that story.
"""

from sqlalchemy import update
from sqlmodel import Session

from app.models import OrderStatusChange, ProductionOrder

PIPELINE = ("received", "planned", "in_production", "ready", "shipped")
FINAL = ("shipped", "cancelled")


class StatusRefused(Exception):
    """A change the pipeline does not allow; `current` and `wanted` are status codes."""

    def __init__(self, current: str, wanted: str) -> None:
        self.current, self.wanted = current, wanted
        super().__init__(f"{current} -> {wanted} is not allowed")


def next_statuses(status: str) -> tuple[str, ...]:
    """The statuses an order in `status` may move to, forward step first."""
    if status in FINAL:
        return ()
    forward = PIPELINE[PIPELINE.index(status) + 1]
    return (forward, "cancelled")


def change_status(
    session: Session, order: ProductionOrder, wanted: str, user_id: int | None
) -> OrderStatusChange:
    """Move the order to `wanted` and log the step; refuses when the pipeline forbids it.

    The UPDATE is guarded by the status we read, so two managers clicking at once cannot
    both move the order (the second one is refused instead of skipping a step).
    """
    current = order.status
    if wanted not in next_statuses(current):
        raise StatusRefused(current, wanted)
    moved = session.execute(
        update(ProductionOrder)
        .where(ProductionOrder.id == order.id, ProductionOrder.status == current)
        .values(status=wanted),
        execution_options={"synchronize_session": False},
    )
    session.expire(order)
    if moved.rowcount != 1:
        raise StatusRefused(order.status, wanted)
    change = OrderStatusChange(order_id=order.id, status=wanted, user_id=user_id)
    session.add(change)
    session.flush()
    return change
