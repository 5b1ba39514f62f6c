"""The audit log of participant files: who read or changed what, and when.

Participant files hold data about detention and health, so every read and every change is
recorded. `record()` adds the entry to the caller's session, so it is committed in the same
transaction as the change it describes and cannot drift from it.
"""

from datetime import datetime

from flask_login import current_user
from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, Session, SQLModel

from inventory.models import utcnow

ACTIONS = ("view", "create", "update", "delete", "export", "anonymise", "unlock")


class AuditEntry(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    user_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("user.id", ondelete="SET NULL"), index=True),
    )
    user_name: str = Field(default="", max_length=200)
    action: str = Field(max_length=20, index=True)
    what: str = Field(max_length=200)
    participant_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("participant.id", ondelete="SET NULL"), index=True),
    )


def record(db: Session, action: str, what: str, participant_id: int | None = None) -> AuditEntry:
    """Log one read or change by the logged-in user (or the system, outside a login)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    user = current_user if _logged_in() else None
    entry = AuditEntry(
        user_id=user.id if user else None,
        user_name=user.name if user else "systeem",
        action=action,
        what=what[:200],
        participant_id=participant_id,
    )
    db.add(entry)
    return entry


def _logged_in() -> bool:
    try:
        return bool(current_user and current_user.is_authenticated)
    except (RuntimeError, AttributeError):
        return False
