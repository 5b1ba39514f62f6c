"""Signed-in sessions on the server: opened at login, closed at logout or expiry.

The signed cookie names its session by a random token; the user loader accepts the cookie
only while the token's row exists (app/auth/users.py), so ending a session here ends every
copy of its cookie, remember-me cookie included.
"""

import secrets
from datetime import timedelta

from sqlmodel import Session, delete

from app import clock
from app.security.models import LoginSession


def open_session(db: Session, user_id: int, *, usable_for: timedelta) -> str:
    """A new session for this account; rows older than `usable_for`, which no cookie can
    still use, are dropped on the way."""
    db.exec(delete(LoginSession).where(LoginSession.started_at < clock.now() - usable_for))
    token = secrets.token_urlsafe(32)
    db.add(LoginSession(token=token, user_id=user_id))
    return token


def is_open(db: Session, token: str, user_id: int) -> bool:
    row = db.get(LoginSession, token)
    return row is not None and row.user_id == user_id


def exists(db: Session, token: str) -> bool:
    return db.get(LoginSession, token) is not None


def close_session(db: Session, token: str) -> None:
    db.exec(delete(LoginSession).where(LoginSession.token == token))
