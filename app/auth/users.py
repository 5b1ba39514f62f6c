"""Loading and creating login accounts."""

from sqlmodel import Session

from app.auth.passwords import hash_password
from app.db import get_session
from app.models import User


def load_user(user_id: str) -> User | None:
    if not user_id.isdigit():
        return None
    user = get_session().get(User, int(user_id))
    return user if user is not None and user.active else None


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
