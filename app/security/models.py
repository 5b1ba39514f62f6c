"""Login attempts, kept in the database so every web worker counts the same attempts."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from inventory.models import utcnow


class LoginAttempt(SQLModel, table=True):
    __tablename__ = "login_attempt"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    # As typed (normalised), also for unknown addresses: the answer must not reveal
    # whether an account exists, so unknown ones are locked just the same.
    email: str = Field(max_length=200, index=True)
    ip: str = Field(max_length=64, index=True)
    succeeded: bool = False
