"""One-time links that let someone choose their own password.

There is no mail, so the admin is shown the link once and passes it on. Only a hash of the
token is stored: the database alone cannot be used to take over an account, and a link
works once and for a limited time.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlmodel import Field, Session, SQLModel, select

from app import clock
from app.auth.passwords import hash_password
from app.models import User, fk
from inventory.models import utcnow

VALID_FOR = timedelta(days=7)


class PasswordLink(SQLModel, table=True):
    __tablename__ = "password_link"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=fk("user.id"))
    token_hash: str = Field(max_length=64, unique=True)
    expires_at: datetime
    used_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link(db: Session, user: User) -> str:
    """A fresh token for `user`; earlier unused links of the account stop working."""
    for old in db.exec(
        select(PasswordLink).where(PasswordLink.user_id == user.id, PasswordLink.used_at.is_(None))
    ):
        old.used_at = clock.now()
        db.add(old)
    token = secrets.token_urlsafe(32)
    db.add(
        PasswordLink(user_id=user.id, token_hash=_digest(token), expires_at=clock.now() + VALID_FOR)
    )
    return token


def unusable_password() -> str:
    """A password hash nobody knows the password of, for an account that has not chosen one."""
    return hash_password(secrets.token_urlsafe(32))


def open_link(db: Session, token: str) -> PasswordLink | None:
    """The link for this token while it is unused and not expired."""
    link = db.exec(select(PasswordLink).where(PasswordLink.token_hash == _digest(token))).first()
    if link is None or link.used_at is not None or clock.local(link.expires_at) < clock.now():
        return None
    return link
