"""Login attempts, lifted locks and signed-in sessions, kept in the database so every web
worker sees the same."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models import fk
from app.vocab import one_of
from inventory.models import utcnow

# A lock holds either one account (the e-mail address as typed) or one client address.
LOCK_KINDS = ("account", "ip")


class LoginAttempt(SQLModel, table=True):
    __tablename__ = "login_attempt"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    # As typed (normalised), also for unknown addresses: the answer must not reveal
    # whether an account exists, so unknown ones are locked just the same.
    email: str = Field(max_length=200, index=True)
    ip: str = Field(max_length=64, index=True)
    succeeded: bool = False


class LockRelease(SQLModel, table=True):
    """An admin lifted the lock on an account or address: failures before it no longer count.

    The failed attempts themselves stay, because they also count towards the other kind of
    lock: lifting a user's account must not give the address that guessed at it fresh tries.
    """

    __tablename__ = "login_lock_release"
    __table_args__ = (one_of("kind", LOCK_KINDS),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    kind: str = Field(max_length=10)
    # The e-mail address or client address, as LoginAttempt stores it.
    value: str = Field(max_length=200, index=True)


class LoginSession(SQLModel, table=True):
    """One signed-in browser session, named by a random token in its signed cookie.

    The cookie alone cannot be taken back: logging out deletes this row, so a copy of the
    cookie taken before no longer opens anything (app/security/sessions.py).
    """

    __tablename__ = "login_session"

    token: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(sa_column=fk("user.id"))
    started_at: datetime = Field(default_factory=utcnow, index=True)
