"""Loading and creating login accounts, and the id a login session carries.

Sessions live in signed cookies, so the server cannot delete another browser's session.
Instead the id stored in it carries a fingerprint of the account's password hash (Flask-
Login's alternative-token pattern): a new password changes the fingerprint, and every
session signed in with the old one is refused on its next request, without a column to
keep sessions in.
"""

import hashlib
import hmac

from flask import current_app
from sqlmodel import Session, select

from app.auth.passwords import hash_password
from app.db import get_session
from app.models import User

FINGERPRINT_LENGTH = 16


def session_id(user: User) -> str:
    """What the session and the remember-me cookie store to name this login."""
    return f"{user.id}:{_fingerprint(user.password_hash)}"


def _fingerprint(password_hash: str) -> str:
    # Keyed with the app's secret, so the cookie reveals nothing about the hash itself.
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, password_hash.encode(), hashlib.sha256).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


def load_user(stored_id: str) -> User | None:
    """The user a session names, unless the account was disabled or its password changed."""
    user_id, _, fingerprint = stored_id.partition(":")
    if not user_id.isdigit() or not fingerprint:
        return None
    user = get_session().get(User, int(user_id))
    if user is None or not user.active:
        return None
    if not hmac.compare_digest(fingerprint, _fingerprint(user.password_hash)):
        return None
    return user


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
