"""Loading and creating login accounts, and the id a login session carries.

The id stored in the signed cookie names the account, a fingerprint of its password hash
and the session's token (app/security/login_sessions.py). A new password changes the
fingerprint (Flask-Login's alternative-token pattern), so every session signed in with the
old one is refused on its next request; logging out deletes the token's row, so a copy of
the cookie taken before is refused too.
"""

import hashlib
import hmac

from flask import current_app
from sqlmodel import Session, select

from app.auth.passwords import hash_password
from app.db import get_session
from app.models import User
from app.security.login_sessions import is_open

FINGERPRINT_LENGTH = 16


def session_id(user: User, token: str) -> str:
    """What the session and the remember-me cookie store to name this login."""
    return f"{user.id}:{_fingerprint(user.password_hash)}:{token}"


def session_token(stored_id: str) -> str:
    """The token part of a stored id; empty for an id that has none."""
    parts = stored_id.split(":")
    return parts[2] if len(parts) == 3 else ""


def _fingerprint(password_hash: str) -> str:
    # Keyed with the app's secret, so the cookie reveals nothing about the hash itself.
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, password_hash.encode(), hashlib.sha256).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


def load_user(stored_id: str) -> User | None:
    """The user a session names, unless the session ended, the account was disabled or its
    password changed."""
    parts = stored_id.split(":")
    if len(parts) != 3 or not parts[0].isdigit() or not all(parts[1:]):
        return None
    user_id, fingerprint, token = int(parts[0]), parts[1], parts[2]
    db = get_session()
    user = db.get(User, user_id)
    if user is None or not user.active:
        return None
    if not hmac.compare_digest(fingerprint, _fingerprint(user.password_hash)):
        return None
    return user if is_open(db, token, user_id) else None


def user_by_email(session: Session, email: str) -> User | None:
    """Accounts are stored under the trimmed, lower-case address, however it is typed."""
    return session.exec(select(User).where(User.email == email.strip().lower())).first()


def set_password(user: User, password: str) -> None:
    """Give the account a new password; every session signed in with the old one ends."""
    user.password_hash = hash_password(password)


def create_user(
    session: Session,
    *,
    email: str,
    name: str,
    password: str,
    role: str,
    customer_id: int | None = None,
    referrer_organisation: str | None = None,
) -> User:
    user = User(
        email=email.strip().lower(),
        name=name,
        password_hash=hash_password(password),
        role=role,
        customer_id=customer_id,
        referrer_organisation=referrer_organisation,
    )
    session.add(user)
    session.flush()
    return user
