"""Password hashing and the rules a new password must meet."""

from functools import cache
from secrets import token_urlsafe

from flask_babel import lazy_gettext as _l
from werkzeug.security import check_password_hash, generate_password_hash

from app.models import User

MIN_LENGTH = 10


def hash_password(password: str) -> str:
    return generate_password_hash(password, method="scrypt")


def verify_password(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)


@cache
def _dummy_hash() -> str:
    # Made once per process, with the same cost as every stored hash.
    return hash_password(token_urlsafe(16))


def verify_login(user: User | None, password: str) -> bool:
    """Whether this login may sign in. An unknown or disabled account costs the same one
    hash check as a known one, so the time a refusal takes reveals no account."""
    stored = user.password_hash if user is not None else _dummy_hash()
    return verify_password(stored, password) and user is not None and user.active


def password_problems(password: str) -> list[str]:
    """Why a password is too weak, in the user's language; empty when it is fine."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(_l("Minstens %(n)s tekens.", n=MIN_LENGTH))
    if password.lower() == password or password.upper() == password:
        problems.append(_l("Zowel hoofdletters als kleine letters."))
    if not any(ch.isdigit() for ch in password):
        problems.append(_l("Minstens één cijfer."))
    return [str(p) for p in problems]
